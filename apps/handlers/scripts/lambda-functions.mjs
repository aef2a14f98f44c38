/**
 * The Lambda functions of apps/handlers and where their bundles go. Shared by the bundle and
 * bundle-size scripts so both agree on names and paths.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/handlers */
export const HANDLERS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The workspace root. */
export const WORKSPACE_ROOT = path.resolve(HANDLERS_ROOT, '..', '..');

/** Where the construct library expects the pre-bundled code (`lambda.Code.fromAsset`). */
export const ASSETS_ROOT = path.join(
  WORKSPACE_ROOT,
  'packages',
  'scp-automation-construct',
  'assets',
);

/**
 * Every function: its folder under `src/` (entry `index.ts` exporting `handler`) is also its
 * asset folder name.
 */
export const LAMBDA_FUNCTIONS = Object.freeze([
  'org-events-processor',
  'operations-worker',
  'vending-notifier',
  'reconciler',
]);

/**
 * Paths of one function's entry point and bundle.
 *
 * @param {string} name one of {@link LAMBDA_FUNCTIONS}
 * @returns {{ entry: string, outfile: string }}
 */
export function functionPaths(name) {
  return {
    entry: path.join(HANDLERS_ROOT, 'src', name, 'index.ts'),
    outfile: path.join(ASSETS_ROOT, name, 'index.js'),
  };
}
