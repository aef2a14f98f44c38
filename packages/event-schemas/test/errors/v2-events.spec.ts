import { parseGovernanceEvent } from '../../src';
import { ACCOUNT, expectErrors, issue, RE, RP, SED } from '../helpers/errors';

const MEMBER = `${ACCOUNT} (the member account: accountId in serviceEventDetails, requestParameters or responseElements)`;
const PS_ARN =
  'a permission set ARN like arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';

describe('parseOrgEvent rejects malformed membership and LeaveOrganization events', () => {
  expectErrors([
    [
      'AccountJoinedOrganization naming no account anywhere',
      'account-joined-organization',
      [[`${SED}.accountId`]],
      'AccountJoinedOrganization',
      [issue(`${SED}.accountId`, MEMBER)],
    ],
    [
      'AccountDepartedOrganization whose accountId is not 12 digits',
      'account-departed-organization',
      [[`${SED}.accountId`, 'acct-5555']],
      'AccountDepartedOrganization',
      [issue(`${SED}.accountId`, MEMBER)],
    ],
    [
      'AccountJoinedOrganization with an account id of 11 digits in account.id',
      'account-joined-organization',
      [[SED, { account: { id: '55556666777' } }]],
      'AccountJoinedOrganization',
      [issue(`${SED}.account.id`, MEMBER)],
    ],
    [
      'LeaveOrganization without the caller account',
      'leave-organization',
      [['$.detail.userIdentity.accountId']],
      'LeaveOrganization',
      [issue('$.detail.userIdentity.accountId', `${ACCOUNT} (the account that left)`)],
    ],
    [
      'LeaveOrganization without userIdentity',
      'leave-organization',
      [['$.detail.userIdentity']],
      'LeaveOrganization',
      [issue('$.detail.userIdentity', 'the caller (userIdentity with accountId)')],
    ],
    [
      'CreateAccountResult with a lower-case unknown state',
      'create-account-result-masked-name',
      [[`${SED}.createAccountStatus.state`, 'done']],
      'CreateAccountResult',
      [issue(`${SED}.createAccountStatus.state`, 'one of "SUCCEEDED", "FAILED"')],
    ],
    [
      'an accepted e-mail invitation whose caller account is not 12 digits',
      'accept-handshake-email-invitation',
      [['$.detail.userIdentity.accountId', 'root']],
      'AcceptHandshake',
      [
        issue(
          '$.detail.userIdentity.accountId',
          `${ACCOUNT} (the caller, who accepted an e-mail invitation)`,
        ),
      ],
    ],
  ]);
});

describe('parseGovernanceEvent rejects malformed change events', () => {
  expectErrors(
    [
      [
        'DetachPolicy on a target that is no id',
        'detach-policy-by-person',
        [[`${RP}.targetId`, 'prod']],
        'DetachPolicy',
        [issue(`${RP}.targetId`, 'a 12-digit AWS account id, or a root or OU id')],
      ],
      [
        'AttachPolicy without policyId',
        'attach-policy-ou',
        [[`${RP}.policyId`]],
        'AttachPolicy',
        [issue(`${RP}.policyId`, 'a policy id like p-FullAWSAccess')],
      ],
      [
        'DetachPolicy with requestParameters null',
        'detach-policy-by-person',
        [[RP, null]],
        'DetachPolicy',
        [issue(RP, 'an object with policyId and targetId')],
      ],
      [
        'DeleteAccountAssignment of an unknown principal type',
        'delete-account-assignment',
        [[`${RP}.principalType`, 'ROLE']],
        'DeleteAccountAssignment',
        [issue(`${RP}.principalType`, 'one of "USER", "GROUP"')],
      ],
      [
        'CreateAccountAssignment on a target that is not an account',
        'create-account-assignment',
        [[`${RP}.targetId`, 'ou-ab12-11111111']],
        'CreateAccountAssignment',
        [issue(`${RP}.targetId`, ACCOUNT)],
      ],
      [
        'CreateAccountAssignment with a malformed permission set ARN and no principal id',
        'create-account-assignment',
        [[`${RP}.permissionSetArn`, 'ReadOnly'], [`${RP}.principalId`]],
        'CreateAccountAssignment',
        [
          issue(`${RP}.permissionSetArn`, PS_ARN),
          issue(`${RP}.principalId`, 'the principal id (a non-empty string)'),
        ],
      ],
      [
        'CreateGroup without the new group id',
        'create-group',
        [[`${RE}.groupId`]],
        'CreateGroup',
        [issue(`${RE}.groupId`, "the new group's id (responseElements.groupId)")],
      ],
      [
        'CreateUser with responseElements null',
        'create-user',
        [[RE, null]],
        'CreateUser',
        [issue(`${RE}.userId`, "the new user's id (responseElements.userId)")],
      ],
      [
        'CreatePermissionSet without the permission set',
        'create-permission-set',
        [[`${RE}.permissionSet`]],
        'CreatePermissionSet',
        [issue(`${RE}.permissionSet`, 'a permissionSet object with permissionSetArn')],
      ],
      [
        'CreatePermissionSet with a malformed ARN',
        'create-permission-set',
        [[`${RE}.permissionSet.permissionSetArn`, 'arn:aws:sso:::permissionSet/ps-1']],
        'CreatePermissionSet',
        [issue(`${RE}.permissionSet.permissionSetArn`, PS_ARN)],
      ],
      [
        'a change event without eventName',
        'create-group',
        [['$.detail.eventName']],
        null,
        [issue('$.detail.eventName', 'the CloudTrail eventName (a string)')],
      ],
    ],
    parseGovernanceEvent,
  );
});
