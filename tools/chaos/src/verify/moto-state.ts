/**
 * The organization as moto holds it, read through the production adapters with fault-free
 * clients, `managedBy` from the provisioned state.
 */
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import { type GovernanceConfig, type OrgSnapshot } from '@org/scope-engine';
import {
  mapLimit,
  type ProvisionedStateRepository,
  readFullSnapshot,
  withManagedBy,
} from '@org/governance-runtime';

/** Fault-free clients and ids needed to read moto. */
export interface MotoReaders {
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly instance: { readonly instanceArn: string; readonly identityStoreId: string };
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount' | 'listAll'>;
}

/**
 * Reads moto now.
 *
 * @example
 * ```ts
 * const live = await readMotoState(readers, config);
 * referenceReconcile(live, config).operations.length; // the drift (as the oracle plans it)
 * ```
 */
export async function readMotoState(
  readers: MotoReaders,
  config: GovernanceConfig,
): Promise<OrgSnapshot> {
  const { snapshot } = await readFullSnapshot(config, {
    organizations: new OrganizationsAdapter(readers.organizations, { cacheTtlMs: 0 }),
    identityCenter: new IdentityCenterAdapter(readers.ssoAdmin, {
      instance: readers.instance,
      cacheTtlMs: 0,
    }),
    directory: new DirectoryAdapter(readers.identityStore, readers.instance.identityStoreId, {
      cacheTtlMs: 0,
    }),
    provisionedState: readers.provisionedState,
  });
  return snapshot;
}

/**
 * Every direct SCP attachment and every assignment (of every permission set) in moto, with
 * `managedBy`, plus the structure: what the state comparison and the safety guards look at.
 *
 * @example
 * ```ts
 * const everything = await readMotoItems(readers);
 * ```
 */
export async function readMotoItems(readers: MotoReaders): Promise<OrgSnapshot> {
  const organizations = new OrganizationsAdapter(readers.organizations, { cacheTtlMs: 0 });
  const identityCenter = new IdentityCenterAdapter(readers.ssoAdmin, {
    instance: readers.instance,
    cacheTtlMs: 0,
  });
  const structure = await organizations.readSnapshotStructure();
  const permissionSets = await identityCenter.listPermissionSets();
  const arns = permissionSets.map((set) => set.arn);
  const assignments = await mapLimit(structure.accounts, 4, (account) =>
    identityCenter.listAssignments(account.id, arns),
  );
  const provisioned = await readers.provisionedState.listAll();
  return {
    ...structure,
    permissionSets,
    principals: [],
    ...withManagedBy(structure.attachments, assignments.flat(), provisioned),
  };
}
