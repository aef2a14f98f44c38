import type { GovernanceConfig, OrgSnapshot } from '../../model';
import type {
  DirectoryPort,
  IdentityCenterPort,
  OrganizationsPort,
  ProvisionedStateRepository,
} from '../../ports';
import { readDirectoryView, relevantPermissionSetArns } from './directory-view';
import { withManagedBy } from './with-managed-by';

/** The ports {@link readAccountSnapshot} reads. */
export interface SnapshotReaders {
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure' | 'readSnapshotStructure'>;
  readonly identityCenter: Pick<IdentityCenterPort, 'listPermissionSets' | 'listAssignments'>;
  readonly directory: DirectoryPort;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount' | 'listAll'>;
}

/**
 * The organization as seen from one account, read now (events are hints, SPEC §2): the account
 * (parent, tags, status), its ancestor OUs, every SCP, its direct attachments and relevant
 * assignments with `managedBy` from the provisioned state, the permission sets and the
 * principals the rules name. `null` when the account is not in the organization.
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
  readers: SnapshotReaders,
): Promise<OrgSnapshot | null> {
  const [structure, view, provisioned] = await Promise.all([
    readers.organizations.readAccountStructure(accountId),
    readDirectoryView(config, readers.identityCenter, readers.directory),
    readers.provisionedState.getAccount(accountId),
  ]);
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
