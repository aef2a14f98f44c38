import {
  accountStateOf,
  caseInsensitiveEnum,
  CHANGE_EVENT_NAMES,
  describeOutcome,
  isMaskedValue,
  isOwnChange,
  nameOrNull,
  notificationTriggersOf,
  parseGovernanceEvent,
  parseOrgEvent,
  roleKey,
  type DomainEvent,
} from '../src';
import { PERSON, WORKER_ROLE } from './helpers/actors';
import { fixture } from './helpers/fixtures';

describe('isOwnChange recognizes the product roles', () => {
  const worker = {
    ...PERSON,
    arn: 'arn:aws:sts::111111111111:assumed-role/org-governance-worker/1730540000000',
    sessionIssuerArn: null,
  };

  it.each([
    ['an assumed-role session of a product role', worker, [WORKER_ROLE], true],
    [
      'the same role given with a path',
      worker,
      ['arn:aws:iam::111111111111:role/a/b/org-governance-worker'],
      true,
    ],
    ['a person', PERSON, [WORKER_ROLE], false],
    [
      'a role of the same name in another account',
      worker,
      ['arn:aws:iam::999999999999:role/org-governance-worker'],
      false,
    ],
    ['no product roles', worker, [], false],
    [
      'an IAM user ARN listed as is',
      { ...PERSON, arn: 'arn:aws:iam::111111111111:user/ci', sessionIssuerArn: null },
      ['arn:aws:iam::111111111111:user/ci'],
      true,
    ],
  ])('%s', (_label, actor, roles, expected) => {
    expect(isOwnChange(actor, roles)).toBe(expected);
  });

  it('keys roles by account and name', () => {
    expect([
      roleKey('arn:aws:iam::111111111111:role/service/org-governance-worker'),
      roleKey('arn:aws-us-gov:sts::111111111111:assumed-role/org-governance-worker/s'),
      roleKey('arn:aws:iam::111111111111:user/ci'),
    ]).toStrictEqual([
      '111111111111/org-governance-worker',
      '111111111111/org-governance-worker',
      null,
    ]);
  });
});

describe('values AWS writes in any case or masks', () => {
  it('reads Account.State values in any case, and nothing else', () => {
    expect(
      ['ACTIVE', 'suspended', 'Pending_Activation', 'PENDING_CLOSURE', 'closed', 'DELETED', 7].map(
        accountStateOf,
      ),
    ).toStrictEqual([
      'ACTIVE',
      'SUSPENDED',
      'PENDING_ACTIVATION',
      'PENDING_CLOSURE',
      'CLOSED',
      null,
      null,
    ]);
  });

  it('canonicalizes enums written in any case and names the expected values otherwise', () => {
    const schema = caseInsensitiveEnum(['INVITE', 'ENABLE_ALL_FEATURES']);
    expect([
      schema.parse('invite'),
      schema.safeParse('join').error?.issues[0]?.message,
    ]).toStrictEqual(['INVITE', 'one of "INVITE", "ENABLE_ALL_FEATURES"']);
  });

  it('never takes a masked value for a name', () => {
    expect({
      masked: ['****', '*', 'HIDDEN_DUE_TO_SECURITY_REASONS', 'payments'].map(isMaskedValue),
      names: ['****', '', null, undefined, 'payments'].map(nameOrNull),
    }).toStrictEqual({
      masked: [true, true, true, false],
      names: [null, null, null, null, 'payments'],
    });
  });
});

describe('notification triggers', () => {
  const vending = (name: string): DomainEvent => {
    const outcome = parseOrgEvent(fixture(name));
    if (outcome.kind !== 'event') throw new Error(`${name} is not an event`);
    return outcome.event;
  };

  it('tell a vending creation from an update of an enrolled account', () => {
    expect({
      created: notificationTriggersOf(vending('create-managed-account-succeeded')),
      updated: notificationTriggersOf(vending('update-managed-account-succeeded')),
      joined: notificationTriggersOf(vending('account-joined-organization')),
      moved: notificationTriggersOf(vending('move-account')),
    }).toStrictEqual({
      created: ['ManagedAccountVended', 'ManagedAccountCreated'],
      updated: ['ManagedAccountVended', 'ManagedAccountUpdated'],
      joined: ['AccountJoined'],
      moved: [],
    });
  });
});

describe('change events in one line', () => {
  it.each([
    [
      'detach-policy-by-person',
      'PolicyChangedOutOfBand p-aaaa1111 detached on 222233334444 by arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jdoe@example.com',
    ],
    [
      'create-account-assignment',
      'AssignmentChangedOutOfBand created USER c4689408-80b1-7075-4384-06471b80a0fd arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111 on 222233334444 by arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jdoe@example.com',
    ],
    [
      'create-group',
      'DirectoryPrincipalCreated GROUP 90671234-dddd-eeee-ffff-222222222222 (name not in the event)',
    ],
    [
      'create-permission-set',
      'PermissionSetCreated arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111 (ReadOnly)',
    ],
  ])('%s', (name, summary) => {
    expect(describeOutcome(parseGovernanceEvent(fixture(name)))).toBe(summary);
  });

  it('lists the change event names by source', () => {
    expect(CHANGE_EVENT_NAMES).toStrictEqual({
      'aws.organizations': ['AttachPolicy', 'DetachPolicy'],
      'aws.sso': ['CreateAccountAssignment', 'DeleteAccountAssignment', 'CreatePermissionSet'],
      'aws.sso-directory': ['CreateGroup', 'CreateUser'],
      'aws.identitystore': ['CreateGroup', 'CreateUser'],
    });
  });
});
