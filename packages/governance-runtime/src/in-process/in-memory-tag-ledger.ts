import type { TagLedger, TagLedgerChange, TagLedgerRecord } from '../ports/tag-ledger';

/**
 * A {@link TagLedger} in memory (the newest change per account and key wins), for tests and
 * single-process runs. Counts its reads, so a test can show no read happens without trusted
 * principals.
 *
 * @example
 * ```ts
 * const ledger = new InMemoryTagLedger();
 * await ledger.record([{ accountId: '222222222222', key: 'env', value: 'prod', setBy: arn, setAt }]);
 * ```
 */
export class InMemoryTagLedger implements TagLedger {
  private readonly changes = new Map<string, TagLedgerChange>();
  /** Reads made so far (`entriesFor` and `entriesForAll` calls). */
  reads = 0;

  /** {@inheritDoc TagLedger.record} */
  async record(changes: readonly TagLedgerChange[]): Promise<void> {
    for (const change of changes) {
      const key = `${change.accountId}#${change.key}`;
      const known = this.changes.get(key);
      if (known === undefined || known.setAt <= change.setAt) this.changes.set(key, change);
    }
  }

  /** {@inheritDoc TagLedger.entriesFor} */
  async entriesFor(accountIds: readonly string[]): Promise<readonly TagLedgerRecord[]> {
    this.reads += 1;
    const wanted = new Set(accountIds);
    return this.setValues().filter((entry) => wanted.has(entry.accountId));
  }

  /** {@inheritDoc TagLedger.entriesForAll} */
  async entriesForAll(): Promise<readonly TagLedgerRecord[]> {
    this.reads += 1;
    return this.setValues();
  }

  /** Every change recorded, removals included. */
  recorded(): readonly TagLedgerChange[] {
    return [...this.changes.values()];
  }

  private setValues(): TagLedgerRecord[] {
    return [...this.changes.values()].flatMap(({ value, ...rest }) =>
      value === null ? [] : [{ ...rest, value }],
    );
  }
}
