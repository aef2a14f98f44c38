/**
 * Runs the chaos (`npm run chaos -- …`, `nx run chaos:run -- …`) without a prior `tsc` build:
 * esbuild bundles src/cli/main.ts and the workspace packages' sources (`@org/source` condition)
 * into tools/chaos/tmp/, npm packages stay external, then node runs it with the arguments.
 * The exit code is the run's.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHAOS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Keeps npm packages external, required from where the importer resolves them. */
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

async function main() {
  const outfile = path.join(CHAOS_ROOT, 'tmp', 'chaos.cjs');
  await esbuild.build({
    entryPoints: [path.join(CHAOS_ROOT, 'src', 'cli', 'main.ts')],
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
  const flags = ['--enable-source-maps', '--disable-warning=NodeVersionSupportWarning'];
  const result = spawnSync(process.execPath, [...flags, outfile, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(`run-chaos failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
