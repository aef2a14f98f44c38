/**
 * The webhook endpoint the chaos run delivers to: the local pipeline's receiver (a CMDB stand-in
 * on 127.0.0.1), failing a share of requests with 503 before looking at them (so the notifier
 * must retry); every accepted delivery is kept with whether its signature verifies.
 */
import { startWebhookReceiver } from '@org/local-stack';
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
  /** `https://hooks.test:<port>/hooks` (resolved to 127.0.0.1 by the local delivery options) */
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
  const receiver = await startWebhookReceiver(secret, {
    refuse: () => random.chance(failureRate),
  });
  return {
    url: receiver.url,
    deliveries: () =>
      receiver.received().map(({ body, signatureValid }) => ({
        eventId: field(body, 'eventId'),
        notificationId: field(body, 'notificationId'),
        accountId: field(body, 'accountId'),
        signatureValid,
      })),
    rejected: () => receiver.refused(),
    close: () => receiver.close(),
  };
}
