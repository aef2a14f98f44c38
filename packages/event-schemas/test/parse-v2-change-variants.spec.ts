import { parseGovernanceEvent } from '../src';
import { PERSON, WORKER_ROLE } from './helpers/actors';
import { ignored, metaOf } from './helpers/expected';
import { fixture } from './helpers/fixtures';
import { edit } from './helpers/mutate';

type Edits = ReadonlyArray<readonly [string] | readonly [string, unknown]>;

const RP = '$.detail.requestParameters';
const RE = '$.detail.responseElements';

/** Variants AWS produces of the change-event samples and their outcome. */
const cases: ReadonlyArray<[string, string, Edits, unknown]> = [
  [
    'DeleteAccountAssignment with lower-case enums and no instanceArn',
    'delete-account-assignment',
    [[`${RP}.principalType`, 'group'], [`${RP}.targetType`, 'aws_account'], [`${RP}.instanceArn`]],
    {
      kind: 'change',
      event: {
        type: 'AssignmentChangedOutOfBand',
        change: 'deleted',
        accountId: '222233334444',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111',
        principalType: 'GROUP',
        principalId: '90671234-aaaa-bbbb-cccc-111111111111',
        instanceArn: null,
        actor: PERSON,
        meta: metaOf('delete-account-assignment', 'DeleteAccountAssignment'),
      },
    },
  ],
  [
    'CreateGroup in the console API shape (group.groupId, a visible groupName)',
    'create-group',
    [
      [RP, { identityStoreId: 'd-1234567890', displayName: 'HIDDEN_DUE_TO_SECURITY_REASONS' }],
      [RE, { group: { groupId: '90671234-dddd-eeee-ffff-333333333333', groupName: 'Auditors' } }],
    ],
    {
      kind: 'change',
      event: {
        type: 'DirectoryPrincipalCreated',
        principalType: 'GROUP',
        principalId: '90671234-dddd-eeee-ffff-333333333333',
        identityStoreId: 'd-1234567890',
        name: 'Auditors',
        actor: PERSON,
        meta: metaOf('create-group', 'CreateGroup'),
      },
    },
  ],
  [
    'CreatePermissionSet whose response hides the name (read from the request)',
    'create-permission-set',
    [[`${RE}.permissionSet.name`, 'HIDDEN_DUE_TO_SECURITY_REASONS']],
    {
      kind: 'change',
      event: {
        type: 'PermissionSetCreated',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111',
        name: 'ReadOnly',
        instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
        actor: PERSON,
        meta: metaOf('create-permission-set', 'CreatePermissionSet'),
      },
    },
  ],
  [
    'DetachPolicy by the product known only by its session issuer (a role with a path)',
    'detach-policy-by-product',
    [
      ['$.detail.userIdentity.arn'],
      [
        '$.detail.userIdentity.sessionContext.sessionIssuer.arn',
        'arn:aws:iam::111111111111:role/service/org-governance-worker',
      ],
    ],
    ignored(
      'detach-policy-by-product',
      'OwnChange',
      'DetachPolicy',
      "DetachPolicy by arn:aws:iam::111111111111:role/service/org-governance-worker, one of the product's roles",
    ),
  ],
  [
    'a failed DetachPolicy (errorCode)',
    'detach-policy-by-person',
    [
      ['$.detail.errorCode', 'PolicyNotAttachedException'],
      ['$.detail.requestParameters', null],
    ],
    ignored(
      'detach-policy-by-person',
      'ApiCallFailed',
      'DetachPolicy',
      'DetachPolicy failed with PolicyNotAttachedException',
    ),
  ],
  [
    'an Identity Center event not handled (UpdatePermissionSet)',
    'create-permission-set',
    [['$.detail.eventName', 'UpdatePermissionSet']],
    ignored(
      'create-permission-set',
      'UnhandledEventName',
      'UpdatePermissionSet',
      'aws.sso event UpdatePermissionSet is not handled',
    ),
  ],
];

describe('parseGovernanceEvent: real-world variants of the change-event samples', () => {
  it.each(cases)('%s', (_label, name, edits, expected) => {
    const outcome = parseGovernanceEvent(edit(fixture(name), edits), {
      productRoleArns: [WORKER_ROLE],
    });
    expect(outcome).toStrictEqual(expected);
  });
});

describe('parseGovernanceEvent without the product roles', () => {
  it('reports a change by the product role as a change (the runtime decides)', () => {
    const outcome = parseGovernanceEvent(fixture('detach-policy-by-product'));
    expect(outcome.kind === 'change' ? outcome.event.type : outcome.kind).toBe(
      'PolicyChangedOutOfBand',
    );
  });
});
