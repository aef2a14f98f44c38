/**
 * Packaging test (Nx target `scp-automation-construct:pack-test`): packs this library and the
 * workspace libraries it depends on with `npm pack`, installs the tarballs into a fresh CDK app
 * in a temporary directory outside the workspace, synthesizes a stack with `OrgGovernance` and
 * checks that every Lambda function's code is the bundle shipped in the tarball's `assets/`.
 *
 * Proves the published package works without the workspace: `dist` and `assets` are in
 * `files`, exports resolve, peer dependencies suffice, and no source or esbuild is needed.
 *
 * Usage: `node packages/scp-automation-construct/scripts/pack-test.mjs [--keep]`
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_ROOT = path.resolve(PACKAGE_ROOT, '..', '..');
/** This library and the workspace libraries it depends on (published together). */
const PACKED = [
  'packages/event-schemas',
  'packages/scope-engine',
  'packages/scp-automation-construct',
];
const FUNCTIONS = ['org-events-processor', 'operations-worker', 'vending-notifier', 'reconciler'];
const started = Date.now();
const keep = process.argv.includes('--keep');

/** Runs a command, inheriting nothing but returning its stdout. */
function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** SHA-256 of a file. */
function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const workdir = mkdtempSync(path.join(os.tmpdir(), 'construct-pack-test-'));
try {
  // 1. npm pack each library into the temporary directory.
  const tarballs = PACKED.map((project) => {
    const [entry] = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--pack-destination', workdir],
        path.join(WORKSPACE_ROOT, project),
      ),
    );
    return path.join(workdir, entry.filename);
  });
  const constructTarball = tarballs.at(-1);
  const listing = run('tar', ['-tzf', constructTarball], workdir).split('\n');
  for (const fn of FUNCTIONS) {
    if (!listing.includes(`package/assets/${fn}/index.js`))
      throw new Error(`tarball lacks assets/${fn}/index.js`);
  }
  if (listing.some((file) => file.startsWith('package/src/')))
    throw new Error('tarball ships src/');

  // 2. A fresh CDK app outside the workspace.
  const appDir = path.join(workdir, 'app');
  mkdirSync(appDir);
  writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify({ name: 'pack-test-app', private: true }, null, 2),
  );
  const cdkVersion = JSON.parse(
    readFileSync(path.join(WORKSPACE_ROOT, 'node_modules/aws-cdk-lib/package.json'), 'utf8'),
  ).version;
  const constructsVersion = JSON.parse(
    readFileSync(path.join(WORKSPACE_ROOT, 'node_modules/constructs/package.json'), 'utf8'),
  ).version;
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      ...tarballs,
      `aws-cdk-lib@${cdkVersion}`,
      `constructs@${constructsVersion}`,
    ],
    appDir,
  );
  writeFileSync(
    path.join(appDir, 'app.js'),
    `const { App, Stack } = require('aws-cdk-lib');
const { OrgGovernance } = require('@org/scp-automation-construct');
const { parseGovernanceConfig } = require('@org/scope-engine');
const config = parseGovernanceConfig(require('fs').readFileSync(process.argv[2], 'utf8'), 'governance.yaml');
const app = new App({ outdir: process.argv[3] });
const stack = new Stack(app, 'PackTest', { env: { account: '111111111111', region: 'us-east-1' } });
new OrgGovernance(stack, 'OrgGovernance', { governanceConfig: config, organizationId: 'o-exampleorg1' });
app.synth();
`,
  );
  const outdir = path.join(workdir, 'cdk.out');
  run('node', ['app.js', path.join(WORKSPACE_ROOT, 'examples/governance.yaml'), outdir], appDir);

  // 3. Every function's code asset is the shipped bundle, byte for byte.
  const template = JSON.parse(readFileSync(path.join(outdir, 'PackTest.template.json'), 'utf8'));
  const assets = JSON.parse(readFileSync(path.join(outdir, 'PackTest.assets.json'), 'utf8')).files;
  const shipped = new Map(
    FUNCTIONS.map((fn) => [
      sha256(
        path.join(appDir, 'node_modules/@org/scp-automation-construct/assets', fn, 'index.js'),
      ),
      fn,
    ]),
  );
  const found = new Set();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function' || resource.Properties.Runtime !== 'nodejs22.x')
      continue;
    const hash = resource.Properties.Code.S3Key.replace(/\.zip$/, '');
    const bundle = path.join(outdir, assets[hash].source.path, 'index.js');
    const fn = shipped.get(sha256(bundle));
    if (fn === undefined)
      throw new Error(`function code ${hash} is not one of the shipped bundles`);
    found.add(fn);
  }
  const missing = FUNCTIONS.filter((fn) => !found.has(fn));
  if (missing.length > 0) throw new Error(`no function runs the shipped ${missing.join(', ')}`);
  const workspaceSame = FUNCTIONS.every(
    (fn) => shipped.get(sha256(path.join(PACKAGE_ROOT, 'assets', fn, 'index.js'))) === fn,
  );
  console.log(
    `pack-test: ${tarballs.map((t) => path.basename(t)).join(', ')} installed outside the workspace; ` +
      `stack synthesized with ${found.size} functions from the shipped assets ` +
      `(identical to the workspace bundles: ${workspaceSame}); ${readdirSync(outdir).length} files in cdk.out`,
  );
} finally {
  if (keep) console.log(`kept ${workdir}`);
  else rmSync(workdir, { recursive: true, force: true });
}
console.log(`pack-test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
