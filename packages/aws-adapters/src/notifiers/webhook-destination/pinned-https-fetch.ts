/**
 * The HTTPS POST of a webhook, connected to the address that was checked (never re-resolved)
 * and never following redirects.
 */
import { request as httpsRequest } from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { ResolvedAddress } from './check-destination';

/** What the notifier passes to its fetch: a `RequestInit` plus the checked address. */
export interface WebhookFetchInit extends RequestInit {
  /** The address the connection must go to (the host name still drives TLS and `Host`). */
  readonly connectTo: ResolvedAddress;
}

/** The `fetch` the notifier uses (injectable for tests). */
export type FetchFunction = (url: string, init: WebhookFetchInit) => Promise<Response>;

/** TLS options of {@link pinnedHttpsFetch}. */
export interface PinnedHttpsOptions {
  /**
   * Certificate authorities trusted instead of the system's — only for local receivers with a
   * self-signed certificate (tests, the local stack). @default the system's
   */
  readonly ca?: string | Buffer;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` that answers every query with `target` only. */
function pinnedLookup(target: ResolvedAddress) {
  return (_hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all === true) callback(null, [{ ...target }]);
    else callback(null, target.address, target.family);
  };
}

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init.headers).entries());
}

/**
 * A {@link FetchFunction} on `node:https`: connects to `init.connectTo` whatever DNS says now
 * (so a rebinding answer cannot switch the address after the check), verifies the certificate
 * against the URL's host name, never follows redirects (a 3xx is returned as it is), and
 * returns only the status (the response body is discarded). Aborts with `init.signal`'s reason.
 *
 * @example
 * ```ts
 * const fetch = pinnedHttpsFetch();
 * await fetch(url, { method: 'POST', body, connectTo: { address: '203.0.113.7', family: 4 } });
 * ```
 */
export function pinnedHttpsFetch(options: PinnedHttpsOptions = {}): FetchFunction {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted === true) {
        reject(signal.reason);
        return;
      }
      const body = typeof init.body === 'string' ? init.body : '';
      const request = httpsRequest(
        url,
        {
          method: init.method ?? 'POST',
          headers: { ...headersOf(init), 'Content-Length': String(Buffer.byteLength(body)) },
          lookup: pinnedLookup(init.connectTo),
          agent: false, // a fresh connection per attempt: no pooled socket to another address
          ca: options.ca,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          response.destroy();
          if (status >= 200 && status <= 599) resolve(new Response(null, { status }));
          else reject(new Error(`unexpected HTTP status ${status}`));
        },
      );
      const abort = (): void => {
        reject(signal?.reason); // settles first: the error destroy() may emit is ignored
        request.destroy();
      };
      signal?.addEventListener('abort', abort, { once: true });
      request.on('close', () => signal?.removeEventListener('abort', abort));
      request.on('error', reject);
      request.end(body);
    });
}
