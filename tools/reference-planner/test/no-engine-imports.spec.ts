/**
 * The oracle must not be able to agree with the engine by sharing its code: no source file of the
 * reference planner imports the engine (or the product's handlers and adapters) at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCES = join(__dirname, '..', 'src');
/** Packages whose planning, matching, desired-state or plan code the oracle must not reuse. */
const FORBIDDEN = ['@org/scope-engine', '@org/handlers', '@org/aws-adapters', '@org/orgctl'];
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? '');
}

describe('the reference planner is independent of the engine', () => {
  const files = sourceFiles(SOURCES);

  it('scans every source file of the planner', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.map((f) => relative(SOURCES, f))).toContain('plan/account-plan.ts');
  });

  it('imports nothing of the engine, the handlers, the adapters or the CLI', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => FORBIDDEN.some((p) => spec === p || spec.startsWith(`${p}/`)))
        .map((spec) => `${relative(SOURCES, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('imports only its own files (no package at all)', () => {
    const external = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('.'))
        .map((spec) => `${relative(SOURCES, file)} imports ${spec}`),
    );
    expect(external).toEqual([]);
  });

  it('recognises an import of the engine when there is one', () => {
    const planted =
      "import { Planner } from '@org/scope-engine';\nconst x = require('@org/scope-engine/plan');";
    expect([...planted.matchAll(IMPORT)].map((m) => m[1])).toEqual([
      '@org/scope-engine',
      '@org/scope-engine/plan',
    ]);
  });
});
