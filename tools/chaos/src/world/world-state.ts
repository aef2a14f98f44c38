/**
 * What the chaos world knows about the organization it changes: accounts and OUs in creation
 * order (random choices index into these lists, so a seed picks the same entities whatever ids
 * moto generates), and the items made by hand that the product must never touch.
 */
import type { Account, OrganizationalUnit, OrgSnapshot } from '@org/scope-engine';

/** An account as the world tracks it. */
export interface WorldAccount extends Account {
  /** Vended by Control Tower (can be re-vended with `UpdateManagedAccount`). */
  readonly vended: boolean;
}

/** The key of an attachment on an account. */
export const attachmentKey = (accountId: string, policyId: string): string =>
  `${accountId}#${policyId}`;

/** The key of an assignment. */
export const assignmentKey = (a: {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
}): string => `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`;

/**
 * The parts of an assignment key ({@link assignmentKey}).
 *
 * @example
 * ```ts
 * parseAssignmentKey('222222222222#arn:ps/admin#GROUP#g-1').principalId; // 'g-1'
 * ```
 */
export function parseAssignmentKey(key: string): {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
} {
  const [accountId = '', permissionSetArn = '', principalType = '', principalId = ''] =
    key.split('#');
  return { accountId, permissionSetArn, principalType, principalId };
}

/** The snapshot account of a world account (without world bookkeeping). */
function toAccount(account: WorldAccount): Account {
  const { id, name, email, parentId, status, tags } = account;
  return email === undefined
    ? { id, name, parentId, status, tags }
    : { id, name, email, parentId, status, tags };
}

/**
 * The organization's structure as the world made it, plus the registry of unmanaged items.
 *
 * @example
 * ```ts
 * const state = WorldState.fromSnapshot(seeded.snapshot);
 * state.members().length;
 * ```
 */
export class WorldState {
  readonly accounts: WorldAccount[] = [];
  readonly organizationalUnits: OrganizationalUnit[] = [];
  /**
   * Attachment keys ({@link attachmentKey}) the product must never touch (made by hand or by
   * AWS), with the round from which each exists.
   */
  readonly unmanagedAttachments = new Map<string, number>();
  /** Assignment keys ({@link assignmentKey}) made by hand, with the round they appeared. */
  readonly unmanagedAssignments = new Map<string, number>();

  private constructor(readonly base: OrgSnapshot) {}

  /** The world of a seeded snapshot: items without `managedBy` are the unmanaged ones. */
  static fromSnapshot(snapshot: OrgSnapshot): WorldState {
    const state = new WorldState(snapshot);
    state.accounts.push(...snapshot.accounts.map((a) => ({ ...a, vended: false })));
    state.organizationalUnits.push(...snapshot.organizationalUnits);
    const accountIds = new Set(snapshot.accounts.map((a) => a.id));
    for (const a of snapshot.attachments) {
      if (accountIds.has(a.targetId) && (a.managedBy ?? []).length === 0) {
        state.unmanagedAttachments.set(attachmentKey(a.targetId, a.policyId), 0);
      }
    }
    for (const a of snapshot.assignments) {
      if ((a.managedBy ?? []).length === 0) state.unmanagedAssignments.set(assignmentKey(a), 0);
    }
    return state;
  }

  get managementAccountId(): string {
    return this.base.managementAccountId;
  }

  get rootId(): string {
    return this.base.rootId;
  }

  /** Member accounts (not the management account), in creation order. */
  members(): WorldAccount[] {
    return this.accounts.filter((a) => a.id !== this.base.managementAccountId);
  }

  /** The account with this id. */
  account(id: string): WorldAccount {
    const found = this.accounts.find((a) => a.id === id);
    if (found === undefined) throw new RangeError(`unknown account ${id}`);
    return found;
  }

  /** Replaces an account. */
  update(account: WorldAccount): void {
    const index = this.accounts.findIndex((a) => a.id === account.id);
    this.accounts[index] = account;
  }

  /** Every parent an account can be moved to: the root and every OU. */
  parents(): { readonly id: string; readonly name: string }[] {
    return [{ id: this.rootId, name: 'Root' }, ...this.organizationalUnits];
  }

  /** The OU (or root) name of a parent id. */
  parentName(id: string): string {
    return this.parents().find((p) => p.id === id)?.name ?? id;
  }

  /** The structure as an org snapshot (attachments and assignments left to the caller). */
  structure(): Pick<
    OrgSnapshot,
    | 'managementAccountId'
    | 'rootId'
    | 'organizationalUnits'
    | 'accounts'
    | 'policies'
    | 'permissionSets'
    | 'principals'
  > {
    return {
      managementAccountId: this.base.managementAccountId,
      rootId: this.base.rootId,
      organizationalUnits: [...this.organizationalUnits],
      accounts: this.accounts.map(toAccount),
      policies: this.base.policies,
      permissionSets: this.base.permissionSets,
      principals: this.base.principals,
    };
  }
}
