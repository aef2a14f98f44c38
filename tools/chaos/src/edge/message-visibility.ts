/**
 * The visibility a worker chose for a message it received (`ChangeMessageVisibility`, e.g. the
 * backoff of a retryable failure: 60 s × 4 per receive), kept in product time. moto measures a
 * visibility timeout in real seconds while the run's clock is sped up, so the queue driver makes
 * records visible again itself; it asks here when AWS would: at the end of the visibility the
 * product last set on that receipt handle, or else of the queue's visibility timeout.
 */
import { type CallData, textField } from './call-data';

/**
 * Visibility changes that took effect, by receipt handle.
 *
 * @example
 * ```ts
 * const visibility = new MessageVisibility();
 * visibility.changed({ ReceiptHandle: 'rh-1', VisibilityTimeout: 60 });
 * visibility.take('rh-1'); // 60000 (product ms); afterwards undefined
 * ```
 */
export class MessageVisibility {
  private readonly requested = new Map<string, number>();
  private changes = 0;

  /** Records a `ChangeMessageVisibility` input that reached the queue. */
  changed(input: CallData): void {
    const handle = textField(input, 'ReceiptHandle');
    const seconds = Number(input['VisibilityTimeout']);
    if (handle === '' || !Number.isFinite(seconds)) return;
    this.requested.set(handle, Math.max(0, seconds) * 1000);
    this.changes += 1;
  }

  /**
   * The product milliseconds the product last asked `receiptHandle` to stay invisible (from its
   * change), or `undefined` when it never changed it; forgets it.
   */
  take(receiptHandle: string): number | undefined {
    const ms = this.requested.get(receiptHandle);
    this.requested.delete(receiptHandle);
    return ms;
  }

  /** Visibility changes the product made. */
  get count(): number {
    return this.changes;
  }
}
