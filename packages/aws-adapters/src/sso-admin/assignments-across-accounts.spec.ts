import {
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  SSOAdminClient,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, sdkError } from '../../test/support/fast-retry';
import { IdentityCenterAdapter } from './identity-center-adapter';

const ssoMock = mockClient(SSOAdminClient);
const INSTANCE = { instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1' };
const PS_READ = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1111111111111111';
const PS_ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-2222222222222222';

const adapter = () =>
  new IdentityCenterAdapter(new SSOAdminClient({ region: 'us-east-1' }), {
    instance: INSTANCE,
    retryPolicy: FAST_RETRY,
  });

beforeEach(() => ssoMock.reset());

describe('IdentityCenterAdapter.listAssignmentsOfPrincipal', () => {
  it('reads every page of the principal’s assignments, 100 per page, sorted by account', async () => {
    ssoMock
      .on(ListAccountAssignmentsForPrincipalCommand)
      .resolvesOnce({
        AccountAssignments: [
          { AccountId: '333333333333', PermissionSetArn: PS_READ, PrincipalType: 'GROUP' },
        ],
        NextToken: 'next',
      })
      .resolves({
        AccountAssignments: [
          { AccountId: '222222222222', PermissionSetArn: PS_ADMIN, PrincipalType: 'GROUP' },
        ],
      });
    const found = await adapter().listAssignmentsOfPrincipal('GROUP', 'g-1');
    expect({
      found,
      // The paginator reuses one input object for every page: its fields are the last page's.
      pageSizes: ssoMock
        .commandCalls(ListAccountAssignmentsForPrincipalCommand)
        .map((call) => call.args[0].input.MaxResults),
    }).toStrictEqual({
      found: [
        {
          accountId: '222222222222',
          permissionSetArn: PS_ADMIN,
          principalType: 'GROUP',
          principalId: 'g-1',
        },
        {
          accountId: '333333333333',
          permissionSetArn: PS_READ,
          principalType: 'GROUP',
          principalId: 'g-1',
        },
      ],
      pageSizes: [100, 100],
    });
  });

  it('retries a throttled page and goes on from it', async () => {
    ssoMock
      .on(ListAccountAssignmentsForPrincipalCommand)
      .rejectsOnce(sdkError(ThrottlingException))
      .resolves({
        AccountAssignments: [{ AccountId: '222222222222', PermissionSetArn: PS_READ }],
      });
    expect(await adapter().listAssignmentsOfPrincipal('USER', 'u-1')).toStrictEqual([
      {
        accountId: '222222222222',
        permissionSetArn: PS_READ,
        principalType: 'USER',
        principalId: 'u-1',
      },
    ]);
  });

  it('rejects an assignment without account as UnexpectedResponse', async () => {
    ssoMock
      .on(ListAccountAssignmentsForPrincipalCommand)
      .resolves({ AccountAssignments: [{ PermissionSetArn: PS_READ }] });
    await expect(adapter().listAssignmentsOfPrincipal('USER', 'u-1')).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      context: { operation: 'ListAccountAssignmentsForPrincipal', principalId: 'u-1' },
    });
  });
});

describe('IdentityCenterAdapter.listAccountsWithPermissionSet', () => {
  it('lists every page of the accounts, sorted', async () => {
    ssoMock
      .on(ListAccountsForProvisionedPermissionSetCommand, { PermissionSetArn: PS_READ })
      .resolvesOnce({ AccountIds: ['444444444444'], NextToken: 'n' })
      .resolves({ AccountIds: ['222222222222'] });
    expect(await adapter().listAccountsWithPermissionSet(PS_READ)).toStrictEqual([
      '222222222222',
      '444444444444',
    ]);
  });
});
