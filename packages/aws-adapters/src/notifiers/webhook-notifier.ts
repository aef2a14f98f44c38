/**
 * `WebhookPort`: signed JSON POSTs with a timeout, retried on 5xx/429/network errors only.
 */
import type { WebhookPort, WebhookRequest } from '@org/governance-runtime';
import { WebhookDeliveryError } from '../errors';
import { backoff, DEFAULT_RETRY_POLICY, type RetryPolicy, USER_AGENT } from '../retry';
import { redactUrl, redactUrlsIn } from './redact-url';
import type { SecretProvider } from './secret-provider';
import { SIGNATURE_HEADER, signBody } from './webhook-signature';

/** The `fetch` the notifier uses (injectable for tests). */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Options of {@link WebhookNotifier}. */
export interface WebhookNotifierOptions {
  /** Per-attempt timeout in milliseconds. @default 5000 */
  readonly timeoutMs?: number;
  /** Attempts and backoff. @default DEFAULT_RETRY_POLICY with 3 attempts */
  readonly retryPolicy?: RetryPolicy;
  /** @default globalThis.fetch */
  readonly fetch?: FetchFunction;
}

type Attempt =
  | { readonly ok: true; readonly status: number }
  | {
      readonly ok: false;
      readonly status: number | null;
      readonly retryable: boolean;
      readonly reason: string;
    };

/** `message` of a fetch failure plus the system error code of its cause (`ECONNREFUSED`…). */
function networkErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message}: ${code}` : error.message;
}

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Delivers webhooks signed with HMAC-SHA256 (`X-Signature: sha256=<hex>`) using a secret from
 * Secrets Manager. The secret is never logged nor put in errors, and errors show the URL only
 * redacted (no credentials, query or token-like path segments: see {@link redactUrl}).
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

  constructor(
    private readonly secrets: SecretProvider,
    options: WebhookNotifierOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.retryPolicy = options.retryPolicy ?? { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  /** @inheritdoc */
  async deliver(request: WebhookRequest): Promise<{ readonly statusCode: number }> {
    const body = JSON.stringify(request.payload);
    const signature = signBody(body, await this.secrets.getSecret(request.secretArn));
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(request.url, body, signature);
      if (result.ok) return { statusCode: result.status };
      if (!result.retryable || attempt >= this.retryPolicy.maxAttempts) {
        // Only the redacted URL: credentials and tokens in the URL must not reach logs.
        const url = redactUrl(request.url);
        throw new WebhookDeliveryError(
          `Webhook ${url} failed after ${attempt} attempt(s): ${result.reason}`,
          result.status,
          result.retryable,
          { context: { operation: 'DeliverWebhook', url } },
        );
      }
      await backoff(attempt, this.retryPolicy);
    }
  }

  private async attempt(url: string, body: string, signature: string): Promise<Attempt> {
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signature,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, status: response.status };
      return {
        ok: false,
        status: response.status,
        retryable: isRetryableStatus(response.status),
        reason: `HTTP ${response.status}`,
      };
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `timed out after ${this.timeoutMs} ms`
          : `network error (${redactUrlsIn(networkErrorText(error), url)})`;
      return { ok: false, status: null, retryable: true, reason };
    }
  }
}
