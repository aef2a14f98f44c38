/**
 * What a consumer of the published packages does: an empty folder with an `.npmrc` that takes
 * `@org/*` from the local registry (and everything else from the machine's usual registry), the
 * install line of a package README, and the Lambda code of a synthesized CDK stack.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute path of the repository root. */
export const workspaceRoot = join(__dirname, '..', '..', '..', '..');

/**
 * Writes an npm config that maps the `@org` scope to `registryUrl` with a token, so `@org/*`
 * never resolves from a public registry, and keeps `upstreamRegistry` for everything else.
 */
export function writeNpmrc(
  file: string,
  registryUrl: string,
  token: string,
  upstreamRegistry: string,
): void {
  const hostPath = registryUrl.replace(/^https?:/, '');
  writeFileSync(
    file,
    [
      `registry=${upstreamRegistry}`,
      `@org:registry=${registryUrl}`,
      `${hostPath}:_authToken=${token}`,
      'update-notifier=false',
      'fund=false',
      'audit=false',
      '',
    ].join('\n'),
  );
}

/**
 * The packages of the first `npm install …` line of a README.
 *
 * @throws Error when the README has no such line
 */
export function readmeInstallLine(readme: string): readonly string[] {
  const line = /^npm install ((?:@?[\w./-]+ ?)+)$/m.exec(readFileSync(readme, 'utf8'));
  if (line === null) throw new Error(`${readme} has no "npm install <packages>" line`);
  return line[1].trim().split(/\s+/);
}

/**
 * Install specs for a README's packages: `@org/*` by bare name (the registry's `latest`), the
 * rest at the exact version the workspace uses, so the install is reproducible.
 */
export function installSpecs(packages: readonly string[]): readonly string[] {
  return packages.map((name) => {
    if (name.startsWith('@org/')) return name;
    const manifest = join(workspaceRoot, 'node_modules', name, 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return `${name}@${version}`;
  });
}

/** SHA-256 of a file, hex. */
export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A Lambda function of a synthesized template and the bundle its code asset holds. */
export interface SynthesizedFunction {
  readonly logicalId: string;
  readonly runtime: string;
  /** SHA-256 of the asset's `index.js`, or `undefined` when the asset has none. */
  readonly bundleSha256: string | undefined;
  /** The function's `POWERTOOLS_METRICS_NAMESPACE`, when set. */
  readonly metricsNamespace: string | undefined;
}

interface Template {
  readonly Resources: Record<
    string,
    { readonly Type: string; readonly Properties: Record<string, unknown> }
  >;
}

interface AssetManifest {
  readonly files: Record<string, { readonly source: { readonly path: string } }>;
}

/**
 * Every `AWS::Lambda::Function` of a synthesized stack with the hash of its code asset's
 * `index.js` (file assets are `S3Key: <asset hash>.zip` in the template).
 */
export function synthesizedFunctions(cdkOut: string, stack: string): SynthesizedFunction[] {
  const template = JSON.parse(
    readFileSync(join(cdkOut, `${stack}.template.json`), 'utf8'),
  ) as Template;
  const assets = JSON.parse(
    readFileSync(join(cdkOut, `${stack}.assets.json`), 'utf8'),
  ) as AssetManifest;
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
    .map(([logicalId, resource]) => {
      const code = resource.Properties.Code as { S3Key?: string } | undefined;
      const environment = resource.Properties.Environment as
        { Variables?: Record<string, unknown> } | undefined;
      const namespace = environment?.Variables?.['POWERTOOLS_METRICS_NAMESPACE'];
      const hash = code?.S3Key?.replace(/\.zip$/, '');
      const source = hash === undefined ? undefined : assets.files[hash]?.source.path;
      const bundle = source === undefined ? undefined : join(cdkOut, source, 'index.js');
      return {
        logicalId,
        runtime: String(resource.Properties.Runtime),
        bundleSha256: bundle !== undefined && existsSync(bundle) ? sha256(bundle) : undefined,
        metricsNamespace: typeof namespace === 'string' ? namespace : undefined,
      };
    });
}
