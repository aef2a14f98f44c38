/**
 * The adapters wired as the pipeline's snapshot readers, over the emulators, with the
 * provisioned state (`managedBy`) of a seeded snapshot recorded in DynamoDB Local.
 */
import type { OrgSnapshot } from '@org/scope-engine';
import type { SnapshotReaders } from '@org/governance-runtime';
import { createDynamoDbClients, type MotoClients } from '@org/emulators';
import { DynamoDbProvisionedStateRepository } from '../../src/dynamodb';
import { DirectoryAdapter } from '../../src/identitystore';
import { OrganizationsAdapter } from '../../src/organizations';
import { IdentityCenterAdapter } from '../../src/sso-admin';
import { createTables, TABLES } from './tables';

/** Records every `managedBy` of the snapshot as provisioned state. */
async function recordManagedItems(
  state: DynamoDbProvisionedStateRepository,
  snapshot: OrgSnapshot,
): Promise<void> {
  for (const attachment of snapshot.attachments) {
    if (attachment.managedBy && attachment.managedBy.length > 0) {
      const policy = snapshot.policies.find((p) => p.id === attachment.policyId);
      await state.recordApplied(attachment.targetId, {
        kind: 'attachment',
        policyId: attachment.policyId,
        policyType: policy?.type ?? 'SERVICE_CONTROL_POLICY',
        ruleIds: [...attachment.managedBy].sort(),
        tagKeys: [],
      });
    }
  }
  for (const assignment of snapshot.assignments) {
    if (assignment.managedBy && assignment.managedBy.length > 0) {
      await state.recordApplied(assignment.accountId, {
        kind: 'assignment',
        permissionSetArn: assignment.permissionSetArn,
        principalType: assignment.principalType,
        principalId: assignment.principalId,
        ruleIds: [...assignment.managedBy].sort(),
        tagKeys: [],
      });
    }
  }
}

/**
 * Adapters reading moto (organization, Identity Center) and DynamoDB Local (provisioned state
 * seeded from `seededSnapshot`).
 */
export async function liveReaders(
  moto: MotoClients,
  seededSnapshot: OrgSnapshot,
): Promise<SnapshotReaders> {
  const dynamo = createDynamoDbClients();
  await createTables(dynamo.dynamodb);
  const provisionedState = new DynamoDbProvisionedStateRepository(dynamo.documents, {
    tableName: TABLES.provisioned,
  });
  await recordManagedItems(provisionedState, seededSnapshot);
  const identityCenter = new IdentityCenterAdapter(moto.ssoAdmin);
  return {
    organizations: new OrganizationsAdapter(moto.organizations, { concurrency: 8 }),
    identityCenter,
    directory: new DirectoryAdapter(
      moto.identityStore,
      async () => (await identityCenter.describeInstance()).identityStoreId,
    ),
    provisionedState,
  };
}
