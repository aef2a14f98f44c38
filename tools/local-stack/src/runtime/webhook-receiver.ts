import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  SIGNATURE_HEADER,
  systemResolver,
  verifyWebhookSignature,
  type WebhookNotifierOptions,
} from '@org/aws-adapters/notifiers';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '@org/emulators';

/** The receiver's host name (a reserved `.test` name, in its certificate), resolved to 127.0.0.1 locally. */
export const LOCAL_WEBHOOK_HOST = 'hooks.test';

/**
 * What the local notifier needs to deliver to the receiver: {@link LOCAL_WEBHOOK_HOST} resolved
 * to 127.0.0.1, that address exempted from the destination checks (every other check stays on:
 * https only, no user-info, redirects refused, certificate verified) and the receiver's
 * self-signed certificate trusted.
 */
export const LOCAL_WEBHOOK_DELIVERY: WebhookNotifierOptions = {
  resolveHost: (hostname) =>
    hostname === LOCAL_WEBHOOK_HOST
      ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
      : systemResolver(hostname),
  allowAddresses: ['127.0.0.1'],
  trustedCa: TEST_TLS_CERT,
};

/** One request the receiver got. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Whether `X-Signature` verifies (`verifyWebhookSignature`: shared secret, at most 5 minutes old). */
  readonly signatureValid: boolean;
}

/** A running receiver. */
export interface WebhookReceiver {
  /** `https://hooks.test:<port>/hooks` (deliver with {@link LOCAL_WEBHOOK_DELIVERY}) */
  readonly url: string;
  /** Accepted requests, in arrival order. */
  received(): readonly ReceivedWebhook[];
  /** Requests answered 503 (see {@link WebhookReceiverOptions.refuse}). */
  refused(): number;
  close(): Promise<void>;
}

/** Options of {@link startWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /**
   * Asked once per request before it is read: `true` answers 503 (an endpoint in trouble, so
   * the sender must retry). @default never
   */
  readonly refuse?: () => boolean;
}

/**
 * A local stand-in for a webhook endpoint (a CMDB, an inventory): listens with HTTPS on
 * 127.0.0.1 on a free port, answers 204 (or 503 when `options.refuse` says so), and records each
 * accepted POST with whether its signature verifies — as a receiver should, with
 * `verifyWebhookSignature` on the raw body.
 *
 * @example
 * ```ts
 * const receiver = await startWebhookReceiver('local-secret');
 * // … notifications with url: receiver.url …
 * receiver.received(); // [{ path: '/hooks', body: {...}, signatureValid: true }]
 * ```
 */
export async function startWebhookReceiver(
  secret: string,
  options: WebhookReceiverOptions = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let refused = 0;
  const tls = { key: TEST_TLS_KEY, cert: TEST_TLS_CERT };
  const server: Server = createServer(tls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (options.refuse?.() === true) {
        refused += 1;
        response.writeHead(503).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()];
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        response.writeHead(400).end();
        return;
      }
      received.push({
        path: request.url ?? '/',
        body,
        signatureValid: verifyWebhookSignature({ header, body: text, secrets: secret }).valid,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${LOCAL_WEBHOOK_HOST}:${port}/hooks`,
    received: () => [...received],
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
