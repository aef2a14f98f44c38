import { parseGovernanceEvent } from '../src';
import { ignored, metaOf } from './helpers/expected';
import { fixture } from './helpers/fixtures';
import { edit } from './helpers/mutate';

type Edits = ReadonlyArray<readonly [string] | readonly [string, unknown]>;

const HS = '$.detail.responseElements.handshake';
const SED = '$.detail.serviceEventDetails';
const RP = '$.detail.requestParameters';
const RE = '$.detail.responseElements';

/** Variants AWS produces of the v2 samples (case, field placement, masking) and their outcome. */
const cases: ReadonlyArray<[string, string, Edits, unknown]> = [
  [
    'AcceptHandshake with lower-case state and action (as CloudTrail logs them)',
    'accept-handshake',
    [
      [`${HS}.state`, 'accepted'],
      [`${HS}.action`, 'invite'],
      [`${HS}.parties[1].type`, 'account'],
    ],
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        meta: metaOf('accept-handshake', 'AcceptHandshake'),
      },
    },
  ],
  [
    'AccountJoinedOrganization with the account under responseElements.account',
    'account-joined-organization',
    [
      [SED, null],
      [RE, { account: { accountId: '555566667777' }, joinedMethod: 'created' }],
    ],
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        joinedMethod: 'Created',
        meta: metaOf('account-joined-organization', 'AccountJoinedOrganization'),
      },
    },
  ],
  [
    'AccountJoinedOrganization without joinedMethod, the account as account.id in requestParameters',
    'account-joined-organization',
    [
      [SED, {}],
      [RP, { account: { id: '555566667777' } }],
    ],
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        meta: metaOf('account-joined-organization', 'AccountJoinedOrganization'),
      },
    },
  ],
  [
    'AccountDepartedOrganization with departedMethod Removed (the other spelling)',
    'account-departed-organization',
    [[SED, { memberAccountId: '555566667777', departedMethod: 'Removed' }]],
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '555566667777',
        departureMethod: 'Removed',
        meta: metaOf('account-departed-organization', 'AccountDepartedOrganization'),
      },
    },
  ],
  [
    'AccountDepartedOrganization with an unknown departure method (kept, method omitted)',
    'account-departed-organization',
    [[`${SED}.departureMethod`, 'Suspended']],
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '555566667777',
        meta: metaOf('account-departed-organization', 'AccountDepartedOrganization'),
      },
    },
  ],
  [
    'CloseAccountResult with a lower-case SUCCEEDED state',
    'close-account-result-failed',
    [[`${SED}.closeAccountStatus.state`, 'succeeded']],
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '444455556666',
        meta: metaOf('close-account-result-failed', 'CloseAccountResult'),
      },
    },
  ],
  [
    'CreateAccountResult with a lower-case state and a masked name',
    'create-account-result-succeeded',
    [
      [`${SED}.createAccountStatus.state`, 'succeeded'],
      [`${SED}.createAccountStatus.accountName`, '****'],
    ],
    {
      kind: 'event',
      event: {
        type: 'AccountCreated',
        accountId: '222233334444',
        accountName: null,
        meta: metaOf('create-account-result-succeeded', 'CreateAccountResult'),
      },
    },
  ],
  [
    'CreateAccountResult FAILED with a masked name',
    'create-account-result-failed',
    [[`${SED}.createAccountStatus.accountName`, '****']],
    {
      kind: 'event',
      event: {
        type: 'CreateAccountFailed',
        accountName: null,
        failureReason: 'EMAIL_ALREADY_EXISTS',
        meta: metaOf('create-account-result-failed', 'CreateAccountResult'),
      },
    },
  ],
  [
    'UpdateManagedAccount of an enrolled account, lower-case state, masked name',
    'update-managed-account-succeeded',
    [
      [`${SED}.updateManagedAccountStatus.state`, 'succeeded'],
      [`${SED}.updateManagedAccountStatus.account.accountName`, '****'],
    ],
    {
      kind: 'event',
      event: {
        type: 'ManagedAccountVended',
        operation: 'UpdateManagedAccount',
        lifecycle: 'updated',
        state: 'SUCCEEDED',
        accountId: '888899990000',
        accountName: null,
        ouId: 'ou-ab12-22222222',
        ouName: 'Prod',
        message: 'AWS Control Tower successfully updated a managed account.',
        meta: metaOf('update-managed-account-succeeded', 'UpdateManagedAccount'),
      },
    },
  ],
  [
    'an account tag change without service and resource-type (the ARN decides)',
    'tag-change-on-resource',
    [['$.detail.service'], ['$.detail["resource-type"]']],
    {
      kind: 'event',
      event: {
        type: 'AccountTagsChanged',
        accountId: '222233334444',
        change: {
          kind: 'replace',
          tags: { env: 'prod', team: 'payments' },
          changedKeys: ['env'],
        },
        meta: metaOf('tag-change-on-resource', 'TagChangeOnResource'),
      },
    },
  ],
  [
    'a tag change with no resources and no service (nothing names an account)',
    'tag-change-on-resource-ec2-no-service',
    [['$.resources', []]],
    ignored(
      'tag-change-on-resource-ec2-no-service',
      'NotAnAccount',
      'TagChangeOnResource',
      'tag change naming no Organizations account ARN',
    ),
  ],
];

describe('parseGovernanceEvent: real-world variants of the v2 samples', () => {
  it.each(cases)('%s', (_label, name, edits, expected) => {
    expect(parseGovernanceEvent(edit(fixture(name), edits))).toStrictEqual(expected);
  });
});
