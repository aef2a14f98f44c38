import { builtinModules } from 'node:module';
import ts from 'typescript';
import { IMPURE_GLOBALS, IMPURE_PACKAGES } from '../../../../pure-core.cjs';

/** One forbidden import or global use in a source text. */
export interface Impurity {
  /** 1-based line. */
  readonly line: number;
  /** What was found, e.g. `import 'node:fs'` or `Date.now`. */
  readonly what: string;
}

/**
 * Packages the engine never imports besides Node built-ins (AWS SDK, CDK): the lint rule's import
 * patterns as regular expressions (`x/*`: any module under `x`; otherwise exactly `x`).
 */
const IMPURE_PACKAGE_PATTERNS = IMPURE_PACKAGES.map((pattern) =>
  pattern.endsWith('/*')
    ? new RegExp(`^${escapeRegExp(pattern.slice(0, -1))}`)
    : new RegExp(`^${escapeRegExp(pattern)}$`),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Globals that schedule work, read time or reach the process (the list the lint rule bans too). */
const IMPURE_GLOBAL_NAMES: ReadonlySet<string> = new Set(IMPURE_GLOBALS);

const BUILTINS = new Set(builtinModules);

/** `true` for `node:*`, a bare Node built-in (`fs`, `timers/promises`) or an impure package. */
export function isImpureModule(specifier: string): boolean {
  return (
    specifier.startsWith('node:') ||
    BUILTINS.has(specifier) ||
    IMPURE_PACKAGE_PATTERNS.some((pattern) => pattern.test(specifier))
  );
}

/** `true` when `node` names a binding (not a property name, a key or a declaration). */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return false;
  if (ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent))
    return parent.name !== node;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent)) return parent.name !== node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  return true;
}

/** The module a node imports, for `import`, `export … from`, `import()` and `require()`. */
function importedModule(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expr = node.moduleReference.expression;
    return ts.isStringLiteral(expr) ? expr.text : undefined;
  }
  if (ts.isCallExpression(node) && node.arguments.length > 0) {
    const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    const arg = node.arguments[0];
    if ((isImport || isRequire) && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

/** What a node does that the pure engine must not, if anything. */
function impurityOf(node: ts.Node): string | undefined {
  const module = importedModule(node);
  if (module !== undefined) return isImpureModule(module) ? `import '${module}'` : undefined;
  if (ts.isIdentifier(node) && IMPURE_GLOBAL_NAMES.has(node.text) && isFreeReference(node))
    return node.text;
  if (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    ((node.expression.text === 'Date' && node.name.text === 'now') ||
      (node.expression.text === 'globalThis' && IMPURE_GLOBAL_NAMES.has(node.name.text)))
  )
    return `${node.expression.text}.${node.name.text}`;
  if (
    ts.isNewExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'Date' &&
    (node.arguments === undefined || node.arguments.length === 0)
  )
    return 'new Date()';
  return undefined;
}

/**
 * Every forbidden import (Node built-ins, AWS SDK, CDK) and every use of a timer, the clock
 * (`Date.now`, `new Date()`, `performance`) or the process in one TypeScript source text. Reads the
 * syntax tree, so comments and strings that mention these names are not reported.
 *
 * @example
 * ```ts
 * findImpurities('x.ts', "import { readFileSync } from 'node:fs';"); // [{ line: 1, what: "import 'node:fs'" }]
 * ```
 */
export function findImpurities(fileName: string, text: string): Impurity[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Impurity[] = [];
  const visit = (node: ts.Node): void => {
    const what = impurityOf(node);
    if (what !== undefined) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ line: line + 1, what });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
