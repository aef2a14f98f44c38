/**
 * The shared-config-file source of the SDK's configuration loader in the Lambda bundles,
 * substituted for `@smithy/core`'s `fromSharedConfigFiles` by `scripts/bundle.mjs` (the INI
 * reader and parser, about 2.5 KB of every bundle).
 *
 * Every client setting the SDK loads (region, retry mode, max attempts, FIPS, dual-stack, user
 * agent app id, …) is read from the environment, then from `~/.aws/config` and
 * `~/.aws/credentials`, then from its default. A Lambda function has no such files, so there the
 * file source always answers "not found" and the default applies — as this source does, without
 * reading anything. Local runs use the sources, not the bundles. It is never used outside the
 * bundles.
 */
import { CredentialsProviderError } from '@smithy/core/config';
import type { Logger, Provider } from '@smithy/types';

/**
 * Stands for the SDK's `fromSharedConfigFiles`: a provider that finds nothing, so the loader's
 * chain goes on to the setting's default.
 *
 * @example
 * ```ts
 * await fromSharedConfigFiles(selector, {})(); // rejects with CredentialsProviderError (tryNextLink)
 * ```
 */
export function fromSharedConfigFiles<T>(
  _configSelector: unknown,
  init: { readonly logger?: Logger } = {},
): Provider<T> {
  return async () => {
    throw new CredentialsProviderError('Lambda functions have no shared config files', {
      logger: init.logger,
    });
  };
}
