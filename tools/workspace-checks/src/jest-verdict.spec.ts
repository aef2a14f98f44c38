/**
 * `npm test` reads every Jest summary itself (tools/scripts/jest-verdict.sh) instead of trusting
 * Nx's exit status alone: a run whose summaries report a failure must fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

const SCRIPT = join(workspaceRoot, 'tools', 'scripts', 'jest-verdict.sh');

/** Runs the verdict script on a log with these lines. */
function verdict(lines: readonly string[]): {
  readonly status: number | null;
  readonly closing: string;
} {
  const folder = mkdtempSync(join(tmpdir(), 'jest-verdict-'));
  try {
    const log = join(folder, 'run.log');
    writeFileSync(log, `${lines.join('\n')}\n`);
    const run = spawnSync('bash', [SCRIPT, log], { encoding: 'utf8' });
    const closing = run.stdout.split('\n').filter((line) => line.startsWith('tests: '));
    return { status: run.status, closing: closing.join('|') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const PASSING = [
  '> nx run scope-engine:test',
  'Test Suites: 3 passed, 3 total',
  'Tests:       40 passed, 40 total',
  '> nx run handlers:test',
  'Test Suites: 2 passed, 2 total',
  'Tests:       27 passed, 27 total',
];

describe('jest-verdict.sh', () => {
  it.each([
    ['every summary passed', PASSING, 0, 'tests: 67 passed, 0 failed'],
    [
      'a failed test in one project',
      [
        ...PASSING,
        'Test Suites: 1 failed, 1 passed, 2 total',
        'Tests:       1 failed, 9 passed, 10 total',
      ],
      1,
      'tests: 76 passed, 1 failed',
    ],
    [
      'a suite that failed to run (no failed test counted)',
      [...PASSING, 'Test Suites: 1 failed, 1 total', 'Tests:       0 total'],
      1,
      'tests: 67 passed, 0 failed',
    ],
    [
      'a missed coverage threshold',
      [...PASSING, 'Jest: "global" coverage threshold for lines (90%) not met: 88.1%'],
      1,
      'tests: 67 passed, 0 failed',
    ],
    [
      'no summary at all',
      ['> nx run handlers:lint', 'Successfully ran target lint'],
      1,
      'tests: 0 passed, 0 failed',
    ],
  ])('%s', (_name, lines, status, closing) => {
    expect(verdict(lines)).toStrictEqual({ status, closing });
  });
});
