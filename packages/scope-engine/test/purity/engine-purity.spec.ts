/**
 * The engine is pure: its sources import no Node built-in, AWS SDK or CDK, and use no timer,
 * clock, environment or process. The lint rules of `pureCore` say the same; this test reads every
 * source file itself, so turning a lint rule off cannot hide a violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findImpurities } from './find-impurities';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('engine purity', () => {
  const files = sourceFiles(SRC);

  it('scans the whole engine', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.map((f) => relative(SRC, f))).toEqual(
      expect.arrayContaining(['index.ts', 'plan/planner.ts', 'events/event-effect.ts']),
    );
  });

  it('finds no forbidden import or global in any source file', () => {
    const found = files.flatMap((file) =>
      findImpurities(file, readFileSync(file, 'utf8')).map(
        (impurity) => `${relative(SRC, file)}:${impurity.line} ${impurity.what}`,
      ),
    );
    expect(found).toStrictEqual([]);
  });

  it('has no pipeline folder (the use-cases live in @org/governance-runtime)', () => {
    expect(readdirSync(SRC)).not.toContain('pipeline');
    expect(readdirSync(SRC)).not.toContain('ports');
  });
});

describe('findImpurities on planted violations', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", "import 'node:fs'"],
    ["import { readFileSync } from 'fs';", "import 'fs'"],
    ["import { setTimeout as wait } from 'timers/promises';", "import 'timers/promises'"],
    ["export { EventEmitter } from 'events';", "import 'events'"],
    ["const os = require('os');", "import 'os'"],
    [
      "const sdk = await import('@aws-sdk/client-organizations');",
      "import '@aws-sdk/client-organizations'",
    ],
    ["import { App } from 'aws-cdk-lib';", "import 'aws-cdk-lib'"],
    ['setTimeout(() => undefined, 10);', 'setTimeout'],
    ['const timer = setInterval(tick, 1000);', 'setInterval'],
    ['const started = Date.now();', 'Date.now'],
    ['const today = new Date();', 'new Date()'],
    ['const today = new Date;', 'new Date()'],
    ["const region = process.env['AWS_REGION'];", 'process'],
    ['const t = performance.now();', 'performance'],
    ['const later = globalThis.setTimeout;', 'globalThis.setTimeout'],
  ])('reports %s', (code, what) => {
    expect(findImpurities('planted.ts', `// planted\n${code}\n`)).toContainEqual({ line: 2, what });
  });

  it.each([
    ["import { z } from 'zod';"],
    ["import { parse } from 'yaml';"],
    ["import type { DomainEvent } from '@org/event-schemas';"],
    ['const at = new Date(event.time);'],
    ["const at = Date.parse('2026-01-01T00:00:00Z');"],
    ['const config = { process: 1, setTimeout: 2 }.process;'],
    ['// Date.now() and setTimeout are mentioned in a comment only'],
    ["const text = 'process.env and node:fs in a string';"],
  ])('leaves %s alone', (code) => {
    expect(findImpurities('clean.ts', code)).toStrictEqual([]);
  });

  it('reports every violation of a file with its line', () => {
    const text = [
      "import { join } from 'node:path';",
      'const a = 1;',
      'const b = Date.now();',
    ].join('\n');
    expect(findImpurities('planted.ts', text)).toStrictEqual([
      { line: 1, what: "import 'node:path'" },
      { line: 3, what: 'Date.now' },
    ]);
  });
});
