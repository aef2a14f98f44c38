/**
 * Runs a TypeScript entry point of apps/handlers (the benchmark, the local pipeline) without a
 * prior `tsc` build: esbuild bundles the entry and the workspace packages' sources (`@org/source`
 * condition) into `apps/handlers/tmp/`, leaving npm dependencies external, then node runs it with
 * the remaining arguments. The exit code is the script's.
 *
 * Usage: `node apps/handlers/scripts/run-ts.mjs src/bench/worker-throughput.ts [args…]`
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { HANDLERS_ROOT } from './lambda-functions.mjs';

/** Keeps bare npm imports external; workspace packages (`@org/*`) are bundled from source. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@org/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles `entry` and runs it; returns its exit status. */
async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    throw new Error('usage: run-ts.mjs <entry.ts> [args…]');
  }
  const outfile = path.join(HANDLERS_ROOT, 'tmp', `${path.basename(entry, '.ts')}.cjs`);
  await esbuild.build({
    entryPoints: [path.resolve(HANDLERS_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['@org/source'],
    sourcemap: 'inline',
    plugins: [externalNpmPackages],
    logLevel: 'warning',
  });
  const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(`run-ts failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
