/**
 * Runs the chaos (`npm run chaos -- …`, `nx run chaos:run -- …`) without a prior `tsc` build,
 * through the workspace's one TypeScript runner (tools/scripts/run-ts.mjs: esbuild bundles
 * src/cli/main.ts and the workspace packages' sources into tools/chaos/tmp/, then node runs it
 * with the arguments). The exit code is the run's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN_TS = path.resolve(HERE, '..', '..', 'scripts', 'run-ts.mjs');
const ENTRY = path.resolve(HERE, '..', 'src', 'cli', 'main.ts');

const result = spawnSync(process.execPath, [RUN_TS, ENTRY, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
