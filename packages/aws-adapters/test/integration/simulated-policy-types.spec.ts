/**
 * The policy types moto lacks — backup (moto cannot create one), chatbot, declarative (EC2) and
 * Security Hub (moto cannot enable them) — through a SIMULATION at the test edge
 * (`simulateMissingPolicyTypes` of @org/emulators): the calls about those types are answered as
 * AWS documents them, every other call goes to moto. The adapters' reads, attaches and detaches of
 * every simulated type run here; the types moto implements run in policy-types.spec.ts.
 */
import {
  CreatePolicyCommand,
  DisablePolicyTypeCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import {
  createMotoClients,
  type MotoClients,
  type PolicyTypeSimulation,
  type SeededSnapshot,
  seedSnapshot,
  simulateMissingPolicyTypes,
} from '@org/emulators';
import type { OrgSnapshot, PolicyType } from '@org/scope-engine';
import { OrganizationsAdapter } from '../../src/organizations';
import { OrganizationReadsAdapter } from '../../src/reconcile-runs';

jest.setTimeout(120_000);

const APP = '200000000001';
const OTHER = '200000000002';
/** The simulated types, each with two policies; the first is attached to the app account. */
const SIMULATED = (
  ['BACKUP_POLICY', 'CHATBOT_POLICY', 'DECLARATIVE_POLICY_EC2', 'SECURITYHUB_POLICY'] as const
).map((type, i) => ({ type, ids: [`p-sim${i}00001`, `p-sim${i}00002`] as const }));

const SNAPSHOT: OrgSnapshot = {
  managementAccountId: '100000000000',
  rootId: 'r-sm00',
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', ...SIMULATED.map((s) => s.type)],
  organizationalUnits: [{ id: 'ou-sm00-00000001', name: 'Workloads', parentId: 'r-sm00' }],
  accounts: [
    { id: '100000000000', name: 'mgmt', parentId: 'r-sm00', status: 'ACTIVE', tags: {} },
    { id: APP, name: 'app', parentId: 'ou-sm00-00000001', status: 'ACTIVE', tags: {} },
    { id: OTHER, name: 'other', parentId: 'r-sm00', status: 'ACTIVE', tags: {} },
  ],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-scp00001', name: 'DenyLeaveOrg' },
    ...SIMULATED.flatMap(({ type, ids }) => ids.map((id) => ({ id, name: `${type}-${id}`, type }))),
  ],
  permissionSets: [],
  principals: [],
  attachments: [
    { targetId: APP, policyId: 'p-FullAWSAccess' },
    { targetId: OTHER, policyId: 'p-FullAWSAccess' },
    ...SIMULATED.map(({ ids }) => ({ targetId: APP, policyId: ids[0] })),
  ],
  assignments: [],
};

let moto: MotoClients;
let seeded: SeededSnapshot;
let simulation: PolicyTypeSimulation;

beforeAll(async () => {
  moto = createMotoClients();
  simulation = simulateMissingPolicyTypes(moto.organizations);
  seeded = await seedSnapshot(moto, SNAPSHOT);
});

const adapter = (types: readonly PolicyType[]) =>
  new OrganizationsAdapter(moto.organizations, { cacheTtlMs: 0, policyTypes: () => types });
const id = (snapshotId: string) => seeded.ids.get(snapshotId);

describe('SIMULATED policy types (moto lacks backup, chatbot, declarative, Security Hub)', () => {
  it('[simulation] seeding enabled, created and attached them in the simulation; moto served the rest', () => {
    expect({
      enabled: simulation.served['EnablePolicyType'],
      created: simulation.served['CreatePolicy'],
      attached: simulation.served['AttachPolicy'],
    }).toStrictEqual({ enabled: 4, created: 8, attached: 4 });
  });

  it('[simulation] the root lists the simulated types as enabled, next to moto’s SCPs', async () => {
    const root = (await moto.organizations.send(new ListRootsCommand({}))).Roots?.[0];
    expect(
      (root?.PolicyTypes ?? [])
        .filter((t) => t.Status === 'ENABLED')
        .map((t) => t.Type)
        .sort(),
    ).toStrictEqual([...(SNAPSHOT.enabledPolicyTypes ?? [])].sort());
  });

  it.each(SIMULATED)(
    '[simulation] the adapter reads the $type policies and the account’s attachment',
    async ({ type, ids }) => {
      const structure = await adapter([type]).readAccountStructure(id(APP));
      expect({
        enabled: structure?.enabledPolicyTypes?.includes(type),
        policies: structure?.policies.filter((p) => p.type === type).map((p) => p.id),
        attachments: structure?.attachments.map((a) => a.policyId).sort(),
      }).toStrictEqual({
        enabled: true,
        policies: ids.map(id).sort(),
        attachments: ['p-FullAWSAccess', id(ids[0])].sort(),
      });
    },
  );

  it.each(SIMULATED)(
    '[simulation] attaches and detaches a $type policy, idempotently',
    async ({ type, ids }) => {
      const organizations = adapter([type]);
      const policyId = id(ids[1]);
      const account = id(APP);
      const attached = async () =>
        (await organizations.readAccountStructure(account))?.attachments
          .map((a) => a.policyId)
          .includes(policyId);
      const attach = await organizations.attachPolicy(policyId, account);
      const present = await attached();
      const again = await organizations.attachPolicy(policyId, account);
      const detach = await organizations.detachPolicy(policyId, account);
      const absent = !(await attached());
      const detachAgain = await organizations.detachPolicy(policyId, account);
      expect({ attach, present, again, detach, absent, detachAgain }).toStrictEqual({
        attach: 'changed',
        present: true,
        again: 'alreadyInState',
        detach: 'changed',
        absent: true,
        detachAgain: 'alreadyInState',
      });
    },
  );

  it('[simulation] the sharded reconcile reads every simulated type: ListPolicies per type, ListTargetsForPolicy per policy', async () => {
    const reads = new OrganizationReadsAdapter(moto.organizations);
    const types = SIMULATED.map((s) => s.type);
    const policies = await reads.listPolicies(['SERVICE_CONTROL_POLICY', ...types]);
    const simulated = policies.filter((p) => p.type !== undefined);
    const targets = await Promise.all(
      simulated.map(async (p) => [p.id, (await reads.listTargets(p.id)).items] as const),
    );
    expect({
      types: [...new Set(simulated.map((p) => p.type))].sort(),
      attachedToApp: targets
        .filter(([, items]) => items.includes(id(APP)))
        .map(([policyId]) => policyId)
        .sort(),
    }).toStrictEqual({
      types: [...types].sort(),
      attachedToApp: SIMULATED.map(({ ids }) => id(ids[0])).sort(),
    });
  });

  it('[simulation] a type past its slots: the 6th chatbot policy is refused (ConstraintViolationException)', async () => {
    const chatbot = SIMULATED.find((s) => s.type === 'CHATBOT_POLICY');
    const organizations = adapter(['CHATBOT_POLICY']);
    const extra = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const created = await moto.organizations.send(
          new CreatePolicyCommand({
            Name: `chatbot-extra-${n}`,
            Description: 'extra',
            Content: '{}',
            Type: 'CHATBOT_POLICY',
          }),
        );
        return created.Policy?.PolicySummary?.Id ?? '';
      }),
    );
    const account = id(OTHER);
    const outcomes = [];
    for (const policyId of [...extra, id(chatbot?.ids[0] ?? '')]) {
      outcomes.push(
        await organizations.attachPolicy(policyId, account).catch((e: { code?: string }) => e.code),
      );
    }
    expect(outcomes).toStrictEqual([
      'changed',
      'changed',
      'changed',
      'changed',
      'changed',
      'InvalidRequest',
    ]);
  });

  it('[simulation] a type that is not enabled: AttachPolicy is refused (PolicyTypeNotEnabledException)', async () => {
    const security = SIMULATED.find((s) => s.type === 'SECURITYHUB_POLICY');
    const rootId = (await moto.organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
    await moto.organizations.send(
      new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SECURITYHUB_POLICY' }),
    );
    const structure = await adapter(['SECURITYHUB_POLICY']).readAccountStructure(id(APP));
    await expect(
      adapter(['SECURITYHUB_POLICY']).attachPolicy(id(security?.ids[1] ?? ''), id(OTHER)),
    ).rejects.toMatchObject({
      code: 'InvalidRequest',
      cause: { name: 'PolicyTypeNotEnabledException' },
    });
    // Disabling a type detached its policies; the root no longer lists it.
    expect({
      enabled: structure?.enabledPolicyTypes?.includes('SECURITYHUB_POLICY'),
      attachments: structure?.attachments.map((a) => a.policyId),
    }).toStrictEqual({ enabled: false, attachments: ['p-FullAWSAccess'] });
  });
});
