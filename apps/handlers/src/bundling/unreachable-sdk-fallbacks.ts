/**
 * Substituted by `scripts/bundle.mjs` for three fallbacks of `@smithy/core` that the Lambda
 * Node.js runtime never takes, and for the event-stream header encoder of `@smithy/signature-v4`
 * that no client of the bundles uses (about 8 KB of every bundle):
 *
 * - `Sha256Js` and `Md5Js`, pure-JavaScript hashes the SDK uses only when `node:crypto` cannot
 *   create `sha256` / `md5` hashes — Lambda's Node.js always can;
 * - `getInstanceMetadataRegion`, which asks the EC2 instance metadata service for the region when
 *   none is configured — every client here is given `AWS_REGION`, and the defaults mode resolves
 *   the region from the Lambda environment;
 * - `HeaderFormatter`, which encodes event-stream message headers for `SignatureV4.sign` of a
 *   message — only event-stream operations sign messages, and none of the bundled clients has one
 *   (the bundle leaves the SDK's event-stream support out for the same reason).
 * - `resolveParamsForS3`, the endpoint parameters of S3 bucket names (about 0.7 KB), which the
 *   endpoint middleware calls only for a client whose service is S3 — none is bundled.
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

/** Thrown if a bundle is ever asked to sign an event-stream message. */
export class UnavailableEventStreamSigningError extends Error {
  readonly code = 'EVENT_STREAM_SIGNING_UNAVAILABLE';

  constructor() {
    super('the bundle omits event-stream message signing: none of its clients has an event stream');
    this.name = 'UnavailableEventStreamSigningError';
  }
}

/**
 * Stands for the SDK's event-stream header encoder: constructed by every `SignatureV4`, used
 * only to sign an event-stream message, which no bundled client sends.
 *
 * @example
 * ```ts
 * new HeaderFormatter().format({}); // throws UnavailableEventStreamSigningError
 * ```
 */
export class HeaderFormatter {
  format(): Uint8Array {
    throw new UnavailableEventStreamSigningError();
  }
}

/** Thrown if a bundle is ever asked for the endpoint parameters of an S3 bucket. */
export class UnavailableS3EndpointError extends Error {
  readonly code = 'S3_ENDPOINT_UNAVAILABLE';

  constructor() {
    super('the bundle omits the S3 endpoint customizations: none of its clients is an S3 client');
    this.name = 'UnavailableS3EndpointError';
  }
}

/**
 * Stands for the SDK's S3 endpoint customization: called only for a client whose service is S3,
 * which no bundle has.
 *
 * @example
 * ```ts
 * await resolveParamsForS3(); // rejects with UnavailableS3EndpointError
 * ```
 */
export async function resolveParamsForS3(): Promise<never> {
  throw new UnavailableS3EndpointError();
}
