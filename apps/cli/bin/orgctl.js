#!/usr/bin/env node
// The `orgctl` binary: runs the esbuild bundle (fast start) built by `npx nx run cli:build`.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'orgctl.js');
if (existsSync(bundle)) {
  require(bundle);
} else {
  process.stderr.write(
    'orgctl is not built yet: run `npx nx run cli:build` from the repository root.\n',
  );
  process.exitCode = 2;
}
