import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { AssignmentKey, IdentityCenterPort } from '../ports/identity-center-port';
import type { DirectoryPort } from '../ports/directory-port';
import type { OrganizationsPort } from '../ports/organizations-port';
import type {
  ProvisionedAccountState,
  ProvisionedStateRepository,
} from '../ports/provisioned-state-repository';
import { readDirectoryView, relevantPermissionSetArns } from './directory-view';
import type { DirectoryViewSource } from './directory-view-store';
import { policyTypesToRead } from './policy-types-to-read';
import { withManagedBy } from './with-managed-by';

/** The ports {@link readAccountSnapshot} reads live: Organizations and Identity Center. */
export interface SnapshotReaders {
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure' | 'readSnapshotStructure'>;
  readonly identityCenter: Pick<IdentityCenterPort, 'listPermissionSets' | 'listAssignments'>;
  readonly directory: DirectoryPort;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount' | 'listAll'>;
}

/**
 * The ports of a planner without Identity Center clients (the org events processor): the
 * account is re-read from Organizations, permission sets and principals come from the directory
 * view the last full read stored, and the provisioned state stands for the live assignments
 * (what seed 001 does: it never lists assignments either).
 */
export interface StoredViewReaders {
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>;
  readonly directoryView: DirectoryViewSource;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount'>;
}

/** Either way of reading one account: live, or with the stored directory view. */
export type AccountSnapshotReaders = SnapshotReaders | StoredViewReaders;

/** The provisioned assignments of an account, as assignment keys. */
function provisionedAssignments(provisioned: ProvisionedAccountState): AssignmentKey[] {
  const keys: AssignmentKey[] = [];
  for (const item of provisioned.items) {
    if (item.kind === 'assignment') {
      const { permissionSetArn, principalType, principalId } = item;
      keys.push({ accountId: provisioned.accountId, permissionSetArn, principalType, principalId });
    }
  }
  return keys;
}

/** {@link readAccountSnapshot} with the stored directory view. */
async function readWithStoredView(
  accountId: string,
  config: GovernanceConfig,
  readers: StoredViewReaders,
): Promise<OrgSnapshot | null> {
  const [view, provisioned] = await Promise.all([
    readers.directoryView.current(),
    readers.provisionedState.getAccount(accountId),
  ]);
  const structure = await readers.organizations.readAccountStructure(
    accountId,
    policyTypesToRead(config, [provisioned]),
  );
  if (structure === null) return null;
  return {
    ...structure,
    permissionSets: view.permissionSets,
    principals: view.principals,
    ...withManagedBy(structure.attachments, provisionedAssignments(provisioned), [provisioned]),
  };
}

/**
 * The organization as seen from one account, read now (events are hints, delivered best effort): the account
 * (parent, tags, status), its ancestor OUs, the policies of the types the rules use or the product
 * provisioned, its direct attachments of those types and relevant
 * assignments with `managedBy` from the provisioned state, the permission sets and the
 * principals the rules name. `null` when the account is not in the organization.
 *
 * With {@link StoredViewReaders}, permission sets and principals are the stored view's and the
 * assignments are those the product provisioned: an assignment made outside the product is not
 * seen (only the reconciler, which lists them, leaves such an assignment unmanaged).
 *
 * @example
 * ```ts
 * const snapshot = await readAccountSnapshot('222222222222', config, readers);
 * if (snapshot) console.log(planReconcile(snapshot, config));
 * ```
 */
export async function readAccountSnapshot(
  accountId: string,
  config: GovernanceConfig,
  readers: AccountSnapshotReaders,
): Promise<OrgSnapshot | null> {
  if ('directoryView' in readers) return readWithStoredView(accountId, config, readers);
  const [view, provisioned] = await Promise.all([
    readDirectoryView(config, readers.identityCenter, readers.directory),
    readers.provisionedState.getAccount(accountId),
  ]);
  const structure = await readers.organizations.readAccountStructure(
    accountId,
    policyTypesToRead(config, [provisioned]),
  );
  if (structure === null) return null;
  const arns = relevantPermissionSetArns(config, view.permissionSets, provisioned);
  const live =
    arns.length === 0 ? [] : await readers.identityCenter.listAssignments(accountId, arns);
  return {
    ...structure,
    ...view,
    ...withManagedBy(structure.attachments, live, [provisioned]),
  };
}
