/**
 * Cross-check: the snapshot the adapters read from the emulators, fed to the engine with a
 * governance config, gives the same reconcile plan as the equivalent org.yaml.
 */
import { type GovernanceConfig, type OrgSnapshot, planReconcile } from '@org/scope-engine';
import {
  readAccountSnapshot,
  readFullSnapshot,
  type SnapshotReaders,
} from '@org/governance-runtime';
import {
  createMotoClients,
  generateOrgSnapshot,
  type SeededSnapshot,
  seedSnapshot,
  translateConfig,
} from '@org/emulators';
import { exampleGovernance, exampleOrg } from '../support/examples';
import { liveReaders } from '../support/live-readers';

jest.setTimeout(180_000);

interface Scenario {
  readonly seeded: SeededSnapshot;
  readonly config: GovernanceConfig;
  readonly readers: SnapshotReaders;
}

async function scenario(snapshot: OrgSnapshot, config: GovernanceConfig): Promise<Scenario> {
  const moto = createMotoClients();
  const seeded = await seedSnapshot(moto, snapshot);
  return {
    seeded,
    config: translateConfig(config, seeded.ids),
    readers: await liveReaders(moto, seeded.snapshot),
  };
}

const GENERATED_CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 5, includeManagementAccount: false },
  scpRules: [
    {
      id: 'baseline',
      policies: ['Guardrail1'],
      scope: { type: 'root' },
      exclude: { accounts: [], ous: ['ou-gen0-00000003'] },
    },
    {
      id: 'chain-0',
      policies: ['p-gen00002', 'Guardrail3'],
      scope: { type: 'ou', id: 'ou-gen0-00000000', includeDescendants: true },
      exclude: { accounts: [], ous: [] },
    },
    {
      id: 'prod',
      policies: ['Guardrail4'],
      scope: { type: 'accountTag', key: 'env', value: 'prod' },
      exclude: { accounts: ['200000000003'], ous: [] },
    },
    {
      id: 'missing',
      policies: ['DoesNotExist'],
      scope: { type: 'accountTag', key: 'team', value: 'data' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  assignmentRules: [
    {
      id: 'auditors',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'accountTag', key: 'env' },
      exclude: { accounts: [], ous: [] },
    },
    {
      id: 'admins',
      permissionSet: 'AdministratorAccess',
      principal: { type: 'GROUP', name: 'Admins' },
      scope: { type: 'ou', id: 'ou-gen0-00000001', includeDescendants: true },
      exclude: { accounts: [], ous: [] },
    },
    {
      id: 'ghost',
      permissionSet: 'ReadOnly',
      principal: { type: 'USER', name: 'ghost' },
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  notifications: [],
};

describe.each([
  [
    'examples/org.yaml + examples/governance.yaml',
    () => scenario(exampleOrg(), exampleGovernance()),
  ],
  [
    'a generated 220-account organization',
    () =>
      scenario(generateOrgSnapshot({ accounts: 220, organizationalUnits: 24 }), GENERATED_CONFIG),
  ],
])('%s', (_name, build) => {
  let current: Scenario;

  beforeAll(async () => {
    current = await build();
  });

  it('plans the same reconcile from the live read as from the snapshot file', async () => {
    const { snapshot } = await readFullSnapshot(current.config, current.readers);
    const live = planReconcile(snapshot, current.config);
    const fromFile = planReconcile(current.seeded.snapshot, current.config);
    expect(live).toStrictEqual(fromFile);
    expect(live.operations.length).toBeGreaterThan(0);
    expect(live.skipped.length).toBeGreaterThan(0);
  });

  it('plans each account the same from a single-account read', async () => {
    const fromFile = planReconcile(current.seeded.snapshot, current.config);
    const accountIds = current.seeded.snapshot.accounts.map((account) => account.id).slice(0, 12);
    for (const accountId of accountIds) {
      const snapshot = await readAccountSnapshot(accountId, current.config, current.readers);
      if (snapshot === null) throw new Error(`account ${accountId} was not read back`);
      const plan = planReconcile(snapshot, current.config);
      expect({
        accountId,
        operations: plan.operations.filter((op) => op.accountId === accountId),
        skipped: plan.skipped.filter((skip) => skip.accountId === accountId),
      }).toStrictEqual({
        accountId,
        operations: fromFile.operations.filter((op) => op.accountId === accountId),
        skipped: fromFile.skipped.filter((skip) => skip.accountId === accountId),
      });
    }
  });
});
