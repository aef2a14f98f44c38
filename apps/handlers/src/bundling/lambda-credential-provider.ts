/**
 * The credential provider of the Lambda bundles, substituted for
 * `@aws-sdk/credential-provider-node` by `scripts/bundle.mjs`.
 *
 * Lambda hands a function its role's credentials in environment variables (and, for some
 * runtimes, through the container credentials endpoint). The SDK's default chain also carries
 * SSO, INI-file, process, web-identity and IMDS providers with their nested STS/SSO clients —
 * about 85 KB of a bundle that can never use them. This provider keeps the two Lambda sources,
 * memoized like the default chain (the container endpoint provider is created only when asked,
 * as it throws when its variables are unset). It is never used outside the bundles.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { chain, memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Credentials expiring within five minutes are refreshed (as in the SDK's default chain). */
const REFRESH_WINDOW_MS = 300_000;

/**
 * Environment credentials, then the container credentials endpoint; memoized and refreshed
 * before they expire. Same signature as the SDK's `defaultProvider`.
 *
 * @example
 * ```ts
 * const credentials = await defaultProvider()();
 * ```
 */
export const defaultProvider = (
  init: Record<string, unknown> = {},
): AwsCredentialIdentityProvider =>
  memoize(
    chain(fromEnv(init), () => fromHttp(init)()),
    (credentials: AwsCredentialIdentity) =>
      credentials.expiration !== undefined &&
      credentials.expiration.getTime() - Date.now() < REFRESH_WINDOW_MS,
    (credentials: AwsCredentialIdentity) => credentials.expiration !== undefined,
  );
