import { parseGovernanceEvent, parseOrgEvent, type GovernanceParseOutcome } from '../src';
import { PERSON, WORKER_ROLE } from './helpers/actors';
import { ignored, metaOf } from './helpers/expected';
import { fixture, ORGANIZATIONS_V2_SAMPLES } from './helpers/fixtures';

const PS = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111111111111111';

/** Every v2 row of the event table, from a real-shaped sample: the whole outcome. */
const cases: ReadonlyArray<[string, GovernanceParseOutcome]> = [
  [
    'accept-handshake-email-invitation',
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        meta: metaOf('accept-handshake-email-invitation', 'AcceptHandshake'),
      },
    },
  ],
  [
    'accept-handshake-email-service-event',
    ignored(
      'accept-handshake-email-service-event',
      'JoinedAccountUnknown',
      'AcceptHandshake',
      'handshake h-77778888aaaaaaaaaaaaaaaaaaaaaaaa accepted an e-mail invitation; the service event names no account',
    ),
  ],
  [
    'account-joined-organization',
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        joinedMethod: 'Invited',
        meta: metaOf('account-joined-organization', 'AccountJoinedOrganization'),
      },
    },
  ],
  [
    'account-departed-organization',
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '555566667777',
        departureMethod: 'Left',
        meta: metaOf('account-departed-organization', 'AccountDepartedOrganization'),
      },
    },
  ],
  [
    'leave-organization',
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '555566667777',
        meta: metaOf('leave-organization', 'LeaveOrganization'),
      },
    },
  ],
  [
    'close-account-result-failed',
    ignored(
      'close-account-result-failed',
      'CloseAccountNotSucceeded',
      'CloseAccountResult',
      'closing account 444455556666 is FAILED, not SUCCEEDED: it is still a member',
    ),
  ],
  [
    'create-account-result-masked-name',
    {
      kind: 'event',
      event: {
        type: 'AccountCreated',
        accountId: '222233334444',
        accountName: null,
        meta: metaOf('create-account-result-masked-name', 'CreateAccountResult'),
      },
    },
  ],
  [
    'tag-change-on-resource-ec2-no-service',
    ignored(
      'tag-change-on-resource-ec2-no-service',
      'NotAnAccount',
      'TagChangeOnResource',
      'tag change on arn:aws:ec2:eu-west-1:222233334444:instance/i-0123456789abcdef0, not an Organizations account',
    ),
  ],
  [
    'detach-policy-by-person',
    {
      kind: 'change',
      event: {
        type: 'PolicyChangedOutOfBand',
        change: 'detached',
        policyId: 'p-aaaa1111',
        accountId: '222233334444',
        actor: PERSON,
        meta: metaOf('detach-policy-by-person', 'DetachPolicy'),
      },
    },
  ],
  [
    'attach-policy-ou',
    ignored(
      'attach-policy-ou',
      'NotAnAccount',
      'AttachPolicy',
      'AttachPolicy of p-bbbb2222 on ou-ab12-11111111, which is not an account',
    ),
  ],
  [
    'detach-policy-by-product',
    ignored(
      'detach-policy-by-product',
      'OwnChange',
      'DetachPolicy',
      "DetachPolicy by arn:aws:sts::111111111111:assumed-role/org-governance-worker/1730540000000, one of the product's roles",
    ),
  ],
  [
    'delete-account-assignment',
    {
      kind: 'change',
      event: {
        type: 'AssignmentChangedOutOfBand',
        change: 'deleted',
        accountId: '222233334444',
        permissionSetArn: PS,
        principalType: 'GROUP',
        principalId: '90671234-aaaa-bbbb-cccc-111111111111',
        instanceArn: INSTANCE,
        actor: PERSON,
        meta: metaOf('delete-account-assignment', 'DeleteAccountAssignment'),
      },
    },
  ],
  [
    'create-account-assignment',
    {
      kind: 'change',
      event: {
        type: 'AssignmentChangedOutOfBand',
        change: 'created',
        accountId: '222233334444',
        permissionSetArn: PS,
        principalType: 'USER',
        principalId: 'c4689408-80b1-7075-4384-06471b80a0fd',
        instanceArn: INSTANCE,
        actor: PERSON,
        meta: metaOf('create-account-assignment', 'CreateAccountAssignment'),
      },
    },
  ],
  [
    'create-group',
    {
      kind: 'change',
      event: {
        type: 'DirectoryPrincipalCreated',
        principalType: 'GROUP',
        principalId: '90671234-dddd-eeee-ffff-222222222222',
        identityStoreId: 'd-1234567890',
        name: null,
        actor: PERSON,
        meta: metaOf('create-group', 'CreateGroup'),
      },
    },
  ],
  [
    'create-user',
    {
      kind: 'change',
      event: {
        type: 'DirectoryPrincipalCreated',
        principalType: 'USER',
        principalId: 'c4689408-80b1-7075-4384-06471b80a0fd',
        identityStoreId: 'd-1234567890',
        name: null,
        actor: PERSON,
        meta: metaOf('create-user', 'CreateUser'),
      },
    },
  ],
  [
    'create-permission-set',
    {
      kind: 'change',
      event: {
        type: 'PermissionSetCreated',
        permissionSetArn: PS,
        name: 'ReadOnly',
        instanceArn: INSTANCE,
        actor: PERSON,
        meta: metaOf('create-permission-set', 'CreatePermissionSet'),
      },
    },
  ],
];

describe('parseGovernanceEvent: every v2 row from a real-shaped sample', () => {
  it.each(cases)('%s', (name, expected) => {
    const outcome = parseGovernanceEvent(fixture(name), { productRoleArns: [WORKER_ROLE] });
    expect(outcome).toStrictEqual(expected);
  });
});

describe('parseOrgEvent leaves the change events to parseGovernanceEvent', () => {
  it.each([
    ['detach-policy-by-person', 'UnhandledEventName'],
    ['attach-policy-ou', 'UnhandledEventName'],
    ['delete-account-assignment', 'UnknownSource'],
    ['create-permission-set', 'UnknownSource'],
    ['create-group', 'UnknownSource'],
    ['create-user', 'UnknownSource'],
  ])('%s is ignored (%s), as before', (name, reason) => {
    const outcome = parseOrgEvent(fixture(name));
    expect(outcome.kind === 'ignored' ? outcome.reason : outcome.kind).toBe(reason);
  });

  it.each(ORGANIZATIONS_V2_SAMPLES)('%s gives the same outcome from both entry points', (name) => {
    expect(parseOrgEvent(fixture(name))).toStrictEqual(parseGovernanceEvent(fixture(name)));
  });
});
