/**
 * IdentityCenterAdapter and DirectoryAdapter against moto over HTTP, seeded from examples/org.yaml.
 */
import {
  createMotoClients,
  type MotoClients,
  type SeededSnapshot,
  seedSnapshot,
} from '@org/emulators';
import { DirectoryAdapter } from '../../src/identitystore';
import { IdentityCenterAdapter } from '../../src/sso-admin';
import { compareStrings } from '../../src/util';
import { exampleOrg } from '../support/examples';

jest.setTimeout(60_000);

let moto: MotoClients;
let seeded: SeededSnapshot;
let identityCenter: IdentityCenterAdapter;
let directory: DirectoryAdapter;

type Listed = Pick<
  SeededSnapshot['snapshot']['assignments'][number],
  'accountId' | 'permissionSetArn' | 'principalType' | 'principalId'
>;

/** The seeded assignments `which` selects, as the adapter lists them, sorted by `order`. */
function seededAssignments(
  which: (assignment: Listed) => boolean,
  order: readonly [keyof Listed, keyof Listed],
): Listed[] {
  return seeded.snapshot.assignments
    .filter(which)
    .map(({ accountId, permissionSetArn, principalType, principalId }) => ({
      accountId,
      permissionSetArn,
      principalType,
      principalId,
    }))
    .sort(
      (a, b) =>
        compareStrings(a[order[0]], b[order[0]]) || compareStrings(a[order[1]], b[order[1]]),
    );
}

beforeAll(async () => {
  moto = createMotoClients();
  seeded = await seedSnapshot(moto, exampleOrg());
  identityCenter = new IdentityCenterAdapter(moto.ssoAdmin);
  directory = new DirectoryAdapter(
    moto.identityStore,
    async () => (await identityCenter.describeInstance()).identityStoreId,
  );
});

const arnOf = (name: string): string =>
  seeded.snapshot.permissionSets.find((set) => set.name === name)?.arn ?? '';
const principal = (name: string) => {
  const found = seeded.snapshot.principals.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`principal ${name} was not seeded`);
  return found;
};

describe('IdentityCenterAdapter', () => {
  it('finds the instance and its identity store', async () => {
    expect(await identityCenter.describeInstance()).toStrictEqual({
      instanceArn: seeded.instanceArn,
      identityStoreId: seeded.identityStoreId,
    });
  });

  it('lists every permission set by name', async () => {
    expect(await identityCenter.listPermissionSets()).toStrictEqual(
      [...seeded.snapshot.permissionSets].sort((a, b) => compareStrings(a.name, b.name)),
    );
  });

  it('lists the assignments of an account', async () => {
    const accountId = seeded.snapshot.assignments[0]?.accountId ?? '';
    const expected = seededAssignments(
      (a) => a.accountId === accountId,
      ['permissionSetArn', 'principalId'],
    );
    const arns = seeded.snapshot.permissionSets.map((set) => set.arn);
    expect(await identityCenter.listAssignments(accountId, arns)).toStrictEqual(expected);
    expect(await identityCenter.listAssignments(accountId)).toStrictEqual(expected);
  });

  it('creates an assignment, reports its status, deletes it, and treats a second delete as done', async () => {
    const key = {
      accountId: seeded.ids.get('999988887777'),
      permissionSetArn: arnOf('AdministratorAccess'),
      principalType: 'GROUP' as const,
      principalId: principal('ProdOperators').id,
    };
    const created = await identityCenter.createAssignment(key);
    const creation = await identityCenter.getCreationStatus(created.requestId ?? '');
    const listed = await identityCenter.listAssignments(key.accountId, [key.permissionSetArn]);
    const deleted = await identityCenter.deleteAssignment(key);
    const deletion = await identityCenter.getDeletionStatus(deleted.requestId ?? '');
    const again = await identityCenter.deleteAssignment(key);
    expect({
      created: created.status,
      creation,
      listed,
      deleted: deleted.status,
      deletion,
      again,
    }).toStrictEqual({
      created: 'SUCCEEDED',
      creation: { requestId: created.requestId, status: 'SUCCEEDED' },
      listed: [key],
      deleted: 'SUCCEEDED',
      deletion: { requestId: deleted.requestId, status: 'SUCCEEDED' },
      again: { requestId: null, status: 'SUCCEEDED' },
    });
  });

  it('reads a principal’s assignments on every account in one paginated call', async () => {
    const [first] = seeded.snapshot.assignments;
    if (first === undefined) throw new Error('the example organization has no assignment');
    const expected = seededAssignments(
      (a) => a.principalType === first.principalType && a.principalId === first.principalId,
      ['accountId', 'permissionSetArn'],
    );
    expect(
      await identityCenter.listAssignmentsOfPrincipal(first.principalType, first.principalId),
    ).toStrictEqual(expected);
  });

  it('reports an unknown creation request as NotFound', async () => {
    await expect(
      identityCenter.getCreationStatus('00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({
      code: 'NotFound',
      context: { operation: 'DescribeAccountAssignmentCreationStatus' },
    });
  });
});

describe('DirectoryAdapter', () => {
  it.each(['Auditors', 'Developers', 'ProdOperators'])(
    'resolves group %s by display name',
    async (name) => {
      expect(await directory.findPrincipal('GROUP', name)).toStrictEqual(principal(name));
    },
  );

  it('resolves a user by user name and by id', async () => {
    const jdoe = principal('jdoe');
    expect([
      await directory.findPrincipal('USER', 'jdoe'),
      await directory.getPrincipal('USER', jdoe.id),
    ]).toStrictEqual([jdoe, jdoe]);
  });

  it('reports missing principals as null, not as errors', async () => {
    expect([
      await directory.findPrincipal('GROUP', 'BreakGlass'),
      await directory.findPrincipal('USER', 'nobody'),
      await directory.getPrincipal('GROUP', '00000000-0000-0000-0000-000000000000'),
    ]).toStrictEqual([null, null, null]);
  });
});
