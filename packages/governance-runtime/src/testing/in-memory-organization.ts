import {
  SERVICE_CONTROL_POLICY,
  type Account,
  type Assignment,
  type OrgSnapshot,
  type PolicyType,
  type PrincipalType,
} from '@org/scope-engine';
import type {
  AssignmentKey,
  AssignmentRequestState,
  IdentityCenterPort,
} from '../ports/identity-center-port';
import type { ChangeOutcome } from '../ports/port-failure';
import type { DirectoryPort } from '../ports/directory-port';
import type { OrganizationsPort, OrgStructure } from '../ports/organizations-port';

/** Same assignment, ignoring bookkeeping. */
function sameAssignment(a: AssignmentKey, b: AssignmentKey): boolean {
  return (
    a.accountId === b.accountId &&
    a.permissionSetArn === b.permissionSetArn &&
    a.principalType === b.principalType &&
    a.principalId === b.principalId
  );
}

/**
 * An organization and its Identity Center instance in memory, behind the Organizations,
 * Identity Center and directory ports: what the AWS adapters see, for tests and local dry
 * runs. Changes apply at once (assignment requests are `SUCCEEDED` when created); `managedBy`
 * of the initial snapshot is dropped, as AWS does not store it.
 *
 * @example
 * ```ts
 * const org = new InMemoryOrganization(parseOrgSnapshot(orgYaml));
 * await org.attachPolicy('p-aaaa1111', '222222222222');
 * org.snapshot().attachments; // includes { targetId: '222222222222', policyId: 'p-aaaa1111' }
 * ```
 */
export class InMemoryOrganization implements OrganizationsPort, IdentityCenterPort, DirectoryPort {
  private state: OrgSnapshot;
  private requests = 0;

  constructor(initial: OrgSnapshot) {
    this.state = {
      ...initial,
      attachments: initial.attachments.map(({ targetId, policyId }) => ({ targetId, policyId })),
      assignments: initial.assignments.map(
        ({ accountId, permissionSetArn, principalType, principalId }) => ({
          accountId,
          permissionSetArn,
          principalType,
          principalId,
        }),
      ),
    };
  }

  /** The organization now (without `managedBy`). */
  snapshot(): OrgSnapshot {
    return this.state;
  }

  /** Replaces an account (moves, re-tags, suspends it) or adds it. */
  putAccount(account: Account): void {
    this.state = {
      ...this.state,
      accounts: [...this.state.accounts.filter((a) => a.id !== account.id), account],
    };
  }

  /** Removes an account and everything attached to it. */
  removeAccount(accountId: string): void {
    this.state = {
      ...this.state,
      accounts: this.state.accounts.filter((a) => a.id !== accountId),
      attachments: this.state.attachments.filter((a) => a.targetId !== accountId),
      assignments: this.state.assignments.filter((a) => a.accountId !== accountId),
    };
  }

  /**
   * {@inheritDoc OrganizationsPort.readSnapshotStructure} Without `policyTypes`, every policy
   * type; with them, like the adapter, SCPs and those types only.
   */
  async readSnapshotStructure(policyTypes?: readonly PolicyType[]): Promise<OrgStructure> {
    const { managementAccountId, rootId, organizationalUnits, accounts } = this.state;
    const accountIds = new Set(accounts.map((a) => a.id));
    // Like the adapter's whole-organization read: SCPs always.
    const { policies, attachments } = this.ofTypes(
      policyTypes === undefined ? undefined : [SERVICE_CONTROL_POLICY, ...policyTypes],
    );
    return {
      managementAccountId,
      rootId,
      ...this.enabledPolicyTypes(),
      organizationalUnits,
      accounts,
      policies,
      attachments: attachments.filter((a) => accountIds.has(a.targetId)),
    };
  }

  /** The policies and attachments of `policyTypes` (every type without `policyTypes`). */
  private ofTypes(policyTypes: readonly PolicyType[] | undefined): {
    policies: OrgSnapshot['policies'];
    attachments: OrgSnapshot['attachments'];
  } {
    const { policies, attachments } = this.state;
    if (policyTypes === undefined) return { policies, attachments };
    const read = new Set<PolicyType>(policyTypes);
    const typeOf = new Map(policies.map((p) => [p.id, p.type ?? SERVICE_CONTROL_POLICY]));
    return {
      policies: policies.filter((p) => read.has(p.type ?? SERVICE_CONTROL_POLICY)),
      attachments: attachments.filter((a) =>
        read.has(typeOf.get(a.policyId) ?? SERVICE_CONTROL_POLICY),
      ),
    };
  }

  /**
   * {@inheritDoc OrganizationsPort.readAccountStructure} Without `policyTypes`, every policy
   * type; with them, like the adapter, those types only.
   */
  async readAccountStructure(
    accountId: string,
    policyTypes?: readonly PolicyType[],
  ): Promise<OrgStructure | null> {
    const account = this.state.accounts.find((a) => a.id === accountId);
    if (account === undefined) return null;
    const ancestors = [];
    for (let parent = account.parentId; parent !== this.state.rootId;) {
      const ou = this.state.organizationalUnits.find((candidate) => candidate.id === parent);
      if (ou === undefined) break;
      ancestors.push(ou);
      parent = ou.parentId;
    }
    const { policies, attachments } = this.ofTypes(policyTypes);
    return {
      managementAccountId: this.state.managementAccountId,
      rootId: this.state.rootId,
      ...this.enabledPolicyTypes(),
      organizationalUnits: ancestors.reverse(),
      accounts: [account],
      policies,
      attachments: attachments.filter((a) => a.targetId === accountId),
    };
  }

  /** The root's enabled policy types, when the organization gives them. */
  private enabledPolicyTypes(): Pick<OrgStructure, 'enabledPolicyTypes'> {
    const types = this.state.enabledPolicyTypes;
    return types === undefined ? {} : { enabledPolicyTypes: types };
  }

  /** {@inheritDoc OrganizationsPort.readAccount} */
  async readAccount(accountId: string): Promise<Account | null> {
    return this.state.accounts.find((a) => a.id === accountId) ?? null;
  }

  /** {@inheritDoc OrganizationsPort.attachPolicy} */
  async attachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome> {
    if (this.state.attachments.some((a) => a.policyId === policyId && a.targetId === targetId)) {
      return 'alreadyInState';
    }
    this.state = {
      ...this.state,
      attachments: [...this.state.attachments, { targetId, policyId }],
    };
    return 'changed';
  }

  /** {@inheritDoc OrganizationsPort.detachPolicy} */
  async detachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome> {
    const before = this.state.attachments.length;
    const attachments = this.state.attachments.filter(
      (a) => !(a.policyId === policyId && a.targetId === targetId),
    );
    this.state = { ...this.state, attachments };
    return attachments.length === before ? 'alreadyInState' : 'changed';
  }

  /** {@inheritDoc IdentityCenterPort.listPermissionSets} */
  async listPermissionSets() {
    return this.state.permissionSets;
  }

  /** {@inheritDoc IdentityCenterPort.createAssignment} */
  async createAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState> {
    if (this.state.assignments.some((a) => sameAssignment(a, assignment))) {
      return { requestId: null, status: 'SUCCEEDED' };
    }
    this.state = { ...this.state, assignments: [...this.state.assignments, { ...assignment }] };
    return { requestId: `create-${++this.requests}`, status: 'SUCCEEDED' };
  }

  /** {@inheritDoc IdentityCenterPort.deleteAssignment} */
  async deleteAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState> {
    if (!this.state.assignments.some((a) => sameAssignment(a, assignment))) {
      return { requestId: null, status: 'SUCCEEDED' };
    }
    const assignments: Assignment[] = this.state.assignments.filter(
      (a) => !sameAssignment(a, assignment),
    );
    this.state = { ...this.state, assignments };
    return { requestId: `delete-${++this.requests}`, status: 'SUCCEEDED' };
  }

  /** {@inheritDoc IdentityCenterPort.getCreationStatus} */
  async getCreationStatus(requestId: string): Promise<AssignmentRequestState> {
    return { requestId, status: 'SUCCEEDED' };
  }

  /** {@inheritDoc IdentityCenterPort.getDeletionStatus} */
  async getDeletionStatus(requestId: string): Promise<AssignmentRequestState> {
    return { requestId, status: 'SUCCEEDED' };
  }

  /** {@inheritDoc IdentityCenterPort.listAssignments} */
  async listAssignments(
    accountId: string,
    permissionSetArns?: readonly string[],
  ): Promise<readonly AssignmentKey[]> {
    return this.state.assignments.filter(
      (a) =>
        a.accountId === accountId &&
        (permissionSetArns === undefined || permissionSetArns.includes(a.permissionSetArn)),
    );
  }

  /** {@inheritDoc DirectoryPort.findPrincipal} */
  async findPrincipal(type: PrincipalType, name: string) {
    return this.state.principals.find((p) => p.type === type && p.name === name) ?? null;
  }

  /** {@inheritDoc DirectoryPort.getPrincipal} */
  async getPrincipal(type: PrincipalType, id: string) {
    return this.state.principals.find((p) => p.type === type && p.id === id) ?? null;
  }
}
