/**
 * Webhook signing secrets from AWS Secrets Manager, cached.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { UnexpectedResponseError } from '../errors';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { AsyncCache } from '../util';

/** Where secrets come from. */
export interface SecretProvider {
  /** The secret's string value. */
  getSecret(secretArn: string): Promise<string>;
}

/** Options of {@link SecretsManagerSecretProvider}. */
export interface SecretsManagerSecretProviderOptions {
  /** How long a secret is cached (rotation takes effect after it). @default 300000 (5 min) */
  readonly cacheTtlMs?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * Reads `SecretString` (or a UTF-8 `SecretBinary`) with `GetSecretValue`. Secret values never
 * appear in errors.
 *
 * @example
 * ```ts
 * const secrets = new SecretsManagerSecretProvider(new SecretsManagerClient(config));
 * const key = await secrets.getSecret(secretArn);
 * ```
 */
export class SecretsManagerSecretProvider implements SecretProvider {
  private readonly cache: AsyncCache<string, string>;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: SecretsManagerClient,
    options: SecretsManagerSecretProviderOptions = {},
  ) {
    this.cache = new AsyncCache({
      ttlMs: options.cacheTtlMs ?? 300_000,
      now: options.now ?? Date.now,
    });
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** @inheritdoc */
  getSecret(secretArn: string): Promise<string> {
    return this.cache.get(secretArn, async () => {
      const operation = 'GetSecretValue';
      const output = await callAws(
        { operation, url: secretArn },
        () => this.client.send(new GetSecretValueCommand({ SecretId: secretArn })),
        this.retryPolicy,
      );
      const value =
        output.SecretString ??
        (output.SecretBinary && Buffer.from(output.SecretBinary).toString('utf8'));
      if (!value) {
        throw new UnexpectedResponseError(`Secret ${secretArn} has no value`, {
          context: { operation },
        });
      }
      return value;
    });
  }
}
