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
  received(): readonly ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A local stand-in for a webhook endpoint (a CMDB, an inventory): listens on 127.0.0.1 on a free
 * port, answers 204, and records each POST with whether its signature verifies.
 *
 * @example
 * ```ts
 * const receiver = await startWebhookReceiver('local-secret');
 * // … notifications with url: receiver.url …
 * receiver.received(); // [{ path: '/hooks', body: {...}, signatureValid: true }]
 * ```
 */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
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
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
