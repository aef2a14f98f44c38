/**
 * OrganizationsAdapter against moto over HTTP: a 220-account organization in 24 nested OUs.
 */
import { ListPoliciesForTargetCommand } from '@aws-sdk/client-organizations';
import {
  createMotoClients,
  generateOrgSnapshot,
  type MotoClients,
  type SeededSnapshot,
  seedSnapshot,
} from '@org/emulators';
import { OrganizationsAdapter } from '../../src/organizations';
import { ApiCallCounter } from '../../src/util';
import { expectedStructure } from '../support/expected-structure';

jest.setTimeout(120_000);

let moto: MotoClients;
let seeded: SeededSnapshot;
let counter: ApiCallCounter;
let adapter: OrganizationsAdapter;

beforeAll(async () => {
  moto = createMotoClients();
  seeded = await seedSnapshot(
    moto,
    generateOrgSnapshot({ accounts: 220, organizationalUnits: 24 }),
  );
  counter = new ApiCallCounter().instrument(moto.organizations);
  adapter = new OrganizationsAdapter(moto.organizations, { concurrency: 8 });
});

beforeEach(() => counter.reset());

const seededAccount = (sourceId: string) => {
  const id = seeded.ids.get(sourceId);
  const account = seeded.snapshot.accounts.find((candidate) => candidate.id === id);
  if (!account) throw new Error(`account ${sourceId} was not seeded`);
  return account;
};

describe('readSnapshotStructure', () => {
  it('returns exactly the seeded organization (≥ 200 accounts, ≥ 20 nested OUs)', async () => {
    const structure = await adapter.readSnapshotStructure();
    expect(structure).toStrictEqual(expectedStructure(seeded.snapshot));
    const depth = (ouId: string): number => {
      const ou = structure.organizationalUnits.find((candidate) => candidate.id === ouId);
      return ou ? 1 + depth(ou.parentId) : 0;
    };
    expect({
      accounts: structure.accounts.length,
      ous: structure.organizationalUnits.length,
      maxDepth: Math.max(...structure.organizationalUnits.map((ou) => depth(ou.id))),
      nestedOus: structure.organizationalUnits.filter((ou) => ou.parentId !== structure.rootId)
        .length,
      suspended: structure.accounts.filter((a) => a.status === 'SUSPENDED').length,
    }).toStrictEqual({ accounts: 221, ous: 24, maxDepth: 5, nestedOus: 20, suspended: 5 });
  });

  it('makes about 2 API calls per account', async () => {
    await adapter.readSnapshotStructure();
    const accounts = seeded.snapshot.accounts.length;
    const ous = seeded.snapshot.organizationalUnits.length;
    expect(counter.byCommand.get('ListTagsForResourceCommand')).toBe(accounts);
    expect(counter.byCommand.get('ListPoliciesForTargetCommand')).toBe(accounts + ous);
    expect(counter.total() / accounts).toBeLessThan(2.5);
  });
});

describe('readAccount / readAccountStructure', () => {
  it('re-reads a nested, tagged account', async () => {
    expect(await adapter.readAccount(seeded.ids.get('200000000013'))).toStrictEqual(
      seededAccount('200000000013'),
    );
  });

  it('returns null for an account that is not in the organization', async () => {
    expect(await adapter.readAccount('999999999999')).toBeNull();
  });

  it('returns the account with its OU path to the root and direct SCPs', async () => {
    const account = seededAccount('200000000021');
    const structure = await adapter.readAccountStructure(account.id);
    const ancestors: string[] = [];
    for (let parent = account.parentId; parent !== seeded.snapshot.rootId;) {
      ancestors.push(parent);
      parent =
        seeded.snapshot.organizationalUnits.find((ou) => ou.id === parent)?.parentId ??
        seeded.snapshot.rootId;
    }
    expect(structure).toStrictEqual({
      managementAccountId: seeded.snapshot.managementAccountId,
      rootId: seeded.snapshot.rootId,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      organizationalUnits: ancestors.map((id) =>
        seeded.snapshot.organizationalUnits.find((ou) => ou.id === id),
      ),
      accounts: [account],
      policies: expectedStructure(seeded.snapshot).policies,
      attachments: expectedStructure(seeded.snapshot).attachments.filter(
        (a) => a.targetId === account.id,
      ),
    });
  });
});

describe('attachPolicy / detachPolicy', () => {
  const directPolicies = async (targetId: string): Promise<string[]> => {
    const page = await moto.organizations.send(
      new ListPoliciesForTargetCommand({ TargetId: targetId, Filter: 'SERVICE_CONTROL_POLICY' }),
    );
    return (page.Policies ?? []).map((policy) => policy.Id ?? '').sort();
  };

  it('attaches and detaches an SCP, idempotently', async () => {
    const accountId = seeded.ids.get('200000000001');
    const policyId = seeded.ids.get('p-gen00004');
    const before = await directPolicies(accountId);
    const outcomes = [
      await adapter.attachPolicy(policyId, accountId),
      await adapter.attachPolicy(policyId, accountId),
    ];
    const attached = await directPolicies(accountId);
    await adapter.detachPolicy(policyId, accountId);
    await adapter.detachPolicy(policyId, accountId);
    expect({ outcomes, attached, after: await directPolicies(accountId) }).toStrictEqual({
      outcomes: ['changed', 'changed'],
      attached: [...before, policyId].sort(),
      after: before,
    });
  });

  it('reports an unknown policy as NotFound with its context', async () => {
    const accountId = seeded.ids.get('200000000001');
    await expect(adapter.attachPolicy('p-doesnotexist', accountId)).rejects.toMatchObject({
      code: 'NotFound',
      retryable: false,
      context: { operation: 'AttachPolicy', policyId: 'p-doesnotexist', targetId: accountId },
    });
  });
});
