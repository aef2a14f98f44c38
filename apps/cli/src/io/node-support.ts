/** The Node.js major version recommended: the LTS the product's Lambdas run on (nodejs22.x). */
export const RECOMMENDED_NODE_MAJOR = 22;

/** The oldest supported Node.js version (`engines` of the packages). */
export const MINIMUM_NODE_VERSION = '20.19.0';

/**
 * Environment variable that turns the AWS SDK's own multi-line Node-version warning off (the SDK
 * checks it when a client is created, in each process).
 */
export const SDK_NODE_WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

function parts(version: string): [number, number] {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor];
}

/**
 * The one line `orgctl`'s live commands print about the Node.js version, or `undefined` on the
 * recommended version or later (nothing to say).
 *
 * @param version - a Node.js version, with or without the leading `v` (`process.versions.node`)
 * @example
 * ```ts
 * nodeSupportNotice('20.20.2'); // 'note: Node.js 20.20.2 is supported; Node.js 22 LTS is recommended …'
 * nodeSupportNotice('22.12.0'); // undefined
 * ```
 */
export function nodeSupportNotice(version: string): string | undefined {
  const [major, minor] = parts(version);
  const [minMajor, minMinor] = parts(MINIMUM_NODE_VERSION);
  const bare = version.replace(/^v/, '');
  if (major >= RECOMMENDED_NODE_MAJOR) return undefined;
  if (major > minMajor || (major === minMajor && minor >= minMinor)) {
    return `note: Node.js ${bare} is supported; Node.js ${RECOMMENDED_NODE_MAJOR} LTS is recommended (AWS SDK releases from 2027 require it)`;
  }
  return `warning: Node.js ${bare} is not supported; use Node.js ${RECOMMENDED_NODE_MAJOR} LTS (${MINIMUM_NODE_VERSION} or later works)`;
}

/**
 * Turns the AWS SDK's own Node-version warning off in `env` (this process and the processes it
 * starts), unless the user already chose a value. Call it before the first SDK client is created.
 *
 * @example
 * ```ts
 * silenceSdkNodeWarning(process.env);
 * ```
 */
export function silenceSdkNodeWarning(env: NodeJS.ProcessEnv): void {
  env[SDK_NODE_WARNING_VARIABLE] ??= 'true';
}
