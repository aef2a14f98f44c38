/**
 * Release against a real registry: stages and versions every release project at a throwaway
 * version (only the git-ignored staged copies change), publishes them with
 * `nx release publish --registry` to verdaccio on 127.0.0.1, then, in empty folders, installs
 * `@org/scp-automation-construct` with what its README says to install and synthesizes a CDK app
 * whose Lambdas must run the bundles shipped in the package's `assets/`, and installs
 * `@org/orgctl` and validates the example configuration with it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  installSpecs,
  readmeInstallLine,
  sha256,
  synthesizedFunctions,
  type SynthesizedFunction,
  workspaceRoot,
  writeNpmrc,
} from './support/consumer';
import { EVERY_PROP_NAMESPACES, writeConsumerApp } from './support/consumer-app';
import { peerInstallSpecs } from './support/peer-floor';
import { type CommandResult, runCommand } from './support/run-command';
import { type LocalRegistry, startVerdaccio } from './support/verdaccio';

interface ReleaseProject {
  readonly name: string;
  readonly root: string;
  readonly packageName: string;
}

interface Packument {
  readonly 'dist-tags': Record<string, string>;
  readonly versions: Record<string, Record<string, unknown>>;
}

const VERSION = `0.0.0-ci.${Date.now()}`;
const SCRIPTS = join(workspaceRoot, 'tools', 'release', 'scripts');
const FUNCTIONS = ['org-events-processor', 'operations-worker', 'vending-notifier', 'reconciler'];
const MINUTE = 60_000;
const started = Date.now();
const timings: string[] = [];
const workdir = mkdtempSync(join(tmpdir(), 'release-registry-'));
let registry: LocalRegistry | undefined;
let projects: ReleaseProject[] = [];
let publishRc = '';

/** Runs a step, recording how long it took for the closing summary. */
async function step(label: string, run: () => Promise<CommandResult>): Promise<CommandResult> {
  const result = await run();
  timings.push(`${label} ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}

/** An empty consumer folder whose `.npmrc` takes `@org/*` from the local registry. */
function consumerFolder(name: string): string {
  const folder = join(workdir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
  cpSync(publishRc, join(folder, '.npmrc'));
  return folder;
}

/** `npm install` in a consumer folder (no lock file, cached metadata first). */
function npmInstall(folder: string, specs: readonly string[]): Promise<CommandResult> {
  return runCommand(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...specs],
    { cwd: folder, timeoutMs: 5 * MINUTE },
  );
}

/**
 * Writes the consumer app into `app`, synthesizes it and returns, per nodejs22.x function, the
 * shipped bundle its code is (by SHA-256 of `assets/<function>/index.js`), else its logical id.
 */
async function synthesizeConsumer(
  app: string,
  label: string,
  kind: 'minimal' | 'every-prop' = 'minimal',
): Promise<SynthesizedFunction[]> {
  writeConsumerApp(app, kind);
  await step(label, () =>
    runCommand('node', ['app.js'], {
      cwd: app,
      env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
      timeoutMs: 5 * MINUTE,
    }),
  );
  const pkg = join(app, 'node_modules', '@org', 'scp-automation-construct');
  const shipped = new Map(
    FUNCTIONS.map((fn) => [sha256(join(pkg, 'assets', fn, 'index.js')), fn] as const),
  );
  const functions = synthesizedFunctions(join(app, 'cdk.out'), 'Governance');
  const product = functions.filter((f) => f.runtime === 'nodejs22.x');
  console.log(`${label}: ${functions.length} Lambda functions, ${product.length} nodejs22.x`);
  return product.map((f) => ({
    ...f,
    logicalId: shipped.get(f.bundleSha256 ?? '') ?? f.logicalId,
  }));
}

/** The version of a package installed in a consumer folder. */
function installedVersion(folder: string, name: string): string {
  const manifest = join(folder, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

beforeAll(async () => {
  const listed = await runCommand('node', [join(SCRIPTS, 'stage-packages.mjs'), '--list'], {
    cwd: workspaceRoot,
    timeoutMs: 2 * MINUTE,
  });
  projects = JSON.parse(listed.stdout) as ReleaseProject[];
  registry = await startVerdaccio(join(workdir, 'registry'));
  const upstream = (
    await runCommand('npm', ['config', 'get', 'registry'], { cwd: workdir, timeoutMs: MINUTE })
  ).stdout.trim();
  publishRc = join(workdir, 'publish.npmrc');
  writeNpmrc(publishRc, registry.url, registry.token, upstream);
  await step('stage + version', () =>
    runCommand('node', [join(SCRIPTS, 'version-staged.mjs'), VERSION, '--skip-build'], {
      cwd: workspaceRoot,
      env: { NX_DAEMON: 'false' },
      timeoutMs: 4 * MINUTE,
    }),
  );
  const registryUrl = registry.url;
  const published = await step('nx release publish', () =>
    runCommand(
      'npx',
      ['nx', 'release', 'publish', '--registry', registryUrl, '--outputStyle=static', '--skipSync'],
      {
        cwd: workspaceRoot,
        env: { NX_DAEMON: 'false', NX_TUI: 'false', npm_config_userconfig: publishRc },
        timeoutMs: 6 * MINUTE,
      },
    ),
  );
  console.log(
    published.stdout
      .split('\n')
      .filter((l) => /Published to|Skipped/.test(l))
      .join('\n'),
  );
}, 12 * MINUTE);

afterAll(async () => {
  await registry?.stop();
  rmSync(workdir, { recursive: true, force: true });
  // The staged copies now carry the throwaway version: never leave them for a real publish.
  rmSync(join(workspaceRoot, 'dist', 'release'), { recursive: true, force: true });
  timings.push(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`registry release test (${VERSION}): ${timings.join(', ')}`);
});

describe('nx release publish to a local registry', () => {
  it('publishes every release project, with exact inter-package versions and no source condition', async () => {
    expect(projects.map((p) => p.packageName)).toEqual(
      expect.arrayContaining([
        '@org/event-schemas',
        '@org/scope-engine',
        '@org/aws-adapters',
        '@org/scp-automation-construct',
        '@org/orgctl',
      ]),
    );
    for (const project of projects) {
      const response = await fetch(`${registry?.url}${project.packageName.replace('/', '%2f')}`);
      expect(response.status).toBe(200);
      const packument = (await response.json()) as Packument;
      expect(packument['dist-tags'].latest).toBe(VERSION);
      const manifest = packument.versions[VERSION];
      expect(JSON.stringify(manifest.exports)).not.toContain('@org/source');
      expect(manifest).toMatchObject({
        license: 'Apache-2.0',
        repository: { type: 'git', directory: project.root },
        publishConfig: { access: 'public' },
      });
      expect(manifest).not.toHaveProperty('nx');
      expect(manifest).not.toHaveProperty('devDependencies');
      const orgDeps = Object.entries((manifest.dependencies ?? {}) as Record<string, string>)
        .filter(([name]) => name.startsWith('@org/'))
        .map(([, range]) => range);
      expect(orgDeps.every((range) => range === VERSION)).toBe(true);
    }
  });

  it('installs the construct as its README says and synthesizes Lambdas from the shipped assets', async () => {
    const app = consumerFolder('cdk-app');
    const readme = join(workspaceRoot, 'packages', 'scp-automation-construct', 'README.md');
    const specs = installSpecs(readmeInstallLine(readme));
    const installed = await step('construct install', () => npmInstall(app, specs));
    console.log(`construct consumer: npm install ${specs.join(' ')}\n${installed.stdout.trim()}`);
    const pkg = join(app, 'node_modules', '@org', 'scp-automation-construct');
    expect(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version).toBe(VERSION);
    const fromAssets = (await synthesizeConsumer(app, 'cdk synth')).map((f) => f.logicalId);
    console.log(`cdk synth: nodejs22.x code from the shipped assets: ${fromAssets.join(', ')}`);
    expect([...fromAssets].sort()).toEqual([...FUNCTIONS].sort());
  });

  it.each(['floor', 'latest'] as const)(
    "synthesizes an app using every prop, twice in one stack, with aws-cdk-lib and constructs at the peer ranges' %s",
    async (which) => {
      const app = consumerFolder(`cdk-app-${which}`);
      const manifest = join(workspaceRoot, 'packages', 'scp-automation-construct', 'package.json');
      const peers = peerInstallSpecs(manifest, which);
      const specs = ['@org/scp-automation-construct', '@org/scope-engine', ...peers];
      await step(`construct install (${which})`, () => npmInstall(app, specs));
      const cdkLib = installedVersion(app, 'aws-cdk-lib');
      const constructs = installedVersion(app, 'constructs');
      console.log(`peer ${which}: aws-cdk-lib ${cdkLib}, constructs ${constructs}`);
      const pinned = (version: string): string => (which === 'floor' ? version : 'latest');
      expect(peers).toEqual([`aws-cdk-lib@${pinned(cdkLib)}`, `constructs@${pinned(constructs)}`]);
      // Every escape hatch, and two instances in one stack with their own metrics namespaces.
      const functions = await synthesizeConsumer(app, `cdk synth (${which})`, 'every-prop');
      const bundles = functions.map((f) => f.logicalId).sort();
      expect(bundles).toEqual([...FUNCTIONS, ...FUNCTIONS].sort());
      const namespaces = [...new Set(functions.map((f) => f.metricsNamespace))].sort();
      expect(namespaces).toEqual(EVERY_PROP_NAMESPACES);
    },
  );

  it('installs orgctl in an empty folder and validates the example configuration', async () => {
    const folder = consumerFolder('orgctl-user');
    const installed = await step('orgctl install', () => npmInstall(folder, ['@org/orgctl']));
    console.log(`orgctl consumer: npm install @org/orgctl\n${installed.stdout.trim()}`);
    for (const file of ['governance.yaml', 'org.yaml'])
      cpSync(join(workspaceRoot, 'examples', file), join(folder, file));
    const validated = await step('orgctl validate', () =>
      runCommand(
        'npx',
        ['--no-install', 'orgctl', 'validate', '--config', 'governance.yaml', '--org', 'org.yaml'],
        { cwd: folder, env: { NO_COLOR: '1', FORCE_COLOR: undefined }, timeoutMs: 2 * MINUTE },
      ),
    );
    console.log(
      `$ orgctl validate --config governance.yaml --org org.yaml\n${validated.stdout}${validated.stderr}`,
    );
    expect(validated.stdout).toMatch(/^valid: governance\.yaml/);
  });
});
