import {
  AccessDeniedException,
  AccountNotFoundException,
  AttachPolicyCommand,
  ConcurrentModificationException,
  ConstraintViolationException,
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DetachPolicyCommand,
  DuplicatePolicyAttachmentException,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  PolicyNotAttachedException,
  PolicyNotFoundException,
  type PolicyTypeSummary,
  ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, httpError, sdkError } from '../../test/support/fast-retry';
import { settle, type Settled } from '../../test/support/settle';
import {
  AccessDeniedError,
  InvalidRequestError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
} from '../errors';
import { OrganizationsAdapter } from './organizations-adapter';

const orgMock = mockClient(OrganizationsClient);
const client = new OrganizationsClient({ region: 'us-east-1' });

/** The organization (management account 111111111111) and its root `r-ab12` with `root`'s fields. */
function mockOrganizationRoot(root: {
  readonly Name?: string;
  readonly PolicyTypes: PolicyTypeSummary[];
}): void {
  orgMock
    .on(DescribeOrganizationCommand)
    .resolves({ Organization: { MasterAccountId: '111111111111' } });
  orgMock.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-ab12', ...root }] });
}

function mockSmallOrg(): void {
  mockOrganizationRoot({
    Name: 'Root',
    PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
  });
  orgMock
    .on(ListPoliciesCommand, { Filter: 'SERVICE_CONTROL_POLICY' })
    .resolvesOnce({ Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess' }], NextToken: 't1' })
    .resolves({ Policies: [{ Id: 'p-aaaa1111', Name: 'DenyLeaveOrg' }] });
  orgMock
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-ab12' })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-11111111', Name: 'Workloads' }] });
  orgMock
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-11111111' })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-22222222', Name: 'Prod' }] });
  orgMock
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-22222222' })
    .resolves({ OrganizationalUnits: [] });
  orgMock.on(ListAccountsForParentCommand, { ParentId: 'r-ab12' }).resolves({
    Accounts: [{ Id: '111111111111', Name: 'mgmt', Email: 'm@example.com', State: 'ACTIVE' }],
  });
  orgMock
    .on(ListAccountsForParentCommand, { ParentId: 'ou-ab12-11111111' })
    .resolves({ Accounts: [] });
  orgMock
    .on(ListAccountsForParentCommand, { ParentId: 'ou-ab12-22222222' })
    .resolvesOnce({
      Accounts: [
        { Id: '333333333333', Name: 'app-old', Email: 'o@example.com', Status: 'SUSPENDED' },
      ],
      NextToken: 'page2',
    })
    .resolves({
      Accounts: [{ Id: '222222222222', Name: 'app-prod', Email: 'a@example.com', State: 'ACTIVE' }],
    });
  orgMock.on(ListTagsForResourceCommand).resolves({ Tags: [] });
  orgMock
    .on(ListTagsForResourceCommand, { ResourceId: '222222222222' })
    .resolves({ Tags: [{ Key: 'env', Value: 'prod' }] });
  orgMock.on(ListPoliciesForTargetCommand).resolves({ Policies: [] });
  orgMock
    .on(ListPoliciesForTargetCommand, { TargetId: '222222222222' })
    .resolves({ Policies: [{ Id: 'p-FullAWSAccess' }, { Id: 'p-aaaa1111' }] });
  orgMock
    .on(ListPoliciesForTargetCommand, { TargetId: 'ou-ab12-11111111' })
    .resolves({ Policies: [{ Id: 'p-FullAWSAccess' }] });
}

const SMALL_ORG_STRUCTURE = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
  organizationalUnits: [
    { id: 'ou-ab12-11111111', name: 'Workloads', parentId: 'r-ab12' },
    { id: 'ou-ab12-22222222', name: 'Prod', parentId: 'ou-ab12-11111111' },
  ],
  accounts: [
    {
      id: '111111111111',
      name: 'mgmt',
      email: 'm@example.com',
      parentId: 'r-ab12',
      status: 'ACTIVE',
      tags: {},
    },
    {
      id: '222222222222',
      name: 'app-prod',
      email: 'a@example.com',
      parentId: 'ou-ab12-22222222',
      status: 'ACTIVE',
      tags: { env: 'prod' },
    },
    {
      id: '333333333333',
      name: 'app-old',
      email: 'o@example.com',
      parentId: 'ou-ab12-22222222',
      status: 'SUSPENDED',
      tags: {},
    },
  ],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    { id: 'p-aaaa1111', name: 'DenyLeaveOrg' },
  ],
  attachments: [
    { targetId: '222222222222', policyId: 'p-FullAWSAccess' },
    { targetId: '222222222222', policyId: 'p-aaaa1111' },
    { targetId: 'ou-ab12-11111111', policyId: 'p-FullAWSAccess' },
  ],
};

beforeEach(() => orgMock.reset());

describe('OrganizationsAdapter.readSnapshotStructure', () => {
  it('reads roots, the nested OU tree, every page of accounts, tags, SCPs and attachments', async () => {
    mockSmallOrg();
    const structure = await new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
    }).readSnapshotStructure();
    expect(structure).toStrictEqual(SMALL_ORG_STRUCTURE);
  });

  it('makes O(accounts) calls: 2 per account, 3 per OU, 2 for the root, 4 fixed', async () => {
    mockSmallOrg();
    await new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY }).readSnapshotStructure();
    const calls = orgMock.calls().map((call) => call.args[0].constructor.name);
    const counts = Object.fromEntries(
      [...new Set(calls)].sort().map((name) => [name, calls.filter((c) => c === name).length]),
    );
    expect(counts).toStrictEqual({
      DescribeOrganizationCommand: 1,
      ListAccountsForParentCommand: 4,
      ListOrganizationalUnitsForParentCommand: 3,
      ListPoliciesCommand: 2,
      ListPoliciesForTargetCommand: 5,
      ListRootsCommand: 1,
      ListTagsForResourceCommand: 3,
    });
  });

  it('retries a throttled page from its own token and still returns everything', async () => {
    mockSmallOrg();
    const tokens: (string | undefined)[] = [];
    orgMock
      .on(ListAccountsForParentCommand, { ParentId: 'ou-ab12-22222222' })
      .callsFake(async (input: { NextToken?: string }) => {
        tokens.push(input.NextToken);
        if (input.NextToken === undefined) {
          return {
            Accounts: [
              { Id: '333333333333', Name: 'app-old', Email: 'o@example.com', Status: 'SUSPENDED' },
            ],
            NextToken: 'page2',
          };
        }
        if (tokens.length === 2) throw sdkError(TooManyRequestsException);
        return {
          Accounts: [
            { Id: '222222222222', Name: 'app-prod', Email: 'a@example.com', State: 'ACTIVE' },
          ],
        };
      });
    const structure = await new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
    }).readSnapshotStructure();
    expect(structure).toStrictEqual(SMALL_ORG_STRUCTURE);
    expect(tokens).toStrictEqual([undefined, 'page2', 'page2']);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    mockSmallOrg();
    let inFlight = 0;
    let maxInFlight = 0;
    orgMock.on(ListTagsForResourceCommand).callsFake(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { Tags: [] };
    });
    await new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
      concurrency: 2,
    }).readSnapshotStructure();
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it('throws ThrottledError when throttling outlives the retries', async () => {
    mockSmallOrg();
    orgMock.on(ListRootsCommand).rejects(sdkError(TooManyRequestsException));
    const read = new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
    }).readSnapshotStructure();
    await expect(read).rejects.toThrow(ThrottledError);
    expect(orgMock.commandCalls(ListRootsCommand)).toHaveLength(3);
  });
});

function mockAccount222(): void {
  mockOrganizationRoot({
    PolicyTypes: [
      { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
      { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
      { Type: 'TAG_POLICY', Status: 'PENDING_ENABLE' },
    ],
  });
  orgMock
    .on(ListPoliciesCommand)
    .resolves({ Policies: [{ Id: 'p-aaaa1111', Name: 'DenyLeaveOrg' }] });
  orgMock
    .on(ListPoliciesCommand, { Filter: 'RESOURCE_CONTROL_POLICY' })
    .resolves({ Policies: [{ Id: 'p-rcp00001', Name: 'Perimeter' }] });
  orgMock.on(DescribeAccountCommand, { AccountId: '222222222222' }).resolves({
    Account: { Id: '222222222222', Name: 'app-prod', Email: 'a@example.com', State: 'ACTIVE' },
  });
  orgMock
    .on(DescribeAccountCommand, { AccountId: '999999999999' })
    .rejects(sdkError(AccountNotFoundException));
  orgMock
    .on(ListParentsCommand, { ChildId: '222222222222' })
    .resolves({ Parents: [{ Id: 'ou-ab12-22222222', Type: 'ORGANIZATIONAL_UNIT' }] });
  orgMock
    .on(ListParentsCommand, { ChildId: 'ou-ab12-22222222' })
    .resolves({ Parents: [{ Id: 'ou-ab12-11111111', Type: 'ORGANIZATIONAL_UNIT' }] });
  orgMock
    .on(ListParentsCommand, { ChildId: 'ou-ab12-11111111' })
    .resolves({ Parents: [{ Id: 'r-ab12', Type: 'ROOT' }] });
  orgMock
    .on(DescribeOrganizationalUnitCommand, { OrganizationalUnitId: 'ou-ab12-22222222' })
    .resolves({ OrganizationalUnit: { Id: 'ou-ab12-22222222', Name: 'Prod' } });
  orgMock
    .on(DescribeOrganizationalUnitCommand, { OrganizationalUnitId: 'ou-ab12-11111111' })
    .resolves({ OrganizationalUnit: { Id: 'ou-ab12-11111111', Name: 'Workloads' } });
  orgMock.on(ListTagsForResourceCommand).resolves({ Tags: [{ Key: 'env', Value: 'prod' }] });
  orgMock.on(ListPoliciesForTargetCommand).resolves({ Policies: [{ Id: 'p-aaaa1111' }] });
}

const ACCOUNT_222 = {
  id: '222222222222',
  name: 'app-prod',
  email: 'a@example.com',
  status: 'ACTIVE',
  parentId: 'ou-ab12-22222222',
  tags: { env: 'prod' },
};

describe('OrganizationsAdapter.readAccount', () => {
  it('re-reads name, status, parent and tags', async () => {
    mockAccount222();
    const account = await new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY }).readAccount(
      '222222222222',
    );
    expect(account).toStrictEqual(ACCOUNT_222);
  });

  it('returns null for an account that is not in the organization', async () => {
    mockAccount222();
    const account = await new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY }).readAccount(
      '999999999999',
    );
    expect(account).toBeNull();
  });

  it('translates AccessDeniedException into AccessDeniedError with the account id', async () => {
    orgMock.on(DescribeAccountCommand).rejects(sdkError(AccessDeniedException, 403));
    const read = new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY }).readAccount(
      '222222222222',
    );
    await expect(read).rejects.toMatchObject({
      name: 'AccessDeniedError',
      code: 'AccessDenied',
      retryable: false,
      context: { operation: 'DescribeAccount', accountId: '222222222222' },
    });
  });
});

describe('OrganizationsAdapter.readAccountStructure', () => {
  it('returns the account, its OU path to the root, every SCP and its direct attachments', async () => {
    mockAccount222();
    const structure = await new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
    }).readAccountStructure('222222222222');
    expect(structure).toStrictEqual({
      managementAccountId: '111111111111',
      rootId: 'r-ab12',
      enabledPolicyTypes: ['RESOURCE_CONTROL_POLICY', 'SERVICE_CONTROL_POLICY'],
      organizationalUnits: [
        { id: 'ou-ab12-22222222', name: 'Prod', parentId: 'ou-ab12-11111111' },
        { id: 'ou-ab12-11111111', name: 'Workloads', parentId: 'r-ab12' },
      ],
      accounts: [ACCOUNT_222],
      policies: [{ id: 'p-aaaa1111', name: 'DenyLeaveOrg' }],
      attachments: [{ targetId: '222222222222', policyId: 'p-aaaa1111' }],
    });
    // No rule uses another type: only SCPs are read.
    expect(
      orgMock.commandCalls(ListPoliciesForTargetCommand).map((c) => c.args[0].input.Filter),
    ).toStrictEqual(['SERVICE_CONTROL_POLICY']);
  });

  it('reads the policy types the rules use that are enabled on the root, and no other', async () => {
    mockAccount222();
    orgMock
      .on(ListPoliciesForTargetCommand, {
        TargetId: '222222222222',
        Filter: 'RESOURCE_CONTROL_POLICY',
      })
      .resolves({ Policies: [{ Id: 'p-rcp00001' }] });
    const structure = await new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
      policyTypes: () => ['RESOURCE_CONTROL_POLICY', 'TAG_POLICY'],
    }).readAccountStructure('222222222222');
    expect([structure?.policies, structure?.attachments]).toStrictEqual([
      [
        { id: 'p-aaaa1111', name: 'DenyLeaveOrg' },
        { id: 'p-rcp00001', name: 'Perimeter', type: 'RESOURCE_CONTROL_POLICY' },
      ],
      [
        { targetId: '222222222222', policyId: 'p-aaaa1111' },
        { targetId: '222222222222', policyId: 'p-rcp00001' },
      ],
    ]);
    // TAG_POLICY is only being enabled (PENDING_ENABLE): not read.
    expect(
      orgMock
        .commandCalls(ListPoliciesForTargetCommand)
        .map((c) => c.args[0].input.Filter)
        .sort(),
    ).toStrictEqual(['RESOURCE_CONTROL_POLICY', 'SERVICE_CONTROL_POLICY']);
  });

  it.each([
    { policyTypes: [], reads: [] },
    { policyTypes: ['RESOURCE_CONTROL_POLICY'], reads: ['RESOURCE_CONTROL_POLICY'] },
  ] as const)(
    'reads exactly the given types $policyTypes (SCPs only when given)',
    async ({ policyTypes, reads }) => {
      mockAccount222();
      const structure = await new OrganizationsAdapter(client, {
        retryPolicy: FAST_RETRY,
        policyTypes: () => ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
      }).readAccountStructure('222222222222', policyTypes);
      expect({
        accounts: structure?.accounts,
        filters: [
          orgMock.commandCalls(ListPoliciesCommand).map((c) => c.args[0].input.Filter),
          orgMock.commandCalls(ListPoliciesForTargetCommand).map((c) => c.args[0].input.Filter),
        ],
      }).toStrictEqual({ accounts: [ACCOUNT_222], filters: [reads, reads] });
    },
  );

  it('returns null for an unknown account', async () => {
    mockAccount222();
    const adapter = new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY });
    expect(await adapter.readAccountStructure('999999999999')).toBeNull();
  });

  it('caches the SCP list and the management account id until the TTL passes', async () => {
    mockAccount222();
    let now = 0;
    const adapter = new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
      cacheTtlMs: 1_000,
      now: () => now,
    });
    await adapter.readAccountStructure('222222222222');
    now = 999;
    await adapter.readAccountStructure('222222222222');
    expect(orgMock.commandCalls(ListPoliciesCommand)).toHaveLength(1);
    expect(orgMock.commandCalls(DescribeOrganizationCommand)).toHaveLength(1);
    now = 1_000;
    await adapter.readAccountStructure('222222222222');
    expect(orgMock.commandCalls(ListPoliciesCommand)).toHaveLength(2);
    expect(orgMock.commandCalls(DescribeOrganizationCommand)).toHaveLength(2);
  });

  it('caches OU names and parents between single-account reads', async () => {
    mockAccount222();
    const adapter = new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY });
    await adapter.readAccountStructure('222222222222');
    await adapter.readAccountStructure('222222222222');
    expect({
      describeOu: orgMock.commandCalls(DescribeOrganizationalUnitCommand).length,
      listParents: orgMock.commandCalls(ListParentsCommand).length,
    }).toStrictEqual({ describeOu: 2, listParents: 4 });
  });

  it('without OU names reads one ListParents per OU, names OUs by id and caches them for ouCacheTtlMs', async () => {
    mockAccount222();
    let now = 0;
    const adapter = new OrganizationsAdapter(client, {
      retryPolicy: FAST_RETRY,
      cacheTtlMs: 1_000,
      ouCacheTtlMs: 3_600_000,
      ouNames: false,
      now: () => now,
    });
    const structure = await adapter.readAccountStructure('222222222222');
    now = 3_599_999;
    await adapter.readAccountStructure('222222222222');
    expect({
      ous: structure?.organizationalUnits,
      describeOu: orgMock.commandCalls(DescribeOrganizationalUnitCommand).length,
      // The account's parent on each read, each OU's once.
      listParents: orgMock.commandCalls(ListParentsCommand).length,
    }).toStrictEqual({
      ous: [
        { id: 'ou-ab12-22222222', name: 'ou-ab12-22222222', parentId: 'ou-ab12-11111111' },
        { id: 'ou-ab12-11111111', name: 'ou-ab12-11111111', parentId: 'r-ab12' },
      ],
      describeOu: 0,
      listParents: 4,
    });
  });

  it('does not cache a failed SCP list', async () => {
    mockAccount222();
    orgMock
      .on(ListPoliciesCommand)
      .rejectsOnce(sdkError(AccessDeniedException, 403))
      .resolves({ Policies: [] });
    const adapter = new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY });
    await expect(adapter.readAccountStructure('222222222222')).rejects.toThrow(AccessDeniedError);
    expect((await adapter.readAccountStructure('222222222222'))?.policies).toStrictEqual([]);
  });
});

type Method = 'attachPolicy' | 'detachPolicy';
const COMMAND = { attachPolicy: AttachPolicyCommand, detachPolicy: DetachPolicyCommand };

/**
 * How a call of the table below must settle: with `changed` or `alreadyInState`, or with an
 * error of that name (an error class: of its name, with the call's context).
 */
function expectedOutcome(
  method: Method,
  expected: string | (new (...args: never[]) => Error),
): Settled {
  if (expected === 'changed' || expected === 'alreadyInState') return { value: expected };
  if (typeof expected === 'string') return { error: expect.objectContaining({ name: expected }) };
  const context = {
    operation: method === 'attachPolicy' ? 'AttachPolicy' : 'DetachPolicy',
    policyId: 'p-aaaa1111',
    targetId: '222222222222',
  };
  return { error: expect.objectContaining({ name: expected.name, context }) };
}

describe.each<
  [Method, string, readonly unknown[], string | (new (...args: never[]) => Error), number]
>([
  ['attachPolicy', 'success', [{}], 'changed', 1],
  [
    'attachPolicy',
    'DuplicatePolicyAttachment = already attached',
    [sdkError(DuplicatePolicyAttachmentException)],
    'alreadyInState',
    1,
  ],
  [
    'attachPolicy',
    'TooManyRequests then success',
    [sdkError(TooManyRequestsException), {}],
    'changed',
    2,
  ],
  [
    'attachPolicy',
    'ConcurrentModification then success',
    [sdkError(ConcurrentModificationException), {}],
    'changed',
    2,
  ],
  [
    'attachPolicy',
    'ServiceException (500) then success',
    [sdkError(ServiceException, 500), {}],
    'changed',
    2,
  ],
  [
    'attachPolicy',
    'throttled on every attempt',
    [
      sdkError(TooManyRequestsException),
      sdkError(TooManyRequestsException),
      sdkError(TooManyRequestsException),
    ],
    ThrottledError,
    3,
  ],
  [
    'attachPolicy',
    'raw 503 on every attempt',
    [
      httpError('ServiceUnavailable', 503),
      httpError('ServiceUnavailable', 503),
      httpError('ServiceUnavailable', 503),
    ],
    TransientError,
    3,
  ],
  [
    'attachPolicy',
    'ConstraintViolation (SCP limit)',
    [sdkError(ConstraintViolationException)],
    InvalidRequestError,
    1,
  ],
  ['attachPolicy', 'PolicyNotFound', [sdkError(PolicyNotFoundException)], ResourceNotFoundError, 1],
  ['attachPolicy', 'AccessDenied', [sdkError(AccessDeniedException, 403)], AccessDeniedError, 1],
  ['detachPolicy', 'success', [{}], 'changed', 1],
  [
    'detachPolicy',
    'PolicyNotAttached = already detached',
    [sdkError(PolicyNotAttachedException)],
    'alreadyInState',
    1,
  ],
  [
    'detachPolicy',
    'DuplicatePolicyAttachment is not success for a detach',
    [sdkError(DuplicatePolicyAttachmentException)],
    InvalidRequestError,
    1,
  ],
  [
    'detachPolicy',
    'ConcurrentModification then success',
    [sdkError(ConcurrentModificationException), {}],
    'changed',
    2,
  ],
])('OrganizationsAdapter.%s: %s', (method, _case, responses, expected, calls) => {
  it(`ends with ${typeof expected === 'string' ? expected : expected.name} after ${calls} call(s)`, async () => {
    const stub = orgMock.on(COMMAND[method], { PolicyId: 'p-aaaa1111', TargetId: '222222222222' });
    for (const response of responses) {
      if (response instanceof Error) stub.rejectsOnce(response);
      else stub.resolvesOnce({});
    }
    const adapter = new OrganizationsAdapter(client, { retryPolicy: FAST_RETRY });
    const outcome = await settle(adapter[method]('p-aaaa1111', '222222222222'));
    expect(outcome).toStrictEqual(expectedOutcome(method, expected));
    expect(orgMock.commandCalls(COMMAND[method])).toHaveLength(calls);
  });
});
