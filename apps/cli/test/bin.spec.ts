import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { example, EXAMPLE_INPUTS, run } from './helpers/run';

const BIN = join(__dirname, '..', 'bin', 'orgctl.js');

/** Runs the real binary (bin/orgctl.js → dist/orgctl.js, built by `nx run cli:bundle`). */
function orgctl(args: string[], bin = BIN) {
  // Colour off: NO_COLOR set, and FORCE_COLOR (set by some task runners) removed.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'FORCE_COLOR'),
  );
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/orgctl.js (the bundled binary)', () => {
  it('prints the same reconcile plan as the in-process command', async () => {
    const args = ['plan', ...EXAMPLE_INPUTS, '--reconcile'];
    const inProcess = await run([...args, '--format', 'json']);
    expect(orgctl(args)).toStrictEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
  });

  it('exits 1 with the problems on stderr for invalid input, without a stack trace', () => {
    const result = orgctl([
      'plan',
      '--org',
      example('governance.yaml'),
      '--config',
      example('governance.yaml'),
      '--reconcile',
    ]);
    expect([result.code, result.stdout, result.stderr.split('\n')[0]]).toStrictEqual([
      1,
      '',
      `error: ${example('governance.yaml')} is not a valid organization snapshot: 7 problems`,
    ]);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 on an unknown option', () => {
    expect(orgctl(['plan', '--org', 'o.yaml', '--config', 'g.yaml', '--bogus'])).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown option '--bogus'\n(run with --help for usage)\n",
    });
  });

  it('tells how to build it when the bundle is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgctl-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(BIN, join(dir, 'bin', 'orgctl.js'));
      expect(orgctl(['--version'], join(dir, 'bin', 'orgctl.js'))).toStrictEqual({
        code: 2,
        stdout: '',
        stderr: 'orgctl is not built yet: run `npx nx run cli:build` from the repository root.\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
