/**
 * Webhook signing secrets from AWS Secrets Manager, cached.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { UnexpectedResponseError } from '../errors';
import { awsErrorName, callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { AsyncCache } from '../util';
import { signingSecretsOf } from './signing-secrets';

/** Where secrets come from. */
export interface SecretProvider {
  /** The secret's string value (`AWSCURRENT`). */
  getSecret(secretArn: string): Promise<string>;
  /**
   * Every signing secret active now, the one to sign with first (see
   * {@link SecretsManagerSecretProvider.getSigningSecrets}). Without it the notifier signs with
   * the secrets in {@link getSecret}'s value.
   */
  getSigningSecrets?(secretArn: string): Promise<readonly string[]>;
}

/** Staging label of the version a rotation is introducing. */
const PENDING_STAGE = 'AWSPENDING';

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
  private readonly pendingCache: AsyncCache<string, string | null>;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: SecretsManagerClient,
    options: SecretsManagerSecretProviderOptions = {},
  ) {
    const cacheOptions = { ttlMs: options.cacheTtlMs ?? 300_000, now: options.now ?? Date.now };
    this.cache = new AsyncCache(cacheOptions);
    this.pendingCache = new AsyncCache(cacheOptions);
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** @inheritdoc */
  getSecret(secretArn: string): Promise<string> {
    return this.cache.get(secretArn, async () => (await this.read(secretArn)) ?? '');
  }

  /**
   * The signing secrets: those of the `AWSCURRENT` value, then those of the `AWSPENDING` value
   * while a Secrets Manager rotation is under way. Each value is a plain string or the JSON
   * `{"current": "…", "previous": "…"}` (a rotation by hand). Duplicates are dropped.
   *
   * @throws {UnexpectedResponseError} for an empty value or a JSON object without `current`.
   */
  async getSigningSecrets(secretArn: string): Promise<readonly string[]> {
    const current = await this.getSecret(secretArn);
    const pending = await this.pendingCache.get(secretArn, () =>
      this.read(secretArn, PENDING_STAGE),
    );
    const secrets = [
      ...signingSecretsOf(current, secretArn),
      ...(pending === null ? [] : signingSecretsOf(pending, secretArn)),
    ];
    return [...new Set(secrets)];
  }

  /** The value of a version (`AWSCURRENT` when no stage is given); `null` when no version has the stage. */
  private async read(secretArn: string, stage?: string): Promise<string | null> {
    const operation = 'GetSecretValue';
    const output = await callAws(
      { operation, url: secretArn },
      async () => {
        try {
          return await this.client.send(
            new GetSecretValueCommand({ SecretId: secretArn, VersionStage: stage }),
          );
        } catch (error) {
          // Only a staged version may be missing; a missing secret stays an error.
          if (stage !== undefined && awsErrorName(error) === 'ResourceNotFoundException') {
            return null;
          }
          throw error;
        }
      },
      this.retryPolicy,
    );
    if (output === null) return null;
    const value =
      output.SecretString ??
      (output.SecretBinary && Buffer.from(output.SecretBinary).toString('utf8'));
    if (!value) {
      throw new UnexpectedResponseError(`Secret ${secretArn} has no value`, {
        context: { operation },
      });
    }
    return value;
  }
}
