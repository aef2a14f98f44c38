// The Node.js line of `npm start` (the same wording as orgctl's live commands print, from
// apps/cli/src/io/node-support.ts): Node 22 LTS recommended, 20.19+ supported. The AWS SDK's own
// multi-line warning, printed once per process that creates a client, is turned off for the
// processes `npm start` runs.

/** The Node.js major version recommended: the LTS the product's Lambdas run on (nodejs22.x). */
export const RECOMMENDED_NODE_MAJOR = 22;
/** The oldest supported Node.js version (`engines`). */
export const MINIMUM_NODE_VERSION = '20.19.0';
/** Turns the AWS SDK's Node-version warning off in every process that inherits it. */
export const SDK_NODE_WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

const parts = (version) => version.replace(/^v/, '').split('.').map(Number);

/**
 * One line about `version` (`process.versions.node`), or undefined on Node 22 or later.
 * @param {string} version
 * @returns {string | undefined}
 */
export function nodeSupportNotice(version) {
  const [major = 0, minor = 0] = parts(version);
  const [minMajor, minMinor] = parts(MINIMUM_NODE_VERSION);
  const bare = version.replace(/^v/, '');
  if (major >= RECOMMENDED_NODE_MAJOR) return undefined;
  if (major > minMajor || (major === minMajor && minor >= minMinor)) {
    return `note: Node.js ${bare} is supported; Node.js ${RECOMMENDED_NODE_MAJOR} LTS is recommended (AWS SDK releases from 2027 require it)`;
  }
  return `warning: Node.js ${bare} is not supported; use Node.js ${RECOMMENDED_NODE_MAJOR} LTS (${MINIMUM_NODE_VERSION} or later works)`;
}

/**
 * The environment for the processes `npm start` runs: `env` with the SDK warning turned off
 * (unless the user already chose a value).
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function quietSdkEnv(env) {
  return { [SDK_NODE_WARNING_VARIABLE]: 'true', ...env };
}
