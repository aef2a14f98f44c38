import type {
  ProvisionedAccountState,
  ProvisionedItem,
  ProvisionedItemKey,
  ProvisionedStateRepository,
} from '../ports/provisioned-state-repository';

/** A stable identity for an item on one account. */
function itemId(key: ProvisionedItemKey): string {
  return key.kind === 'attachment'
    ? `attachment#${key.policyId}`
    : `assignment#${key.permissionSetArn}#${key.principalType}#${key.principalId}`;
}

/** The sorted union of two lists. */
function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * A {@link ProvisionedStateRepository} in memory, for single-process runs (tests, benchmarks,
 * CLI dry runs). Items are returned sorted by their identity.
 *
 * @example
 * ```ts
 * const state = new InMemoryProvisionedState();
 * await state.recordApplied('222222222222', { kind: 'attachment', policyId: 'p-1', ruleIds: ['r'], tagKeys: [] });
 * ```
 */
export class InMemoryProvisionedState implements ProvisionedStateRepository {
  private readonly accounts = new Map<string, Map<string, ProvisionedItem>>();

  /** {@inheritDoc ProvisionedStateRepository.getAccount} */
  async getAccount(accountId: string): Promise<ProvisionedAccountState> {
    const items = this.accounts.get(accountId) ?? new Map<string, ProvisionedItem>();
    const sorted = [...items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { accountId, items: sorted.map(([, item]) => item) };
  }

  /** {@inheritDoc ProvisionedStateRepository.findByTagKey} */
  async findByTagKey(accountId: string, tagKey: string): Promise<readonly ProvisionedItem[]> {
    const { items } = await this.getAccount(accountId);
    return items.filter((item) => item.tagKeys.includes(tagKey));
  }

  /** {@inheritDoc ProvisionedStateRepository.listAll} */
  async listAll(): Promise<readonly ProvisionedAccountState[]> {
    const ids = [...this.accounts.keys()].filter((id) => (this.accounts.get(id)?.size ?? 0) > 0);
    return Promise.all(ids.sort().map((id) => this.getAccount(id)));
  }

  /** {@inheritDoc ProvisionedStateRepository.recordApplied} */
  async recordApplied(accountId: string, item: ProvisionedItem): Promise<void> {
    const items = this.accounts.get(accountId) ?? new Map<string, ProvisionedItem>();
    const id = itemId(item);
    const existing = items.get(id);
    items.set(
      id,
      existing === undefined
        ? { ...item, ruleIds: [...item.ruleIds].sort(), tagKeys: [...item.tagKeys].sort() }
        : {
            ...item,
            ruleIds: union(existing.ruleIds, item.ruleIds),
            tagKeys: union(existing.tagKeys, item.tagKeys),
          },
    );
    this.accounts.set(accountId, items);
  }

  /** {@inheritDoc ProvisionedStateRepository.recordRemoved} */
  async recordRemoved(accountId: string, key: ProvisionedItemKey): Promise<void> {
    this.accounts.get(accountId)?.delete(itemId(key));
  }

  /** {@inheritDoc ProvisionedStateRepository.forgetAccount} */
  async forgetAccount(accountId: string): Promise<void> {
    this.accounts.delete(accountId);
  }
}
