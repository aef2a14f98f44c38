/**
 * `WebhookPort`: signed JSON POSTs to checked destinations, with a timeout, retried on
 * 5xx/429/network errors only, never following redirects.
 */
import type { WebhookPort, WebhookRequest } from '@org/governance-runtime';
import { WebhookDeliveryError } from '../errors';
import { backoff, DEFAULT_RETRY_POLICY, type RetryPolicy, USER_AGENT } from '../retry';
import { redactUrl, redactUrlsIn } from './redact-url';
import type { SecretProvider } from './secret-provider';
import { signingSecretsOf } from './signing-secrets';
import {
  checkDestination,
  checkWebhookUrl,
  type HostResolver,
  systemResolver,
} from './webhook-destination/check-destination';
import { type FetchFunction, pinnedHttpsFetch } from './webhook-destination/pinned-https-fetch';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

/** A {@link WebhookRequest} with the target's network permission. */
export interface WebhookDelivery extends WebhookRequest {
  /** The target may resolve to private addresses (10/8, 172.16/12, 192.168/16, fc00::/7). @default false */
  readonly allowPrivateNetwork?: boolean;
}

/** Options of {@link WebhookNotifier}. */
export interface WebhookNotifierOptions {
  /** Per-attempt timeout in milliseconds. @default 5000 */
  readonly timeoutMs?: number;
  /** Attempts and backoff. @default DEFAULT_RETRY_POLICY with 3 attempts */
  readonly retryPolicy?: RetryPolicy;
  /** The HTTP client; it must connect to `init.connectTo`. @default pinnedHttpsFetch */
  readonly fetch?: FetchFunction;
  /** Resolves destination host names (tests inject fakes). @default dns.lookup, every address */
  readonly resolveHost?: HostResolver;
  /**
   * Exact addresses allowed whatever their class — only for local receivers (tests, the local
   * stack), e.g. `['127.0.0.1']`. @default none
   */
  readonly allowAddresses?: readonly string[];
  /** Certificate authorities the default fetch trusts instead of the system's (local receivers). @default the system's */
  readonly trustedCa?: string | Buffer;
  /** Clock in epoch milliseconds (the signature timestamp). @default Date.now */
  readonly now?: () => number;
}

type Attempt =
  | { readonly ok: true; readonly status: number }
  | {
      readonly ok: false;
      readonly status: number | null;
      readonly retryable: boolean;
      readonly reason: string;
    };

/** Whether `value` looks like an `Error` (errors of Node's own modules may come from another realm). */
function isErrorLike(value: unknown): value is { name: unknown; message: string; cause?: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as Error).message === 'string'
  );
}

/** `message` of a fetch failure plus its system error code (`ECONNREFUSED`…), own or of its cause. */
function networkErrorText(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const ownCode = (error as { code?: unknown }).code;
  const code = (error.cause as { code?: unknown } | undefined)?.code ?? ownCode;
  return typeof code === 'string' && !error.message.includes(code)
    ? `${error.message}: ${code}`
    : error.message;
}

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

function failedStatus(status: number): Attempt {
  if (status >= 300 && status < 400) {
    const reason = `HTTP ${status}: redirects are refused (the Location was not followed)`;
    return { ok: false, status, retryable: false, reason };
  }
  return { ok: false, status, retryable: isRetryableStatus(status), reason: `HTTP ${status}` };
}

/**
 * Delivers webhooks signed with `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">` (one `v1=` per active secret while a secret rotates) using a secret from
 * Secrets Manager. Only `https://` URLs without user-info; the host is resolved and **every**
 * address checked (loopback, link-local, metadata and unspecified addresses are always refused,
 * private ones unless the target has `allowPrivateNetwork`), then the connection goes to the
 * checked address; redirects are never followed. The secret is never logged nor put in errors,
 * and errors show the URL only redacted (see {@link redactUrl}).
 *
 * @example
 * ```ts
 * const webhooks = new WebhookNotifier(new SecretsManagerSecretProvider(secretsClient));
 * await webhooks.deliver({ url: 'https://cmdb.example.com/hooks/accounts', secretArn, payload });
 * ```
 */
export class WebhookNotifier implements WebhookPort {
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly fetch: FetchFunction;
  private readonly resolveHost: HostResolver;
  private readonly allowAddresses: readonly string[];
  private readonly now: () => number;

  constructor(
    private readonly secrets: SecretProvider,
    options: WebhookNotifierOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.retryPolicy = options.retryPolicy ?? { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    this.fetch = options.fetch ?? pinnedHttpsFetch({ ca: options.trustedCa });
    this.resolveHost = options.resolveHost ?? systemResolver;
    this.allowAddresses = options.allowAddresses ?? [];
    this.now = options.now ?? Date.now;
  }

  /**
   * @inheritdoc
   * @throws {WebhookDeliveryError} not retryable for a refused URL or destination and for a
   *   redirect; retryable after the last attempt failed with 5xx, 429, a timeout or a network error.
   */
  async deliver(request: WebhookDelivery): Promise<{ readonly statusCode: number }> {
    // Only the redacted URL: credentials and tokens in the URL must not reach logs.
    const shownUrl = redactUrl(request.url);
    const fail = (message: string, status: number | null, retryable: boolean): never => {
      throw new WebhookDeliveryError(`Webhook ${shownUrl} ${message}`, status, retryable, {
        context: { operation: 'DeliverWebhook', url: shownUrl },
      });
    };
    const url = checkWebhookUrl(request.url);
    if (!url.ok) return fail(`refused: ${url.reason}`, null, false);
    const body = JSON.stringify(request.payload);
    const secrets = await this.signingSecrets(request.secretArn);
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(request, url.value, body, secrets);
      if (result.ok) return { statusCode: result.status };
      if (!result.retryable || attempt >= this.retryPolicy.maxAttempts) {
        return fail(
          `failed after ${attempt} attempt(s): ${result.reason}`,
          result.status,
          result.retryable,
        );
      }
      await backoff(attempt, this.retryPolicy);
    }
  }

  private async signingSecrets(secretArn: string): Promise<readonly string[]> {
    if (this.secrets.getSigningSecrets) return this.secrets.getSigningSecrets(secretArn);
    return signingSecretsOf(await this.secrets.getSecret(secretArn), secretArn);
  }

  private async attempt(
    request: WebhookDelivery,
    url: URL,
    body: string,
    secrets: readonly string[],
  ): Promise<Attempt> {
    try {
      const policy = {
        allowPrivateNetwork: request.allowPrivateNetwork === true,
        allowAddresses: this.allowAddresses,
      };
      const destination = await checkDestination(url, policy, this.resolveHost);
      if (!destination.ok) {
        return {
          ok: false,
          status: null,
          retryable: false,
          reason: `refused: ${destination.reason}`,
        };
      }
      const timestamp = Math.floor(this.now() / 1000);
      const response = await this.fetch(request.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signatureHeader(body, secrets, timestamp),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        connectTo: destination.value,
      });
      await response.body?.cancel();
      return response.ok ? { ok: true, status: response.status } : failedStatus(response.status);
    } catch (error) {
      const reason =
        isErrorLike(error) && error.name === 'TimeoutError'
          ? `timed out after ${this.timeoutMs} ms`
          : `network error (${redactUrlsIn(networkErrorText(error), request.url)})`;
      return { ok: false, status: null, retryable: true, reason };
    }
  }
}
