/**
 * The four Lambda functions and where their pre-bundled code lives. The package ships the
 * bundles in `assets/<function>/index.js` (each exporting `handler`), produced in the workspace
 * by `npx nx run handlers:bundle`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { HandlerFunctionName } from '@org/contracts';
import { MissingHandlerAssetError } from '../errors';

/**
 * The `assets/` folder shipped with this package. Resolved from this file, so it is the same
 * folder whether the code runs from `src/` (tests) or `dist/` (published package).
 */
export function defaultAssetsDirectory(): string {
  return path.join(__dirname, '..', '..', 'assets');
}

/**
 * Lambda code of one function, from `<assetsDirectory>/<name>/`.
 *
 * @throws {MissingHandlerAssetError} when `<name>/index.js` does not exist.
 * @example
 * ```ts
 * const code = handlerCode('reconciler', defaultAssetsDirectory());
 * ```
 */
export function handlerCode(name: HandlerFunctionName, assetsDirectory: string): lambda.Code {
  const directory = path.join(assetsDirectory, name);
  const entry = path.join(directory, 'index.js');
  if (!fs.existsSync(entry)) {
    throw new MissingHandlerAssetError(name, entry);
  }
  return lambda.Code.fromAsset(directory);
}
