/**
 * Runs a TypeScript entry point of a tools project (the local stack behind `npm start`, the
 * benchmarks) without a prior `tsc` build: esbuild bundles the entry and the workspace packages'
 * sources (`@org/source` condition) into `<project>/tmp/` (the project is the nearest folder above
 * the entry with a package.json), leaving npm dependencies external, then node runs it with the
 * remaining arguments. The exit code is the script's.
 *
 * Usage: `node tools/scripts/run-ts.mjs tools/benchmarks/src/worker/worker-throughput.ts [args…]`
 * (the entry relative to the working directory, the workspace root under Nx).
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder above `file` holding a package.json. */
function projectRootOf(file) {
  let dir = path.dirname(file);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${file}`);
    dir = parent;
  }
  return dir;
}

/**
 * Keeps npm packages external, required by absolute path from where the importer resolves them
 * (so each workspace package gets its own dependency versions); workspace packages (`@org/*`)
 * are bundled from source.
 */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@org/') || args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: 'require-call',
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

/** Bundles `entry` and runs it; returns its exit status. */
async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    throw new Error('usage: run-ts.mjs <entry.ts> [args…]');
  }
  const entryPath = path.resolve(entry);
  const outfile = path.join(projectRootOf(entryPath), 'tmp', `${path.basename(entry, '.ts')}.cjs`);
  await esbuild.build({
    entryPoints: [entryPath],
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
  // The SDK warns on node < 22 (Lambda runs 22); the local runs do not need the reminder.
  const flags = ['--enable-source-maps', '--disable-warning=NodeVersionSupportWarning'];
  const result = spawnSync(process.execPath, [...flags, outfile, ...args], {
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
