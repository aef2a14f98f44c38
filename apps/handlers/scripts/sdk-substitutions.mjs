/**
 * esbuild plugins of `bundle.mjs` that put stand-ins in place of SDK modules a Lambda bundle never
 * runs, and trim SDK data no bundle reads. Each stand-in is a TypeScript module of
 * `src/bundling/` whose header says why it is unreachable (or equivalent) in Lambda; each is
 * substituted only for the import that reaches it from inside the SDK.
 */
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HANDLERS_ROOT } from './lambda-functions.mjs';

/**
 * A module of `src/bundling/`.
 *
 * @param {string} file file name
 * @returns {string} absolute path
 */
export const bundlingModule = (file) => path.join(HANDLERS_ROOT, 'src', 'bundling', file);

/** The stand-ins of `src/bundling/unreachable-sdk-fallbacks.ts`. */
const UNREACHABLE_SDK_FALLBACKS = bundlingModule('unreachable-sdk-fallbacks.ts');

/** `src/bundling/no-shared-config-files.ts`. */
const NO_SHARED_CONFIG_FILES = bundlingModule('no-shared-config-files.ts');

/** Is `importer` a file of the npm package `name` (e.g. `@smithy/core`)? */
const inPackage = (importer, name) =>
  new RegExp(`[\\\\/]node_modules[\\\\/]${name.replace('/', '[\\\\/]')}[\\\\/]`).test(importer);

/**
 * Stand-ins by the import that reaches the SDK module from inside its package:
 * - `@smithy/core`: `./Sha256Js`, `./Md5Js`, `…/getInstanceMetadataRegion`, and the S3 endpoint
 *   customization `../service-customizations` (`src/bundling/unreachable-sdk-fallbacks.ts`);
 * - `@smithy/core`: the configuration loader's `./fromSharedConfigFiles`
 *   (`src/bundling/no-shared-config-files.ts`);
 * - `@smithy/signature-v4`: the event-stream header encoder `./HeaderFormatter`.
 */
export const replaceUnreachableSdkFallbacks = {
  name: 'replace-unreachable-sdk-fallbacks',
  setup(build) {
    build.onResolve(
      {
        filter:
          /^(\.\/(Sha256Js|Md5Js)|(\.\.\/config-resolver\/regionConfig|\.)\/getInstanceMetadataRegion|\.\.\/service-customizations)$/,
      },
      (args) =>
        inPackage(args.importer, '@smithy/core') ? { path: UNREACHABLE_SDK_FALLBACKS } : undefined,
    );
    build.onResolve({ filter: /^\.\/fromSharedConfigFiles$/ }, (args) =>
      inPackage(args.importer, '@smithy/core') ? { path: NO_SHARED_CONFIG_FILES } : undefined,
    );
    build.onResolve({ filter: /^\.\/HeaderFormatter$/ }, (args) =>
      inPackage(args.importer, '@smithy/signature-v4')
        ? { path: UNREACHABLE_SDK_FALLBACKS }
        : undefined,
    );
  },
};

/**
 * Loads a TypeScript module of `src/bundling/` (compiled here by esbuild).
 *
 * @param {string} file file name
 * @returns {Promise<Record<string, unknown>>} its exports
 */
export async function loadBundlingModule(file) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [bundlingModule(file)],
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
 * `@aws-sdk/core`'s endpoint partitions table without the regions' descriptions
 * (`src/bundling/partitions-without-descriptions.ts`); fails the bundle when the table has a shape
 * the rewrite does not know.
 *
 * @param {{ partitionsWithoutDescriptions: (source: string) => string }} trimmer
 */
export const trimPartitions = ({ partitionsWithoutDescriptions }) => ({
  name: 'trim-partitions',
  setup(build) {
    build.onLoad(
      {
        filter:
          /[\\/]node_modules[\\/]@aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]util-endpoints[\\/]lib[\\/]aws[\\/]partitions\.js$/,
      },
      async (args) => ({
        contents: partitionsWithoutDescriptions(await readFile(args.path, 'utf8')),
        loader: 'js',
      }),
    );
  },
});
