#!/usr/bin/env node
// After `npm install`: bundle the CLI so `npx orgctl …` works from the repository root at once.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
try {
  execFileSync('npx', ['nx', 'run', 'cli:bundle', '--output-style=static'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch {
  // Never fail the install: `orgctl` explains how to build itself when the bundle is missing.
  process.stderr.write('postinstall: could not bundle orgctl; run `npx nx run cli:build`.\n');
}
