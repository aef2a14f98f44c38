/**
 * The tag ledger: who last set (or removed) each tag of each account, from the `TagResource` /
 * `UntagResource` events and `orgctl tags trust-existing`. With `settings.trustedTagPrincipals`,
 * an `accountTag` rule matches an account only when the ledger says a trusted principal set the
 * current value.
 */

/** One recorded change of an account tag. */
export interface TagLedgerChange {
  readonly accountId: string;
  readonly key: string;
  /** The value set, or `null` when the tag was removed. */
  readonly value: string | null;
  /** The principal ARN that made the change (CloudTrail `userIdentity.arn`, or `trust-existing:<ARN>`). */
  readonly setBy: string;
  /** ISO 8601 time of the change (the event's time). */
  readonly setAt: string;
}

/** A tag value the ledger knows who set (the engine's `TagLedgerEntry`). */
export interface TagLedgerRecord {
  readonly accountId: string;
  readonly key: string;
  readonly value: string;
  readonly setBy: string;
  readonly setAt: string;
}

/**
 * Records and reads the tag ledger.
 *
 * @example
 * ```ts
 * await ledger.record([{ accountId, key: 'env', value: 'prod', setBy: actorArn, setAt: event.meta.time }]);
 * const entries = await ledger.entriesFor([accountId]);
 * ```
 */
export interface TagLedger {
  /**
   * Records changes. A change older than the one already recorded for the same account and key
   * is dropped (events arrive out of order): the newest change wins.
   */
  record(changes: readonly TagLedgerChange[]): Promise<void>;
  /** The set values of the given accounts (removed tags are not returned). */
  entriesFor(accountIds: readonly string[]): Promise<readonly TagLedgerRecord[]>;
  /** The set values of every account (a full reconcile; read in pages). */
  entriesForAll(): Promise<readonly TagLedgerRecord[]>;
}
