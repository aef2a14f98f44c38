/**
 * One read of each account per worker batch: the level-triggered check re-reads the account an
 * operation is about (parent, tags, state, direct policies) once, not once per operation.
 */
import type { Operation, PolicyType } from '@org/scope-engine';
import type { OrganizationsPort, OrgStructure } from '../ports/organizations-port';

/** One account's read and the policy types it read (`undefined`: the port's own choice). */
interface AccountRead {
  readonly types: readonly PolicyType[] | undefined;
  readonly read: Promise<OrgStructure | null>;
}

/** `true` when a read of `read` types answers for `wanted` types. */
function covers(
  read: readonly PolicyType[] | undefined,
  wanted: readonly PolicyType[] | undefined,
) {
  if (wanted === undefined) return true;
  return read !== undefined && wanted.every((type) => read.includes(type));
}

/**
 * The accounts re-read during one batch (one Lambda invocation) of the operations worker. Each
 * account is read from Organizations once — these reads count against the Organizations read
 * budget — and the policies the batch attaches or detaches are applied to the copy, so a later
 * operation of the same account sees them.
 *
 * @example
 * ```ts
 * const reads = new AccountReads(organizations);
 * const structure = await reads.structure('222222222222'); // read once per batch
 * reads.executed(operation); // after an attach/detach went through
 * ```
 */
export class AccountReads {
  private readonly reads = new Map<string, AccountRead>();

  constructor(private readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>) {}

  /**
   * The account as seen from Organizations (read on first use); `null` when not a member. With
   * `policyTypes`, its attachments of those types: a later call that wants a type the first read
   * did not cover reads the account again (with both calls' types).
   */
  structure(accountId: string, policyTypes?: readonly PolicyType[]): Promise<OrgStructure | null> {
    const cached = this.reads.get(accountId);
    if (cached !== undefined && covers(cached.types, policyTypes)) return cached.read;
    const types =
      policyTypes === undefined
        ? undefined
        : [...new Set([...(cached?.types ?? []), ...policyTypes])];
    const read = this.organizations.readAccountStructure(accountId, types);
    const entry = { types, read };
    this.reads.set(accountId, entry);
    // A failed read is not kept: the next operation reads again.
    read.catch(() => {
      if (this.reads.get(accountId) === entry) this.reads.delete(accountId);
    });
    return read;
  }

  /** Records that `operation` took effect (or already held), so the copy matches Organizations. */
  executed(operation: Operation): void {
    const cached = this.reads.get(operation.accountId);
    if (cached === undefined || !('policyId' in operation)) return;
    const { accountId, policyId } = operation;
    const attach = operation.type.startsWith('attach');
    this.reads.set(accountId, {
      types: cached.types,
      read: cached.read.then((structure) => {
        if (structure === null) return null;
        const others = structure.attachments.filter(
          (a) => !(a.targetId === accountId && a.policyId === policyId),
        );
        const attachments = attach ? [...others, { targetId: accountId, policyId }] : others;
        return { ...structure, attachments };
      }),
    });
  }

  /** Forgets every read (e.g. after a failure whose effect is unknown). */
  forget(accountId: string): void {
    this.reads.delete(accountId);
  }
}
