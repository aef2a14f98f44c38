/**
 * Benchmark of the deploy app's synthesis (Nx target `deploy-app:bench-synth`, goal ≤ 15 s on
 * the 2-core CI machines). Times `npx cdk synth --quiet` end to end (CLI start, app, cdk-nag,
 * assets) several times into a temporary output directory and prints each run and the median;
 * exits 1 when the median misses the goal.
 *
 * Usage: `node scripts/bench-synth.mjs [--runs N]`
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GOAL_SECONDS = 15;
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive integer, got ${process.argv[runsIndex + 1]}`);
  process.exit(2);
}

/** Seconds one `cdk synth` takes. */
function timeSynth(outdir) {
  const started = process.hrtime.bigint();
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(1);
  }
  return seconds;
}

const seconds = [];
for (let run = 1; run <= runs; run += 1) {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'deploy-app-bench-'));
  try {
    seconds.push(timeSynth(outdir));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  console.log(`run ${run}: cdk synth ${seconds.at(-1).toFixed(1)} s`);
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const met = median <= GOAL_SECONDS;
console.log(
  `deploy-app synth: median ${median.toFixed(1)} s over ${runs} run(s) on ${os.cpus().length} cores ` +
    `(goal ≤ ${GOAL_SECONDS} s: ${met ? 'met' : 'NOT met'})`,
);
// A missed goal fails the target, so CI and scripts see it.
if (!met) process.exitCode = 1;
