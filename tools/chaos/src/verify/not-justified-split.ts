/**
 * Whose messages the worker refused (`NotJustified`): the forged ones — each once, or again when a
 * crash redelivered it after its audit entry — or messages the product itself sent, which would
 * be a false security alert for the operator.
 */
import type { StoredAuditEntry } from '@org/governance-runtime';
import { isNotJustified } from '../forged/forgery-verdict';

/** The `NotJustified` audit entries of a run, by whose message they refused. */
export interface NotJustifiedSplit {
  /** Entries refusing a forged message. */
  readonly forged: number;
  /** Of those, entries beyond the first for the same forged message (redeliveries). */
  readonly forgedRepeated: number;
  /** `<event id>: <operation type> <account>: <detail>` of entries refusing a product message. */
  readonly product: readonly string[];
}

/**
 * Splits the `NotJustified` operation entries of `audit` by whether `forgedIds` holds their
 * message's id.
 *
 * @example
 * ```ts
 * const { forged, product } = splitNotJustified(audit, new Set(forgedMessages.map((m) => m.id)));
 * ```
 */
export function splitNotJustified(
  audit: readonly Pick<
    StoredAuditEntry,
    'type' | 'outcome' | 'detail' | 'eventId' | 'accountId' | 'operation'
  >[],
  forgedIds: ReadonlySet<string>,
): NotJustifiedSplit {
  const refused = audit.filter((entry) => entry.type === 'operation' && isNotJustified(entry));
  const forged = refused.filter((entry) => forgedIds.has(entry.eventId));
  const product = refused
    .filter((entry) => !forgedIds.has(entry.eventId))
    .map(
      (entry) =>
        `${entry.eventId}: ${entry.operation?.type ?? 'operation'} ${entry.accountId ?? ''}: ${entry.detail ?? ''}`,
    );
  return {
    forged: forged.length,
    forgedRepeated: forged.length - new Set(forged.map((entry) => entry.eventId)).size,
    product,
  };
}
