#!/usr/bin/env node
// `npm start`: the main job on the embedded example — the whole pipeline, locally.
// moto (and DynamoDB Local) on 127.0.0.1, examples/org.yaml seeded, examples/governance.yaml loaded,
// examples/events/ replayed through the real handlers, the FIFO queue drained by the real worker,
// then the effective state is read back and verified (see tools/local-stack/README.md).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { nodeSupportNotice, quietSdkEnv } from './node-support.mjs';

const notice = nodeSupportNotice(process.versions.node);
if (notice !== undefined) process.stderr.write(`${notice}\n`);

const root = join(import.meta.dirname, '..', '..');
const result = spawnSync('npx', ['nx', 'run', 'local-stack:start', '--output-style=stream'], {
  cwd: root,
  env: { ...quietSdkEnv(process.env), NX_DAEMON: 'false', NX_TUI: 'false' },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
