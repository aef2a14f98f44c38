import {
  type AccountAssignment,
  AccessDeniedException,
  ConflictException,
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  InternalServerException,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ResourceNotFoundException,
  SSOAdminClient,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, sdkError } from '../../test/support/fast-retry';
import { settle, type Settled } from '../../test/support/settle';
import { IdentityCenterAdapter } from './identity-center-adapter';

const ssoMock = mockClient(SSOAdminClient);
const client = new SSOAdminClient({ region: 'us-east-1' });
const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111111111111111';
const PS_READ = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
const PS_ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222';
const KEY = {
  accountId: '222222222222',
  permissionSetArn: PS_READ,
  principalType: 'GROUP',
  principalId: 'g-1',
} as const;

function adapter(): IdentityCenterAdapter {
  return new IdentityCenterAdapter(client, { retryPolicy: FAST_RETRY });
}

beforeEach(() => {
  ssoMock.reset();
  ssoMock.on(ListInstancesCommand).resolves({
    Instances: [{ InstanceArn: INSTANCE_ARN, IdentityStoreId: 'd-1234567890' }],
  });
});

describe('IdentityCenterAdapter.describeInstance', () => {
  it('looks the instance up once and caches it', async () => {
    const identityCenter = adapter();
    const first = await identityCenter.describeInstance();
    const second = await identityCenter.describeInstance();
    expect([first, second]).toStrictEqual([
      { instanceArn: INSTANCE_ARN, identityStoreId: 'd-1234567890' },
      { instanceArn: INSTANCE_ARN, identityStoreId: 'd-1234567890' },
    ]);
    expect(ssoMock.commandCalls(ListInstancesCommand)).toHaveLength(1);
  });

  it('uses a preset instance without calling ListInstances', async () => {
    const preset = { instanceArn: 'arn:aws:sso:::instance/ssoins-x', identityStoreId: 'd-x' };
    const identityCenter = new IdentityCenterAdapter(client, { instance: preset });
    expect(await identityCenter.describeInstance()).toStrictEqual(preset);
    expect(ssoMock.commandCalls(ListInstancesCommand)).toHaveLength(0);
  });

  it('reports a missing instance as NotFound', async () => {
    ssoMock.on(ListInstancesCommand).resolves({ Instances: [] });
    await expect(adapter().describeInstance()).rejects.toMatchObject({
      code: 'NotFound',
      message: 'No IAM Identity Center instance is enabled',
    });
  });
});

describe('IdentityCenterAdapter.listPermissionSets', () => {
  beforeEach(() => {
    ssoMock
      .on(ListPermissionSetsCommand)
      .callsFake(async (input: { NextToken?: string }) =>
        input.NextToken === undefined
          ? { PermissionSets: [PS_READ], NextToken: 'n' }
          : { PermissionSets: [PS_ADMIN] },
      );
    ssoMock
      .on(DescribePermissionSetCommand, { PermissionSetArn: PS_READ })
      .resolves({ PermissionSet: { Name: 'ReadOnly', PermissionSetArn: PS_READ } });
    ssoMock
      .on(DescribePermissionSetCommand, { PermissionSetArn: PS_ADMIN })
      .resolves({ PermissionSet: { Name: 'AdministratorAccess', PermissionSetArn: PS_ADMIN } });
  });

  it('lists every page, names each set, sorts by name', async () => {
    expect(await adapter().listPermissionSets()).toStrictEqual([
      { name: 'AdministratorAccess', arn: PS_ADMIN },
      { name: 'ReadOnly', arn: PS_READ },
    ]);
  });

  it('caches the list until the TTL passes and finds sets by name', async () => {
    let now = 0;
    const identityCenter = new IdentityCenterAdapter(client, {
      retryPolicy: FAST_RETRY,
      cacheTtlMs: 100,
      now: () => now,
    });
    expect(await identityCenter.findPermissionSet('ReadOnly')).toStrictEqual({
      name: 'ReadOnly',
      arn: PS_READ,
    });
    expect(await identityCenter.findPermissionSet('Missing')).toBeNull();
    expect(ssoMock.commandCalls(DescribePermissionSetCommand)).toHaveLength(2);
    now = 100;
    await identityCenter.listPermissionSets();
    expect(ssoMock.commandCalls(DescribePermissionSetCommand)).toHaveLength(4);
  });

  it('retries a throttled DescribePermissionSet', async () => {
    ssoMock
      .on(DescribePermissionSetCommand, { PermissionSetArn: PS_ADMIN })
      .rejectsOnce(sdkError(ThrottlingException))
      .resolves({ PermissionSet: { Name: 'AdministratorAccess' } });
    expect((await adapter().listPermissionSets()).map((set) => set.name)).toStrictEqual([
      'AdministratorAccess',
      'ReadOnly',
    ]);
  });
});

type Kind = 'createAssignment' | 'deleteAssignment';
const CHANGE = {
  createAssignment: CreateAccountAssignmentCommand,
  deleteAssignment: DeleteAccountAssignmentCommand,
};
const STATUS_FIELD = {
  createAssignment: 'AccountAssignmentCreationStatus',
  deleteAssignment: 'AccountAssignmentDeletionStatus',
} as const;
const EXISTING: { AccountAssignments: AccountAssignment[] } = {
  AccountAssignments: [
    {
      AccountId: '222222222222',
      PermissionSetArn: PS_READ,
      PrincipalType: 'GROUP',
      PrincipalId: 'g-1',
    },
  ],
};

/** How a call of the table below must settle: an error with these properties (it has a `code`), or this value. */
function expectedOutcome(expected: unknown): Settled {
  return typeof expected === 'object' && expected !== null && 'code' in expected
    ? { error: expect.objectContaining(expected) }
    : { value: expected };
}

describe.each<
  [
    Kind,
    string,
    readonly unknown[],
    { AccountAssignments: AccountAssignment[] } | null,
    unknown,
    number,
  ]
>([
  [
    'createAssignment',
    'in progress',
    [{ RequestId: 'req-1', Status: 'IN_PROGRESS' }],
    null,
    { requestId: 'req-1', status: 'IN_PROGRESS' },
    1,
  ],
  [
    'createAssignment',
    'FAILED at once keeps the reason',
    [{ RequestId: 'req-1', Status: 'FAILED', FailureReason: 'Principal gone' }],
    null,
    { requestId: 'req-1', status: 'FAILED', failureReason: 'Principal gone' },
    1,
  ],
  [
    'createAssignment',
    'throttled then in progress',
    [sdkError(ThrottlingException), { RequestId: 'req-2', Status: 'IN_PROGRESS' }],
    null,
    { requestId: 'req-2', status: 'IN_PROGRESS' },
    2,
  ],
  [
    'createAssignment',
    'internal error then succeeded',
    [sdkError(InternalServerException, 500), { RequestId: 'req-3', Status: 'SUCCEEDED' }],
    null,
    { requestId: 'req-3', status: 'SUCCEEDED' },
    2,
  ],
  [
    'createAssignment',
    'Conflict on an existing assignment = success',
    [sdkError(ConflictException)],
    EXISTING,
    { requestId: null, status: 'SUCCEEDED' },
    1,
  ],
  [
    'createAssignment',
    'Conflict while absent = retry later',
    [sdkError(ConflictException)],
    { AccountAssignments: [] },
    { code: 'Throttled', retryable: true },
    1,
  ],
  [
    'createAssignment',
    'throttled on every attempt',
    [sdkError(ThrottlingException), sdkError(ThrottlingException), sdkError(ThrottlingException)],
    null,
    { code: 'Throttled', retryable: true },
    3,
  ],
  [
    'createAssignment',
    'ResourceNotFound (permission set) is an error',
    [sdkError(ResourceNotFoundException)],
    null,
    { code: 'NotFound', retryable: false },
    1,
  ],
  [
    'createAssignment',
    'Validation is an error',
    [sdkError(ValidationException)],
    null,
    { code: 'InvalidRequest', retryable: false },
    1,
  ],
  [
    'createAssignment',
    'AccessDenied is an error',
    [sdkError(AccessDeniedException, 403)],
    null,
    { code: 'AccessDenied', retryable: false },
    1,
  ],
  [
    'deleteAssignment',
    'in progress',
    [{ RequestId: 'del-1', Status: 'IN_PROGRESS' }],
    null,
    { requestId: 'del-1', status: 'IN_PROGRESS' },
    1,
  ],
  [
    'deleteAssignment',
    'ResourceNotFound = already deleted',
    [sdkError(ResourceNotFoundException)],
    null,
    { requestId: null, status: 'SUCCEEDED' },
    1,
  ],
  [
    'deleteAssignment',
    'Conflict while absent = success',
    [sdkError(ConflictException)],
    { AccountAssignments: [] },
    { requestId: null, status: 'SUCCEEDED' },
    1,
  ],
  [
    'deleteAssignment',
    'Conflict while present = retry later',
    [sdkError(ConflictException)],
    EXISTING,
    { code: 'Throttled', retryable: true },
    1,
  ],
])('IdentityCenterAdapter.%s: %s', (kind, _case, responses, listed, expected, calls) => {
  it('returns or throws the expected outcome', async () => {
    const stub = ssoMock.on(CHANGE[kind], {
      InstanceArn: INSTANCE_ARN,
      TargetId: '222222222222',
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: PS_READ,
      PrincipalType: 'GROUP',
      PrincipalId: 'g-1',
    });
    for (const response of responses) {
      if (response instanceof Error) stub.rejectsOnce(response);
      else stub.resolvesOnce({ [STATUS_FIELD[kind]]: response });
    }
    if (listed) ssoMock.on(ListAccountAssignmentsCommand).resolves(listed);
    const outcome = await settle(adapter()[kind](KEY));
    expect(outcome).toStrictEqual(expectedOutcome(expected));
    expect(ssoMock.commandCalls(CHANGE[kind])).toHaveLength(calls);
  });
});

type StatusMethod = 'getCreationStatus' | 'getDeletionStatus';
const STATUS_STUBS: Record<StatusMethod, { stub: (output: object) => void; sent: () => number }> = {
  getCreationStatus: {
    stub: (status) =>
      ssoMock
        .on(DescribeAccountAssignmentCreationStatusCommand, { InstanceArn: INSTANCE_ARN })
        .resolves({ AccountAssignmentCreationStatus: status }),
    sent: () => ssoMock.commandCalls(DescribeAccountAssignmentCreationStatusCommand).length,
  },
  getDeletionStatus: {
    stub: (status) =>
      ssoMock
        .on(DescribeAccountAssignmentDeletionStatusCommand, { InstanceArn: INSTANCE_ARN })
        .resolves({ AccountAssignmentDeletionStatus: status }),
    sent: () => ssoMock.commandCalls(DescribeAccountAssignmentDeletionStatusCommand).length,
  },
};

describe.each<StatusMethod>(['getCreationStatus', 'getDeletionStatus'])(
  'IdentityCenterAdapter.%s',
  (method) => {
    const { stub, sent } = STATUS_STUBS[method];

    it.each([
      [
        { RequestId: 'r', Status: 'IN_PROGRESS' },
        { requestId: 'r', status: 'IN_PROGRESS' },
      ],
      [
        { RequestId: 'r', Status: 'SUCCEEDED' },
        { requestId: 'r', status: 'SUCCEEDED' },
      ],
      [
        { RequestId: 'r', Status: 'FAILED', FailureReason: 'quota' },
        { requestId: 'r', status: 'FAILED', failureReason: 'quota' },
      ],
      [
        { RequestId: 'r', Status: 'FAILED' },
        { requestId: 'r', status: 'FAILED', failureReason: 'unknown' },
      ],
    ])('maps %j to %j', async (status, expected) => {
      stub(status);
      expect(await adapter()[method]('r')).toStrictEqual(expected);
    });

    it('reports a response without status as UnexpectedResponse', async () => {
      stub({ RequestId: 'r' });
      await expect(adapter()[method]('r')).rejects.toMatchObject({ code: 'UnexpectedResponse' });
    });

    it('retries throttling, then reports a ThrottledError with the request id', async () => {
      ssoMock.onAnyCommand().rejects(sdkError(ThrottlingException));
      const identityCenter = new IdentityCenterAdapter(client, {
        retryPolicy: FAST_RETRY,
        instance: { instanceArn: INSTANCE_ARN, identityStoreId: 'd-1' },
      });
      await expect(identityCenter[method]('r')).rejects.toMatchObject({
        code: 'Throttled',
        context: { requestId: 'r' },
      });
      expect(sent()).toBe(3);
    });
  },
);

describe('IdentityCenterAdapter.listAssignments', () => {
  const assignment = (arn: string, type: 'USER' | 'GROUP', id: string) => ({
    AccountId: '222222222222',
    PermissionSetArn: arn,
    PrincipalType: type,
    PrincipalId: id,
  });

  it('lists the given permission sets, every page, sorted', async () => {
    ssoMock
      .on(ListAccountAssignmentsCommand, { PermissionSetArn: PS_READ })
      .resolvesOnce({ AccountAssignments: [assignment(PS_READ, 'USER', 'u-1')], NextToken: 'n' })
      .resolves({ AccountAssignments: [assignment(PS_READ, 'GROUP', 'g-1')] });
    ssoMock
      .on(ListAccountAssignmentsCommand, { PermissionSetArn: PS_ADMIN })
      .resolves({ AccountAssignments: [assignment(PS_ADMIN, 'GROUP', 'g-9')] });
    expect(await adapter().listAssignments('222222222222', [PS_READ, PS_ADMIN])).toStrictEqual([
      {
        accountId: '222222222222',
        permissionSetArn: PS_READ,
        principalType: 'GROUP',
        principalId: 'g-1',
      },
      {
        accountId: '222222222222',
        permissionSetArn: PS_READ,
        principalType: 'USER',
        principalId: 'u-1',
      },
      {
        accountId: '222222222222',
        permissionSetArn: PS_ADMIN,
        principalType: 'GROUP',
        principalId: 'g-9',
      },
    ]);
    expect(ssoMock.commandCalls(ListPermissionSetsProvisionedToAccountCommand)).toHaveLength(0);
  });

  it('defaults to the permission sets provisioned to the account', async () => {
    ssoMock
      .on(ListPermissionSetsProvisionedToAccountCommand, { AccountId: '222222222222' })
      .resolves({ PermissionSets: [PS_ADMIN] });
    ssoMock
      .on(ListAccountAssignmentsCommand, { PermissionSetArn: PS_ADMIN })
      .resolves({ AccountAssignments: [assignment(PS_ADMIN, 'USER', 'u-2')] });
    expect(await adapter().listAssignments('222222222222')).toStrictEqual([
      {
        accountId: '222222222222',
        permissionSetArn: PS_ADMIN,
        principalType: 'USER',
        principalId: 'u-2',
      },
    ]);
  });

  it('rejects an assignment without principal as UnexpectedResponse', async () => {
    ssoMock
      .on(ListAccountAssignmentsCommand)
      .resolves({ AccountAssignments: [{ AccountId: '222222222222' }] });
    await expect(adapter().listAssignments('222222222222', [PS_READ])).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      context: { accountId: '222222222222', permissionSetArn: PS_READ },
    });
  });
});
