import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspacePath } from './workspace';

/** The real binary: bin/orgctl.js runs the esbuild bundle (built before the tests by `cli:build`). */
export const ORGCTL_BIN = workspacePath('apps', 'cli', 'bin', 'orgctl.js');

/** What one run of the real `orgctl` process did. */
export interface ProcessRun {
  /** Exit code, or `null` when it was killed (timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time in milliseconds. */
  readonly ms: number;
  /** Peak resident set size in MiB. */
  readonly rssMiB: number;
  /** `true` when it had to be killed after `timeoutMs`. */
  readonly timedOut: boolean;
}

/** Options of {@link spawnOrgctl}. */
export interface SpawnOptions {
  /** Working directory (where the input files are). */
  readonly cwd: string;
  /** Killed after this long. */
  readonly timeoutMs: number;
  /** Close our end of stdout after this many bytes (like `orgctl … | head -c N`). */
  readonly closeStdoutAfter?: number;
}

/** At most this much of each stream is kept (a plan of a large organization is not needed whole). */
const KEEP_CHARS = 64 * 1024;

/**
 * Runs `node bin/orgctl.js …args` as a child process with its peak memory measured (a preloaded
 * probe writes `process.resourceUsage().maxRSS` on exit), colour off, and returns its exit code,
 * the start of its output, its wall time and peak RSS.
 *
 * @example
 * ```ts
 * const run = await spawnOrgctl(['validate', '--config', 'g.yaml'], { cwd: dir, timeoutMs: 30_000 });
 * ```
 */
export async function spawnOrgctl(
  args: readonly string[],
  options: SpawnOptions,
): Promise<ProcessRun> {
  if (!existsSync(workspacePath('apps', 'cli', 'dist', 'orgctl.js')))
    throw new Error('apps/cli/dist/orgctl.js is missing: run `npx nx run cli:build` first');
  const probeDir = mkdtempSync(join(tmpdir(), 'orgctl-rss-'));
  const rssFile = join(probeDir, 'rss');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'FORCE_COLOR' && key !== 'NODE_OPTIONS'),
  );
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'rss-probe.cjs'), ORGCTL_BIN, ...args],
    { cwd: options.cwd, env: { ...env, NO_COLOR: '1', ORGCTL_RSS_FILE: rssFile } },
  );
  let stdout = '';
  let stderr = '';
  let stdoutBytes = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    if (stdout.length < KEEP_CHARS) stdout += chunk.toString('utf8');
    if (options.closeStdoutAfter !== undefined && stdoutBytes >= options.closeStdoutAfter)
      child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < KEEP_CHARS) stderr += chunk.toString('utf8');
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const ms = Date.now() - started;
  const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
  rmSync(probeDir, { recursive: true, force: true });
  return { code, stdout, stderr, ms, rssMiB: Math.round(rssKiB / 1024), timedOut };
}
