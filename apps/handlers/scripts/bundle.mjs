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
 *   instance-metadata region lookup; about 6 KB) and the event-stream header encoder of
 *   `@smithy/signature-v4` (about 2 KB) are replaced by stand-ins that fail loudly. See
 *   `src/bundling/unreachable-sdk-fallbacks.ts`;
 * - STS's SigV4a-capable signer, whose SigV4a half needs a native or JavaScript SigV4a package no
 *   bundle has, is replaced by the SigV4 signer it delegates to (about 3.5 KB). See
 *   `src/bundling/sigv4-only-signer.ts`;
 * - the configuration loader's shared-config-file source (`~/.aws/config`, which a Lambda function
 *   does not have) and the S3 endpoint customization are stand-ins (about 3 KB). See
 *   `src/bundling/no-shared-config-files.ts` and `src/bundling/unreachable-sdk-fallbacks.ts`;
 * - the endpoint partitions table keeps region names without their descriptions (about 2 KB).
 *   See `src/bundling/partitions-without-descriptions.ts`;
 * - every client's modeled error classes (all of its service's errors are registered with the
 *   deserializer, so all are bundled: about 40 KB) are made by one factory instead of one class
 *   declaration each — the same classes, about 30 KB less — and registered in one loop per type
 *   registry instead of one statement each (about 3 KB). See `src/bundling/compact-sdk-errors.ts`;
 * - the modules every client carries a byte-identical copy of (runtime extensions, the auth
 *   extension configuration) are bundled once (about 3 KB);
 * - the SDK's lazily loaded event-stream support is left out and its package.json files are
 *   trimmed to name and version (see below).
 *
 * Usage: `node apps/handlers/scripts/bundle.mjs [--analyze]` (or `npx nx run handlers:bundle`);
 * `--analyze` also prints each bundle's largest inputs, grouped by package.
 */
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { largestInputs } from './bundle-inputs.mjs';
import {
  ASSETS_ROOT,
  HANDLERS_ROOT,
  LAMBDA_FUNCTIONS,
  functionPaths,
} from './lambda-functions.mjs';
import {
  bundlingModule,
  loadBundlingModule,
  replaceUnreachableSdkFallbacks,
  trimPartitions,
} from './sdk-substitutions.mjs';

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

/** The factory the compacted errors modules call (`src/bundling/sdk-error-classes.ts`). */
const SDK_ERROR_CLASSES = bundlingModule('sdk-error-classes.ts');

/**
 * Every AWS SDK client's `models/errors.js`, rewritten into calls of one factory, and its
 * `schemas/schemas_0.js`, whose error-name constants then read the classes' names and whose error
 * registrations are made in one loop per registry (see the file header); fails the bundle when a
 * module has a shape the rewrite does not know.
 *
 * @param {{
 *   compactSdkErrorsModule: (source: string, factoryPath: string) => string,
 *   errorNamesFromClasses: (source: string) => string,
 *   registrationsInLoops: (source: string) => string,
 * }} compactor `src/bundling/compact-sdk-errors.ts`
 */
const compactSdkErrors = ({
  compactSdkErrorsModule,
  errorNamesFromClasses,
  registrationsInLoops,
}) => ({
  name: 'compact-sdk-errors',
  setup(build) {
    build.onLoad(
      {
        filter:
          /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_0\.js$/,
      },
      async (args) => ({
        contents: registrationsInLoops(errorNamesFromClasses(await readFile(args.path, 'utf8'))),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }),
    );
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

/** Per-client modules that are byte-identical in every SDK client (see {@link dedupeSdkClientModules}). */
const CLIENT_MODULES_ALIKE = /^\.\/(runtimeExtensions|auth\/httpAuthExtensionConfiguration)$/;

/**
 * The text of a module and, recursively, of the modules it imports by relative path: two modules
 * with the same closure behave the same wherever they are (their package imports resolve to the
 * one copy of each package the bundle has).
 *
 * @param {string} file absolute path of an ES module
 * @returns {Promise<string>}
 */
async function relativeClosure(file) {
  const text = await readFile(file, 'utf8');
  const parts = [text];
  for (const [, specifier] of text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
    parts.push(specifier, await relativeClosure(path.join(path.dirname(file), `${specifier}.js`)));
  }
  return parts.join('\0');
}

/**
 * Every AWS SDK client carries its own copy of `runtimeExtensions.js` and
 * `auth/httpAuthExtensionConfiguration.js`, the same text in each (about 0.6 KB a client). A
 * client's import of one resolves to the first copy bundled whose text and relative imports are
 * the same; a copy that differs stays its own.
 */
const dedupeSdkClientModules = {
  name: 'dedupe-sdk-client-modules',
  setup(build) {
    /** @type {Map<string, string>} closure text → first path */
    const firstCopy = new Map();
    build.onResolve({ filter: CLIENT_MODULES_ALIKE }, async (args) => {
      if (
        !/[\\/]node_modules[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]/.test(args.importer)
      ) {
        return undefined;
      }
      const file = path.join(args.resolveDir, `${args.path}.js`);
      const key = `${args.path}\0${await relativeClosure(file)}`;
      if (!firstCopy.has(key)) firstCopy.set(key, file);
      return { path: firstCopy.get(key) };
    });
  },
};

/** Modules replaced in Lambda bundles (see the file header). */
const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': bundlingModule('lambda-credential-provider.ts'),
  '@aws-sdk/middleware-endpoint-discovery': bundlingModule('no-endpoint-discovery.ts'),
  '@aws-sdk/signature-v4-multi-region': bundlingModule('sigv4-only-signer.ts'),
};

/**
 * Bundles one function.
 *
 * @param {string} name function name (folder under src/)
 * @param {import('esbuild').Plugin[]} rewrites the plugins that rewrite SDK modules
 *   ({@link compactSdkErrors}, `trimPartitions`)
 * @returns {Promise<{ name: string, bytes: number, metafile: import('esbuild').Metafile }>}
 */
async function bundleFunction(name, rewrites) {
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
    plugins: [
      trimSdkPackageJson,
      replaceUnreachableSdkFallbacks,
      ...rewrites,
      dedupeSdkClientModules,
    ],
    charset: 'utf8',
    legalComments: 'external',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: HANDLERS_ROOT,
  });
  const bytes = result.metafile.outputs[path.relative(HANDLERS_ROOT, outfile)]?.bytes ?? 0;
  return { name, bytes, metafile: result.metafile };
}

/**
 * Bundles every function and prints each bundle's size; with `--analyze`, also each bundle's
 * largest inputs by package.
 */
async function main() {
  await mkdir(ASSETS_ROOT, { recursive: true });
  const rewrites = [
    compactSdkErrors(await loadBundlingModule('compact-sdk-errors.ts')),
    trimPartitions(await loadBundlingModule('partitions-without-descriptions.ts')),
  ];
  const results = [];
  for (const name of LAMBDA_FUNCTIONS) {
    results.push(await bundleFunction(name, rewrites));
  }
  for (const { name, bytes } of results) {
    console.log(`${name.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
  }
  if (process.argv.includes('--analyze')) {
    for (const { name, metafile } of results) console.log(`\n${name}\n${largestInputs(metafile)}`);
  }
}

main().catch((error) => {
  console.error(`bundle failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
