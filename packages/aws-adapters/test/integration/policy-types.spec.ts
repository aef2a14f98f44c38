/**
 * Policies of every type moto implements (SCP, RCP, tag, AI-services opt-out), read and attached
 * through the OrganizationsAdapter against moto over HTTP. moto lacks the other types: it enables
 * BACKUP_POLICY on the root but cannot create a backup policy, and refuses to enable chatbot,
 * declarative, Security Hub and the rest — the last tests record both. Those four types run
 * through the test edge's simulation in simulated-policy-types.spec.ts.
 */
import {
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import {
  createMotoClients,
  type MotoClients,
  type SeededSnapshot,
  seedSnapshot,
} from '@org/emulators';
import type { OrgSnapshot, PolicyType } from '@org/scope-engine';
import { OrganizationsAdapter } from '../../src/organizations';

jest.setTimeout(120_000);

/** The types moto implements, each with one policy of the snapshot. */
const MOTO_TYPES: readonly { type: PolicyType; id: string }[] = [
  { type: 'RESOURCE_CONTROL_POLICY', id: 'p-rcp00001' },
  { type: 'TAG_POLICY', id: 'p-tag00001' },
  { type: 'AISERVICES_OPT_OUT_POLICY', id: 'p-ais00001' },
];

const SNAPSHOT: OrgSnapshot = {
  managementAccountId: '100000000000',
  rootId: 'r-pt00',
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'BACKUP_POLICY', ...MOTO_TYPES.map((t) => t.type)],
  organizationalUnits: [{ id: 'ou-pt00-00000001', name: 'Workloads', parentId: 'r-pt00' }],
  accounts: [
    { id: '100000000000', name: 'mgmt', parentId: 'r-pt00', status: 'ACTIVE', tags: {} },
    { id: '200000000001', name: 'app', parentId: 'ou-pt00-00000001', status: 'ACTIVE', tags: {} },
  ],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-scp00001', name: 'DenyLeaveOrg' },
    { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY' },
    ...MOTO_TYPES.map(({ type, id }) => ({ id, name: `policy-${type}`, type })),
  ],
  permissionSets: [],
  principals: [],
  attachments: [
    { targetId: '200000000001', policyId: 'p-FullAWSAccess' },
    { targetId: '200000000001', policyId: 'p-RCPFullAWSAccess' },
    { targetId: '200000000001', policyId: 'p-tag00001' },
  ],
  assignments: [],
};

let moto: MotoClients;
let seeded: SeededSnapshot;

beforeAll(async () => {
  moto = createMotoClients();
  seeded = await seedSnapshot(moto, SNAPSHOT);
});

const adapter = (types: readonly PolicyType[]) =>
  new OrganizationsAdapter(moto.organizations, { cacheTtlMs: 0, policyTypes: () => types });

const direct = async (targetId: string, type: PolicyType): Promise<string[]> => {
  const page = await moto.organizations.send(
    new ListPoliciesForTargetCommand({ TargetId: targetId, Filter: type }),
  );
  return (page.Policies ?? []).map((p) => p.Id ?? '').sort();
};

describe('policy types on moto', () => {
  it('reads enabledPolicyTypes from the root and the policies of the types the rules use', async () => {
    const account = seeded.ids.get('200000000001');
    const structure = await adapter(['RESOURCE_CONTROL_POLICY', 'TAG_POLICY']).readAccountStructure(
      account,
    );
    expect({
      enabled: structure?.enabledPolicyTypes,
      types: structure?.policies.map((p) => p.type ?? 'SERVICE_CONTROL_POLICY').sort(),
      attachments: structure?.attachments.map((a) => a.policyId),
    }).toStrictEqual({
      enabled: [...(SNAPSHOT.enabledPolicyTypes ?? [])].sort(),
      types: [
        'RESOURCE_CONTROL_POLICY',
        'RESOURCE_CONTROL_POLICY',
        'SERVICE_CONTROL_POLICY',
        'SERVICE_CONTROL_POLICY',
        'TAG_POLICY',
      ],
      attachments: ['p-FullAWSAccess', 'p-RCPFullAWSAccess', seeded.ids.get('p-tag00001')].sort(),
    });
  });

  it('reads only SCPs when no rule uses another type', async () => {
    const structure = await adapter([]).readSnapshotStructure();
    expect(structure.policies.every((p) => p.type === undefined)).toBe(true);
  });

  it.each(MOTO_TYPES)(
    'attaches and detaches a $type policy, idempotently',
    async ({ type, id }) => {
      const account = seeded.ids.get('200000000001');
      const policyId = seeded.ids.get(id);
      const organizations = adapter([type]);
      const before = await direct(account, type);
      const attach = await organizations.attachPolicy(policyId, account);
      const attached = await direct(account, type);
      const detach = await organizations.detachPolicy(policyId, account);
      expect({ attach, attached, detach, after: await direct(account, type) }).toStrictEqual({
        attach: 'changed',
        attached: [...new Set([...before, policyId])].sort(),
        detach: 'changed',
        after: before.filter((p) => p !== policyId),
      });
    },
  );

  it('moto lacks backup policies: CreatePolicy of a BACKUP_POLICY fails', async () => {
    await expect(
      moto.organizations.send(
        new CreatePolicyCommand({
          Name: 'backup',
          Description: 'backup',
          Content: '{}',
          Type: 'BACKUP_POLICY',
        }),
      ),
    ).rejects.toThrow();
  });

  it.each<PolicyType>(['CHATBOT_POLICY', 'DECLARATIVE_POLICY_EC2', 'SECURITYHUB_POLICY'])(
    'moto lacks %s: EnablePolicyType is refused (its planning is covered by the engine tests)',
    async (PolicyType) => {
      const rootId = (await moto.organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
      await expect(
        moto.organizations.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType })),
      ).rejects.toMatchObject({ name: 'InvalidInputException' });
    },
  );
});
