/**
 * Checks the Lambda bundles (Nx target `handlers:bundle-size`, after `handlers:bundle`):
 * prints each bundle's size and the wall time of `node -e "require(bundle)"` against a bare
 * `node -e 0` (median of interleaved runs), and fails when a bundle is larger than 400 KB or its
 * require time is more than 2.5 times the bare start.
 *
 * The bundles are required with the environment the construct gives them, so the measured
 * time includes cold-start work: configuration parsing and SDK client construction.
 *
 * Usage: `node apps/handlers/scripts/bundle-size.mjs [--runs N]`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { LAMBDA_FUNCTIONS, functionPaths } from './lambda-functions.mjs';
import { REPRESENTATIVE_LAMBDA_ENV } from './representative-env.mjs';

/** Largest acceptable bundle. */
const MAX_BYTES = 400 * 1024;
/** Largest acceptable ratio of require time to a bare `node -e 0`. */
const MAX_REQUIRE_RATIO = 2.5;

/**
 * Wall time of one node process, in milliseconds.
 *
 * @param {string} script the `-e` script
 * @returns {number}
 */
function timeNode(script) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, ...REPRESENTATIVE_LAMBDA_ENV },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node -e ${JSON.stringify(script)} failed:\n${result.stderr.toString()}`);
  }
  return elapsed;
}

/**
 * Median of a list of numbers.
 *
 * @param {number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Reads `--runs N` from the command line (default 15).
 *
 * @returns {number}
 */
function runsFromArgs() {
  const index = process.argv.indexOf('--runs');
  const runs = index >= 0 ? Number(process.argv[index + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a positive integer, got ${process.argv[index + 1]}`);
  }
  return runs;
}

/** Measures every bundle and prints one line each; exit code 1 when a budget is exceeded. */
function main() {
  const runs = runsFromArgs();
  const bundles = LAMBDA_FUNCTIONS.map((name) => ({ name, ...functionPaths(name) }));
  const missing = bundles.filter(({ outfile }) => !existsSync(outfile));
  if (missing.length > 0) {
    throw new Error(
      `missing bundles (run \`npx nx run handlers:bundle\` first): ${missing.map((b) => b.outfile).join(', ')}`,
    );
  }
  const bare = [];
  const required = new Map(bundles.map(({ name }) => [name, []]));
  timeNode('0'); // warm the file system cache before measuring
  for (let run = 0; run < runs; run += 1) {
    bare.push(timeNode('0'));
    for (const { name, outfile } of bundles) {
      required.get(name).push(timeNode(`require(${JSON.stringify(outfile)})`));
    }
  }
  const bareMs = median(bare);
  console.log(`bare \`node -e 0\`: ${bareMs.toFixed(1)} ms (median of ${runs})`);
  console.log(
    ['function'.padEnd(24), 'size'.padStart(10), 'require'.padStart(10), 'ratio'.padStart(7)].join(
      ' ',
    ),
  );
  let failures = 0;
  for (const { name, outfile } of bundles) {
    const bytes = statSync(outfile).size;
    const requireMs = median(required.get(name));
    const ratio = requireMs / bareMs;
    const verdicts = [
      bytes > MAX_BYTES ? `> ${MAX_BYTES / 1024} KB` : null,
      ratio > MAX_REQUIRE_RATIO ? `> ${MAX_REQUIRE_RATIO}x` : null,
    ].filter((v) => v !== null);
    failures += verdicts.length;
    console.log(
      [
        name.padEnd(24),
        `${(bytes / 1024).toFixed(1)} KB`.padStart(10),
        `${requireMs.toFixed(1)} ms`.padStart(10),
        `${ratio.toFixed(2)}x`.padStart(7),
        verdicts.length > 0 ? `FAIL (${verdicts.join(', ')})` : 'ok',
      ].join(' '),
    );
  }
  if (failures > 0) {
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(`bundle-size failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
