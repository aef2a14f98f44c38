import type { OrgSnapshot } from '@org/scope-engine';
import type {
  AssignmentsByPrincipal,
  OrganizationReads,
} from '../reconcile-shards/organization-reads';
import type { InMemoryOrganization } from './in-memory-organization';
import { SnapshotOrganizationReads } from './snapshot-organization-reads';

/** The sharded reconcile's reads of an {@link InMemoryOrganization}, with its permission sets. */
export type LiveOrganizationReads = OrganizationReads &
  AssignmentsByPrincipal &
  Pick<InMemoryOrganization, 'listPermissionSets'>;

/**
 * The sharded reconcile's page-by-page reads ({@link OrganizationReads},
 * {@link AssignmentsByPrincipal}) of an in-memory organization as it is at each call: what the
 * AWS adapters read of the organization the single-pass reads through `InMemoryOrganization`, so
 * both reconciles can run over one organization that changes between runs (the worker executes
 * into it). Calls are answered by a {@link SnapshotOrganizationReads} of the organization's current
 * state (rebuilt when it changed).
 *
 * @example
 * ```ts
 * const org = new InMemoryOrganization(snapshot);
 * const reads = liveOrganizationReads(org);
 * await runShardedReconcile({ ...deps, organizations: reads, identityCenter: reads, directory: org }, { runId });
 * ```
 */
export function liveOrganizationReads(organization: InMemoryOrganization): LiveOrganizationReads {
  let source: OrgSnapshot | undefined;
  let reads: SnapshotOrganizationReads | undefined;
  const current = (): SnapshotOrganizationReads => {
    const now = organization.snapshot();
    if (reads === undefined || source !== now) {
      source = now;
      reads = new SnapshotOrganizationReads(now);
    }
    return reads;
  };
  return {
    describeRoot: () => current().describeRoot(),
    listOrganizationalUnits: (parentId, token) =>
      current().listOrganizationalUnits(parentId, token),
    listAccounts: (parentId, token) => current().listAccounts(parentId, token),
    listTags: (accountId) => current().listTags(accountId),
    listPolicies: (policyTypes) => current().listPolicies(policyTypes),
    listTargets: (policyId, token) => current().listTargets(policyId, token),
    listAssignmentsOfPrincipal: (principalType, principalId) =>
      current().listAssignmentsOfPrincipal(principalType, principalId),
    listPermissionSets: () => organization.listPermissionSets(),
  };
}
