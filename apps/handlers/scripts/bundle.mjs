/**
 * Bundles every Lambda function into packages/scp-automation-construct/assets/<function>/index.js
 * (Nx target `handlers:bundle`).
 *
 * - minified CommonJS for nodejs22.x, AWS SDK v3 and Powertools bundled (no runtime-provided
 *   SDK, so the deployed code runs exactly the versions that were tested);
 * - `mainFields: ['module', 'main']` and the `@org/source` condition, so the SDK's ES modules
 *   and the workspace packages' TypeScript sources are tree-shaken;
 * - the SDK's default credential chain (SSO, INI files, process, web identity, IMDS and their
 *   nested STS/SSO clients, about 85 KB) is replaced by what Lambda actually provides:
 *   environment credentials, then the container credentials endpoint. See
 *   `src/bundling/lambda-credential-provider.ts`;
 * - the DynamoDB client's endpoint-discovery configuration, whose endpoint cache (about 8 KB)
 *   nothing reads, is replaced by one without it. See `src/bundling/no-endpoint-discovery.ts`;
 * - three `@smithy/core` fallbacks Lambda's Node.js never takes (JavaScript SHA-256 and MD5, the
 *   instance-metadata region lookup; about 6 KB) are replaced by stand-ins that fail loudly. See
 *   `src/bundling/unreachable-sdk-fallbacks.ts`;
 * - every client's modeled error classes (all of its service's errors are registered with the
 *   deserializer, so all are bundled: about 40 KB) are made by one factory instead of one class
 *   declaration each — the same classes, about 30 KB less. See `src/bundling/compact-sdk-errors.ts`;
 * - the SDK's lazily loaded event-stream support is left out and its package.json files are
 *   trimmed to name and version (see below).
 *
 * Usage: `node apps/handlers/scripts/bundle.mjs` (or `npx nx run handlers:bundle`).
 */
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ASSETS_ROOT,
  HANDLERS_ROOT,
  LAMBDA_FUNCTIONS,
  functionPaths,
} from './lambda-functions.mjs';

/**
 * Loaded lazily by the SDK only for event-stream operations, which none of our clients has
 * (about 15 KB). Left as a `require` that is never executed; the Lambda runtime's own SDK would
 * satisfy it if it ever were.
 */
const LAZY_UNUSED = ['@smithy/core/event-streams'];

/**
 * The SDK clients import their whole package.json only to read `version` (for the user agent);
 * this keeps `name` and `version` (about 2 KB per client).
 */
const trimSdkPackageJson = {
  name: 'trim-sdk-package-json',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ },
      async (args) => {
        const { name, version } = JSON.parse(await readFile(args.path, 'utf8'));
        return { contents: JSON.stringify({ name, version }), loader: 'json' };
      },
    );
  },
};

/** The stand-ins of `src/bundling/unreachable-sdk-fallbacks.ts`. */
const UNREACHABLE_SDK_FALLBACKS = path.join(
  HANDLERS_ROOT,
  'src',
  'bundling',
  'unreachable-sdk-fallbacks.ts',
);

/**
 * `@smithy/core` modules Lambda never runs (see the file header), by the import that reaches them
 * from inside `@smithy/core`: `./Sha256Js`, `./Md5Js`, `…/getInstanceMetadataRegion`.
 */
const replaceUnreachableSdkFallbacks = {
  name: 'replace-unreachable-sdk-fallbacks',
  setup(build) {
    build.onResolve(
      {
        filter:
          /^(\.\/(Sha256Js|Md5Js)|(\.\.\/config-resolver\/regionConfig|\.)\/getInstanceMetadataRegion)$/,
      },
      (args) =>
        /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]/.test(args.importer)
          ? { path: UNREACHABLE_SDK_FALLBACKS }
          : undefined,
    );
  },
};

/** The factory the compacted errors modules call (`src/bundling/sdk-error-classes.ts`). */
const SDK_ERROR_CLASSES = path.join(HANDLERS_ROOT, 'src', 'bundling', 'sdk-error-classes.ts');

/**
 * Loads `src/bundling/compact-sdk-errors.ts` (TypeScript, compiled here by esbuild).
 *
 * @returns {Promise<{ compactSdkErrorsModule: (source: string, factoryPath: string) => string }>}
 */
async function loadErrorsCompactor() {
  const { outputFiles } = await esbuild.build({
    entryPoints: [path.join(HANDLERS_ROOT, 'src', 'bundling', 'compact-sdk-errors.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = Buffer.from(outputFiles[0].contents).toString('base64');
  return import(`data:text/javascript;base64,${code}`);
}

/**
 * Every AWS SDK client's `models/errors.js`, rewritten into calls of one factory (see the file
 * header); fails the bundle when a module has a shape the rewrite does not know.
 *
 * @param {(source: string, factoryPath: string) => string} compactSdkErrorsModule
 */
const compactSdkErrors = (compactSdkErrorsModule) => ({
  name: 'compact-sdk-errors',
  setup(build) {
    build.onLoad(
      {
        filter:
          /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]models[\\/]errors\.js$/,
      },
      async (args) => ({
        contents: compactSdkErrorsModule(await readFile(args.path, 'utf8'), SDK_ERROR_CLASSES),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }),
    );
  },
});

/** Modules replaced in Lambda bundles (see the file header). */
const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': path.join(
    HANDLERS_ROOT,
    'src',
    'bundling',
    'lambda-credential-provider.ts',
  ),
  '@aws-sdk/middleware-endpoint-discovery': path.join(
    HANDLERS_ROOT,
    'src',
    'bundling',
    'no-endpoint-discovery.ts',
  ),
};

/**
 * Bundles one function.
 *
 * @param {string} name function name (folder under src/)
 * @param {import('esbuild').Plugin} compactErrors the {@link compactSdkErrors} plugin
 * @returns {Promise<{ name: string, bytes: number }>}
 */
async function bundleFunction(name, compactErrors) {
  const { entry, outfile } = functionPaths(name);
  await rm(path.dirname(outfile), { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    mainFields: ['module', 'main'],
    conditions: ['@org/source', 'module'],
    alias: LAMBDA_ALIASES,
    external: LAZY_UNUSED,
    plugins: [trimSdkPackageJson, replaceUnreachableSdkFallbacks, compactErrors],
    charset: 'utf8',
    legalComments: 'external',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: HANDLERS_ROOT,
  });
  const bytes = result.metafile.outputs[path.relative(HANDLERS_ROOT, outfile)]?.bytes ?? 0;
  return { name, bytes };
}

/** Bundles every function and prints each bundle's size. */
async function main() {
  await mkdir(ASSETS_ROOT, { recursive: true });
  const compactErrors = compactSdkErrors((await loadErrorsCompactor()).compactSdkErrorsModule);
  const results = [];
  for (const name of LAMBDA_FUNCTIONS) {
    results.push(await bundleFunction(name, compactErrors));
  }
  for (const { name, bytes } of results) {
    console.log(`${name.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
  }
}

main().catch((error) => {
  console.error(`bundle failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
