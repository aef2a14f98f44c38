/**
 * Builds IAM Identity Center state in moto from an org snapshot: permission sets, users and
 * groups, and account assignments.
 */
import {
  CreateGroupCommand,
  CreateUserCommand,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { OrgSnapshot } from '@org/scope-engine';
import { EmulatorUsageError } from '../errors';
import type { IdMap } from './id-map';
import { mapLimit } from './map-limit';

/** The Identity Center part of a seeded snapshot (ARNs and ids are moto's). */
export type SeededIdentityCenter = Pick<
  OrgSnapshot,
  'permissionSets' | 'principals' | 'assignments'
> & {
  readonly instanceArn: string;
  readonly identityStoreId: string;
};

/**
 * Creates the snapshot's permission sets, principals and assignments (accounts must already be
 * seeded into `ids`). Permission sets are provisioned so moto lists them per account.
 *
 * @example
 * ```ts
 * const identityCenter = await seedIdentityCenter(moto, snapshot, ids);
 * ```
 */
export async function seedIdentityCenter(
  clients: { readonly ssoAdmin: SSOAdminClient; readonly identityStore: IdentitystoreClient },
  snapshot: OrgSnapshot,
  ids: IdMap,
): Promise<SeededIdentityCenter> {
  const instance = (await clients.ssoAdmin.send(new ListInstancesCommand({}))).Instances?.[0];
  const instanceArn = instance?.InstanceArn;
  const identityStoreId = instance?.IdentityStoreId;
  if (!instanceArn || !identityStoreId)
    throw new EmulatorUsageError('moto has no Identity Center instance');
  await mapLimit(snapshot.permissionSets, 8, async (set) => {
    const created = await clients.ssoAdmin.send(
      new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: set.name }),
    );
    const arn = created.PermissionSet?.PermissionSetArn ?? '';
    ids.set(set.arn, arn);
    await clients.ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: arn,
        TargetType: 'ALL_PROVISIONED_ACCOUNTS',
      }),
    );
  });
  await mapLimit(snapshot.principals, 8, async (principal) => {
    if (principal.type === 'GROUP') {
      const created = await clients.identityStore.send(
        new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: principal.name }),
      );
      ids.set(principal.id, created.GroupId ?? '');
    } else {
      const created = await clients.identityStore.send(
        new CreateUserCommand({
          IdentityStoreId: identityStoreId,
          UserName: principal.name,
          DisplayName: principal.name,
          Name: { GivenName: principal.name, FamilyName: 'Test' },
        }),
      );
      ids.set(principal.id, created.UserId ?? '');
    }
  });
  const assignments = snapshot.assignments.map((assignment) => ({
    ...assignment,
    accountId: ids.get(assignment.accountId),
    permissionSetArn: ids.get(assignment.permissionSetArn),
    principalId: ids.get(assignment.principalId),
  }));
  await mapLimit(assignments, 8, (assignment) =>
    clients.ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: assignment.accountId,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: assignment.permissionSetArn,
        PrincipalType: assignment.principalType,
        PrincipalId: assignment.principalId,
      }),
    ),
  );
  return {
    instanceArn,
    identityStoreId,
    permissionSets: snapshot.permissionSets.map((set) => ({
      name: set.name,
      arn: ids.get(set.arn),
    })),
    principals: snapshot.principals.map((principal) => ({
      ...principal,
      id: ids.get(principal.id),
    })),
    assignments,
  };
}
