/**
 * Substituted by `scripts/bundle.mjs` for three fallbacks of `@smithy/core` that the Lambda
 * Node.js runtime never takes (about 6 KB of every bundle):
 *
 * - `Sha256Js` and `Md5Js`, pure-JavaScript hashes the SDK uses only when `node:crypto` cannot
 *   create `sha256` / `md5` hashes — Lambda's Node.js always can;
 * - `getInstanceMetadataRegion`, which asks the EC2 instance metadata service for the region when
 *   none is configured — every client here is given `AWS_REGION`, and the defaults mode resolves
 *   the region from the Lambda environment.
 *
 * Should one ever be reached, the hashes fail with a clear error and the region reads as unknown
 * (as when the metadata service does not answer) instead of silently misbehaving.
 */

/** Thrown if a pure-JavaScript hash fallback is ever used in a bundle. */
export class UnavailableHashError extends Error {
  readonly code = 'HASH_FALLBACK_UNAVAILABLE';

  constructor(algorithm: string) {
    super(
      `node:crypto cannot create ${algorithm} hashes here and the bundle omits the SDK's JavaScript ${algorithm}`,
    );
    this.name = 'UnavailableHashError';
  }
}

/** Stands for the SDK's JavaScript SHA-256: never constructed where `node:crypto` has SHA-256. */
export class Sha256Js {
  constructor() {
    throw new UnavailableHashError('sha256');
  }
}

/** Stands for the SDK's JavaScript MD5: never constructed where `node:crypto` has MD5. */
export class Md5Js {
  constructor() {
    throw new UnavailableHashError('md5');
  }
}

/**
 * Stands for the SDK's instance-metadata region lookup: no region (as when the metadata service
 * is unreachable).
 *
 * @example
 * ```ts
 * await getInstanceMetadataRegion(); // undefined
 * ```
 */
export async function getInstanceMetadataRegion(): Promise<string | undefined> {
  return undefined;
}
