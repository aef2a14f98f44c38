/**
 * Regression: a Jest run behind the emulator global setup must exit with Jest's verdict. The
 * harness once unreferenced the emulator process while teardown awaited its stop, so Node ran
 * out of work and exited 0 before Jest reported a failure, and a failed emulator start ran 0 tests
 * and exited 0 too. Each case spawns a real Jest process on the fixture project in
 * fixtures/exit-codes (the harness's real setup and teardown around one test).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(180_000);

const FIXTURE_CONFIG = join(__dirname, 'fixtures', 'exit-codes', 'jest.config.cjs');
const JEST_BIN = require.resolve('jest/bin/jest');

interface JestRun {
  readonly status: number | null;
  readonly output: string;
}

/** Runs the fixture project in a fresh Jest process with the given environment changes. */
function runFixture(environment: Readonly<Record<string, string>>): JestRun {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...environment,
    NX_DAEMON: 'false',
    FORCE_COLOR: '0',
  };
  delete env['JEST_WORKER_ID'];
  const result = spawnSync(
    process.execPath,
    [JEST_BIN, '--config', FIXTURE_CONFIG, '--runInBand', '--ci', '--no-cache', '--colors=false'],
    { env, encoding: 'utf8', timeout: 150_000 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A PATH holding only a temporary folder (with an optional fake `moto_server`). */
function pathWith(fakeMoto?: string): { readonly path: string; readonly cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'exit-codes-path-'));
  if (fakeMoto !== undefined) {
    const script = join(folder, 'moto_server');
    writeFileSync(script, fakeMoto);
    chmodSync(script, 0o755);
  }
  return { path: folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

describe('a Jest run behind the emulator global setup', () => {
  it('exits 0 when its test passes (control)', () => {
    const run = runFixture({ FIXTURE_OUTCOME: 'pass' });
    expect({ status: run.status, summary: /Tests:\s+1 passed, 1 total/.test(run.output) }).toEqual({
      status: 0,
      summary: true,
    });
  });

  it('exits non-zero when a test fails', () => {
    const run = runFixture({ FIXTURE_OUTCOME: 'planted failure' });
    expect({ status: run.status, summary: /Tests:\s+1 failed, 1 total/.test(run.output) }).toEqual({
      status: 1,
      summary: true,
    });
  });

  it('exits non-zero, naming the install command, when the emulator is not installed', () => {
    const bin = pathWith();
    try {
      const run = runFixture({ FIXTURE_OUTCOME: 'pass', PATH: bin.path });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain(
        `moto: "moto_server" was not found. Install it with: pip install 'moto[server]'`,
      );
    } finally {
      bin.cleanup();
    }
  });

  it('exits non-zero, with the emulator output, when the emulator dies at start', () => {
    const bin = pathWith('#!/bin/sh\necho "moto refuses to start" >&2\nexit 3\n');
    try {
      const run = runFixture({ FIXTURE_OUTCOME: 'pass', PATH: bin.path });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('moto refuses to start');
      expect(run.output).not.toMatch(/Tests:\s+1 passed/);
    } finally {
      bin.cleanup();
    }
  });
});
