// The Node.js line of `npm start`, with the words orgctl's live commands print: the constants and
// `nodeSupportNotice` come from orgctl's own module (apps/cli/src/io/node-support.ts, which
// imports nothing), transpiled by esbuild when this script loads, so the two cannot drift. The
// AWS SDK's own multi-line warning, printed once per process that creates a client, is turned off
// for the processes `npm start` runs.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE = new URL('../../apps/cli/src/io/node-support.ts', import.meta.url);
const { code } = esbuild.transformSync(readFileSync(SOURCE, 'utf8'), {
  loader: 'ts',
  format: 'esm',
  sourcefile: fileURLToPath(SOURCE),
});
const orgctl = await import(`data:text/javascript,${encodeURIComponent(code)}`);

/** The Node.js major version recommended: the LTS the product's Lambdas run on (nodejs22.x). */
export const RECOMMENDED_NODE_MAJOR = orgctl.RECOMMENDED_NODE_MAJOR;
/** The oldest supported Node.js version (`engines`). */
export const MINIMUM_NODE_VERSION = orgctl.MINIMUM_NODE_VERSION;
/** Turns the AWS SDK's Node-version warning off in every process that inherits it. */
export const SDK_NODE_WARNING_VARIABLE = orgctl.SDK_NODE_WARNING_VARIABLE;

/**
 * One line about `version` (`process.versions.node`), or undefined on Node 22 or later: orgctl's
 * `nodeSupportNotice`.
 * @type {(version: string) => string | undefined}
 */
export const nodeSupportNotice = orgctl.nodeSupportNotice;

/**
 * The environment for the processes `npm start` runs: `env` with the SDK warning turned off
 * (unless the user already chose a value).
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function quietSdkEnv(env) {
  return { [SDK_NODE_WARNING_VARIABLE]: 'true', ...env };
}
