import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '@org/aws-adapters/notifiers';

/** One request the receiver got. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Whether `X-Signature` is the HMAC-SHA256 of the body with the shared secret. */
  readonly signatureValid: boolean;
}

/** A running receiver. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks` */
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
 * A local stand-in for a webhook endpoint (a CMDB, an inventory): listens on 127.0.0.1 on a free
 * port, answers 204 (or 503 when `options.refuse` says so), and records each accepted POST with
 * whether its signature verifies.
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
  const server: Server = createServer((request, response) => {
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
        signatureValid: verifySignature(
          text,
          typeof header === 'string' ? header : undefined,
          secret,
        ),
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
    url: `http://127.0.0.1:${port}/hooks`,
    received: () => [...received],
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
