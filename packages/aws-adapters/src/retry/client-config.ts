/**
 * Configuration every SDK client the adapters use should be created with.
 */

/** The adapters' version, sent in the user agent. */
export const ADAPTERS_VERSION = '0.1.0';

/** The product's user agent, `org-governance/<version>`. */
export const USER_AGENT = `org-governance/${ADAPTERS_VERSION}`;

/** Options of {@link createClientConfig}. */
export interface ClientConfigOptions {
  /** AWS region, e.g. `us-east-1`. */
  readonly region: string;
  /** Endpoint override (emulators, VPC endpoints). @default the SDK's endpoint */
  readonly endpoint?: string;
  /** Appended to the product user agent (e.g. `reconciler`). @default none */
  readonly userAgent?: string;
  /** SDK attempts per call (adaptive mode). @default 3 */
  readonly maxAttempts?: number;
}

/** Constructor options accepted by every AWS SDK v3 client. */
export interface SdkClientConfig {
  readonly region: string;
  readonly endpoint?: string;
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
  readonly customUserAgent: string;
}

/**
 * Client configuration with the SDK's adaptive retry mode (client-side rate limiting on
 * throttling) and the product user agent. Create each client once, outside handlers.
 *
 * @example
 * ```ts
 * const organizations = new OrganizationsClient(createClientConfig({ region: 'us-east-1' }));
 * ```
 */
export function createClientConfig(options: ClientConfigOptions): SdkClientConfig {
  const userAgent = options.userAgent ? `${USER_AGENT} ${options.userAgent}` : USER_AGENT;
  return {
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 3,
    customUserAgent: userAgent,
  };
}
