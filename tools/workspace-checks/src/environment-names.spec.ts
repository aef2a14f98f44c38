/**
 * Environment variable names live once, in `@org/contracts`: no product source file (apps/*\/src,
 * packages/*\/src) writes one of the contract's variable names as a string, a template text or
 * an identifier key (`{ RULES_TABLE: … }`, `env.RULES_TABLE`) — they import `HANDLER_ENV`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { HANDLER_VARIABLES } from '@org/contracts';
import { workspaceRoot } from './workspace-root';

/** The only package that may spell the names out. */
const OWNER = 'packages/contracts/src';

/** Every `.ts` file under `dir` (specs included: they are product sources too when in src/). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** `apps/*\/src` and `packages/*\/src`, except the contract's own. */
function productSources(): string[] {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(workspaceRoot, group))
      .map((name) => join(workspaceRoot, group, name, 'src'))
      .filter((src) => statSync(src, { throwIfNoEntry: false })?.isDirectory() === true)
      .filter((src) => relative(workspaceRoot, src) !== OWNER)
      .flatMap(sourceFiles),
  );
}

/** An identifier naming a property: `{ NAME: … }`, `{ NAME }`, `env.NAME`, `NAME: string`. */
function isPropertyName(node: ts.Node): node is ts.Identifier {
  const parent = node.parent;
  return (
    ts.isIdentifier(node) &&
    parent !== undefined &&
    (((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) &&
      parent.name === node) ||
      ts.isShorthandPropertyAssignment(parent) ||
      (ts.isPropertyAccessExpression(parent) && parent.name === node))
  );
}

/** `file:line: NAME` for every spelled-out name in one file. */
function spelledNames(path: string, names: ReadonlySet<string>): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, name: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${relative(workspaceRoot, path)}:${line + 1}: ${name}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || isPropertyName(node)) {
      if (names.has(node.text)) report(node, node.text);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const word of node.text.split(/[^A-Z0-9_]+/)) if (names.has(word)) report(node, word);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const NAMES = new Set(Object.values(HANDLER_VARIABLES).map((spec) => spec.name));

describe('environment variable names', () => {
  it('are found in the product sources when spelled out (the scan works)', () => {
    const probe = ts.createSourceFile('probe.ts', '', ts.ScriptTarget.Latest);
    expect({ names: NAMES.size, parsed: probe.statements.length }).toStrictEqual({
      names: Object.keys(HANDLER_VARIABLES).length,
      parsed: 0,
    });
    expect(
      spelledNames(join(workspaceRoot, OWNER, 'environment', 'handler-variables.ts'), NAMES),
    ).not.toHaveLength(0);
  });

  it('appear nowhere in apps/*/src and packages/*/src outside @org/contracts', () => {
    expect(productSources().flatMap((path) => spelledNames(path, NAMES))).toStrictEqual([]);
  });
});
