/**
 * The webhook endpoint the chaos run delivers to (a CMDB stand-in on 127.0.0.1): it fails a share
 * of requests with 503 before looking at them (so the notifier must retry) and records every
 * accepted delivery with whether its signature verifies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '@org/aws-adapters/notifiers';
import type { SeededRandom } from '../random/seeded-random';

/** One accepted delivery. */
export interface WebhookDelivery {
  readonly eventId: string;
  readonly notificationId: string;
  readonly accountId: string;
  readonly signatureValid: boolean;
}

/** A running receiver. */
export interface ChaosWebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks` */
  readonly url: string;
  /** Accepted deliveries, in arrival order. */
  deliveries(): readonly WebhookDelivery[];
  /** Requests answered 503. */
  rejected(): number;
  close(): Promise<void>;
}

const field = (body: Readonly<Record<string, unknown>>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/**
 * Starts the receiver.
 *
 * @example
 * ```ts
 * const receiver = await startChaosWebhookReceiver('secret', 0.2, random.fork('webhook'));
 * receiver.deliveries();
 * ```
 */
export async function startChaosWebhookReceiver(
  secret: string,
  failureRate: number,
  random: SeededRandom,
): Promise<ChaosWebhookReceiver> {
  const deliveries: WebhookDelivery[] = [];
  let rejected = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (random.chance(failureRate)) {
        rejected += 1;
        response.writeHead(503).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        response.writeHead(400).end();
        return;
      }
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()];
      deliveries.push({
        eventId: field(body, 'eventId'),
        notificationId: field(body, 'notificationId'),
        accountId: field(body, 'accountId'),
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
    deliveries: () => [...deliveries],
    rejected: () => rejected,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
