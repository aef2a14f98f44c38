/**
 * Builds an organization in moto from an org snapshot: OUs (nested), accounts (tags, status),
 * the policy types enabled on the root, policies of every type and their direct attachments.
 */
import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeAccountCommand,
  DetachPolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  type OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  type Account,
  type Attachment,
  FULL_AWS_ACCESS_POLICY_ID,
  FULL_AWS_ACCESS_POLICY_NAME,
  type OrganizationalUnit,
  type OrgSnapshot,
  type Policy,
  type PolicyType,
} from '@org/scope-engine';
import type { OrgStructure } from '@org/governance-runtime';
import { EmulatorUsageError } from '../errors';
import type { IdMap } from './id-map';
import { mapLimit } from './map-limit';

const DENY_CONTENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
});

/** The AWS-managed RCP moto (like AWS) attaches to every target. */
const RCP_FULL_ACCESS_ID = 'p-RCPFullAWSAccess';

/** A policy document of `type`: a deny statement for SCPs and RCPs, a minimal management policy otherwise. */
function contentOf(type: PolicyType): string {
  if (type === 'SERVICE_CONTROL_POLICY') return DENY_CONTENT;
  if (type === 'RESOURCE_CONTROL_POLICY') {
    return JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }],
    });
  }
  return JSON.stringify({ tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } });
}

/** The default policy a snapshot policy stands for in moto (same id in moto and AWS), if any. */
function defaultPolicyId(policy: Policy): string | undefined {
  if (policy.id === FULL_AWS_ACCESS_POLICY_ID || policy.name === FULL_AWS_ACCESS_POLICY_NAME)
    return FULL_AWS_ACCESS_POLICY_ID;
  if (policy.id === RCP_FULL_ACCESS_ID || policy.name === 'RCPFullAWSAccess')
    return RCP_FULL_ACCESS_ID;
  return undefined;
}

/**
 * The organization part of a seeded snapshot (ids are moto's): the runtime's {@link OrgStructure},
 * what the Organizations port reads back from moto.
 */
export type SeededStructure = OrgStructure;

function byDepth(ous: readonly OrganizationalUnit[], rootId: string): OrganizationalUnit[][] {
  const levels: OrganizationalUnit[][] = [];
  let parents = new Set([rootId]);
  let remaining = [...ous];
  while (remaining.length > 0) {
    const level = remaining.filter((ou) => parents.has(ou.parentId));
    if (level.length === 0) {
      throw new EmulatorUsageError(
        `OUs with unknown parents: ${remaining.map((ou) => ou.id).join(', ')}`,
      );
    }
    levels.push(level);
    parents = new Set(level.map((ou) => ou.id));
    remaining = remaining.filter((ou) => !parents.has(ou.id));
  }
  return levels;
}

async function createOus(client: OrganizationsClient, snapshot: OrgSnapshot, ids: IdMap) {
  for (const level of byDepth(snapshot.organizationalUnits, snapshot.rootId)) {
    await mapLimit(level, 8, async (ou) => {
      const created = await client.send(
        new CreateOrganizationalUnitCommand({ ParentId: ids.get(ou.parentId), Name: ou.name }),
      );
      ids.set(ou.id, created.OrganizationalUnit?.Id ?? '');
    });
  }
}

async function createAccount(
  client: OrganizationsClient,
  account: Account,
  rootId: string,
  ids: IdMap,
) {
  const created = await client.send(
    new CreateAccountCommand({
      AccountName: account.name,
      Email: account.email ?? `${account.name}@example.com`,
      Tags: Object.entries(account.tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  const id = created.CreateAccountStatus?.AccountId ?? '';
  ids.set(account.id, id);
  const parentId = ids.get(account.parentId);
  if (parentId !== rootId) {
    await client.send(
      new MoveAccountCommand({
        AccountId: id,
        SourceParentId: rootId,
        DestinationParentId: parentId,
      }),
    );
  }
  if (account.status !== 'ACTIVE') await client.send(new CloseAccountCommand({ AccountId: id }));
}

async function createPolicies(
  client: OrganizationsClient,
  policies: readonly Policy[],
  ids: IdMap,
) {
  await mapLimit(policies, 8, async (policy) => {
    const managedId = defaultPolicyId(policy);
    if (managedId !== undefined) {
      ids.set(policy.id, managedId);
      return;
    }
    const type = policy.type ?? 'SERVICE_CONTROL_POLICY';
    const created = await client.send(
      new CreatePolicyCommand({
        Name: policy.name,
        Description: policy.name,
        Content: contentOf(type),
        Type: type,
      }),
    );
    ids.set(policy.id, created.Policy?.PolicySummary?.Id ?? '');
  });
}

/**
 * Makes every OU's and account's direct policies exactly the snapshot's (moto attaches FullAWSAccess,
 * and RCPFullAWSAccess, which is detached too when the snapshot enables RCPs and does not list it).
 */
async function attachPolicies(client: OrganizationsClient, snapshot: OrgSnapshot, ids: IdMap) {
  const rcps = snapshot.enabledPolicyTypes?.includes('RESOURCE_CONTROL_POLICY') ?? false;
  const targets = [
    ...snapshot.organizationalUnits.map((ou) => ou.id),
    ...snapshot.accounts.map((a) => a.id),
  ];
  await mapLimit(targets, 8, async (target) => {
    const TargetId = ids.get(target);
    const wanted = snapshot.attachments
      .filter((a) => a.targetId === target)
      .map((a) => ids.get(a.policyId));
    for (const PolicyId of wanted)
      await client.send(new AttachPolicyCommand({ PolicyId, TargetId }));
    if (!wanted.includes(FULL_AWS_ACCESS_POLICY_ID)) {
      await client.send(new DetachPolicyCommand({ PolicyId: FULL_AWS_ACCESS_POLICY_ID, TargetId }));
    }
    if (rcps && !wanted.includes(RCP_FULL_ACCESS_ID)) {
      await client.send(new DetachPolicyCommand({ PolicyId: RCP_FULL_ACCESS_ID, TargetId }));
    }
  });
}

/**
 * Creates the snapshot's organization in moto (as the clients' moto account, which becomes the
 * management account) and returns the structure as moto now holds it. Root attachments are not
 * seeded; `PENDING_CLOSURE` accounts are closed (moto knows only SUSPENDED); the management
 * account keeps moto's name and email.
 *
 * @example
 * ```ts
 * const ids = new IdMap();
 * const structure = await seedOrganization(moto.organizations, parseOrgSnapshot(yaml), ids);
 * ```
 */
export async function seedOrganization(
  client: OrganizationsClient,
  snapshot: OrgSnapshot,
  ids: IdMap,
): Promise<SeededStructure> {
  const organization = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const managementAccountId = organization.Organization?.MasterAccountId ?? '';
  const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
  ids.set(snapshot.rootId, rootId);
  ids.set(snapshot.managementAccountId, managementAccountId);
  await createOus(client, snapshot, ids);
  const members = snapshot.accounts.filter(
    (account) => account.id !== snapshot.managementAccountId,
  );
  await mapLimit(members, 8, (account) => createAccount(client, account, rootId, ids));
  const management = snapshot.accounts.find(
    (account) => account.id === snapshot.managementAccountId,
  );
  const tags = Object.entries(management?.tags ?? {});
  if (tags.length > 0) {
    await client.send(
      new TagResourceCommand({
        ResourceId: managementAccountId,
        Tags: tags.map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
  // moto's root starts with no policy type enabled (AWS: SCPs usually are).
  for (const PolicyType of snapshot.enabledPolicyTypes ?? ['SERVICE_CONTROL_POLICY'])
    await client.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType }));
  await createPolicies(client, snapshot.policies, ids);
  await attachPolicies(client, snapshot, ids);
  const described = (
    await client.send(new DescribeAccountCommand({ AccountId: managementAccountId }))
  ).Account;
  return {
    managementAccountId,
    rootId,
    ...(snapshot.enabledPolicyTypes === undefined
      ? {}
      : { enabledPolicyTypes: snapshot.enabledPolicyTypes }),
    organizationalUnits: snapshot.organizationalUnits.map((ou) => ({
      id: ids.get(ou.id),
      name: ou.name,
      parentId: ids.get(ou.parentId),
    })),
    accounts: snapshot.accounts.map((account) => ({
      ...account,
      id: ids.get(account.id),
      parentId: ids.get(account.parentId),
      status: account.status === 'ACTIVE' ? 'ACTIVE' : 'SUSPENDED',
      ...(account.id === snapshot.managementAccountId
        ? { name: described?.Name ?? account.name, email: described?.Email ?? '' }
        : { email: account.email ?? `${account.name}@example.com` }),
    })),
    policies: snapshot.policies.map((policy) => ({
      id: ids.get(policy.id),
      name: policy.name,
      ...(policy.type === undefined ? {} : { type: policy.type }),
    })),
    attachments: snapshot.attachments
      .filter((attachment) => attachment.targetId !== snapshot.rootId)
      .map((attachment): Attachment => ({
        ...attachment,
        targetId: ids.get(attachment.targetId),
        policyId: ids.get(attachment.policyId),
      })),
  };
}
