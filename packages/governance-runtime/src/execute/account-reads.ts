/**
 * One read of each account per worker batch: the level-triggered check re-reads the account an
 * operation is about (parent, tags, state, direct policies) once, not once per operation.
 */
import type { Operation } from '@org/scope-engine';
import type { OrganizationsPort, OrgStructure } from '../ports/organizations-port';

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
  private readonly reads = new Map<string, Promise<OrgStructure | null>>();

  constructor(private readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>) {}

  /** The account as seen from Organizations (read on first use); `null` when not a member. */
  structure(accountId: string): Promise<OrgStructure | null> {
    let read = this.reads.get(accountId);
    if (read === undefined) {
      read = this.organizations.readAccountStructure(accountId);
      this.reads.set(accountId, read);
      // A failed read is not kept: the next operation reads again.
      read.catch(() => this.reads.delete(accountId));
    }
    return read;
  }

  /** Records that `operation` took effect (or already held), so the copy matches Organizations. */
  executed(operation: Operation): void {
    const read = this.reads.get(operation.accountId);
    if (read === undefined || !('policyId' in operation)) return;
    const { accountId, policyId } = operation;
    const attach = operation.type.startsWith('attach');
    this.reads.set(
      accountId,
      read.then((structure) => {
        if (structure === null) return null;
        const others = structure.attachments.filter(
          (a) => !(a.targetId === accountId && a.policyId === policyId),
        );
        const attachments = attach ? [...others, { targetId: accountId, policyId }] : others;
        return { ...structure, attachments };
      }),
    );
  }

  /** Forgets every read (e.g. after a failure whose effect is unknown). */
  forget(accountId: string): void {
    this.reads.delete(accountId);
  }
}
