import { parseOrgEvent, type IgnoreReason } from '../src';
import { fixture } from './helpers/fixtures';
import { edit, mutate } from './helpers/mutate';

const moveAccount = fixture('move-account');
const acceptHandshake = fixture('accept-handshake');
const tagChange = fixture('tag-change-on-resource');
const vending = fixture('create-managed-account-succeeded');

type Case = [string, unknown, IgnoreReason, string | null, string];

const cases: Case[] = [
  [
    'a failed API call (errorCode) from a real sample',
    fixture('move-account-access-denied'),
    'ApiCallFailed',
    'MoveAccount',
    "MoveAccount failed with AccessDenied: You don't have permissions to access this resource.",
  ],
  [
    'a failed API call whose detail is otherwise malformed (errorCode is checked first)',
    edit(moveAccount, [
      ['$.detail.errorCode', 'ConstraintViolationException'],
      ['$.detail.requestParameters', null],
      ['$.account', 'not-an-account'],
    ]),
    'ApiCallFailed',
    'MoveAccount',
    'MoveAccount failed with ConstraintViolationException',
  ],
  [
    'a failed TagResource',
    mutate(fixture('tag-resource'), '$.detail.errorCode', 'TooManyRequestsException'),
    'ApiCallFailed',
    'TagResource',
    'TagResource failed with TooManyRequestsException',
  ],
  [
    'a failed AcceptHandshake (handshake constraint)',
    edit(acceptHandshake, [
      ['$.detail.errorCode', 'HandshakeConstraintViolationException'],
      ['$.detail.errorMessage', 'The account is already a member of an organization.'],
      ['$.detail.responseElements', null],
    ]),
    'ApiCallFailed',
    'AcceptHandshake',
    'AcceptHandshake failed with HandshakeConstraintViolationException: The account is already a member of an organization.',
  ],
  [
    'a failed Control Tower call',
    mutate(vending, '$.detail.errorCode', 'ValidationException'),
    'ApiCallFailed',
    'CreateManagedAccount',
    'CreateManagedAccount failed with ValidationException',
  ],
  [
    'an unhandled Organizations eventName (CreatePolicy)',
    fixture('create-policy-unhandled'),
    'UnhandledEventName',
    'CreatePolicy',
    'aws.organizations event CreatePolicy is not handled',
  ],
  [
    'an unhandled eventName even with a malformed detail',
    edit(moveAccount, [
      ['$.detail.eventName', 'ListAccounts'],
      ['$.detail.requestParameters', 'garbage'],
    ]),
    'UnhandledEventName',
    'ListAccounts',
    'aws.organizations event ListAccounts is not handled',
  ],
  [
    'an unhandled Control Tower lifecycle event (EnableGuardrail)',
    mutate(vending, '$.detail.eventName', 'EnableGuardrail'),
    'UnhandledEventName',
    'EnableGuardrail',
    'aws.controltower event EnableGuardrail is not handled',
  ],
  [
    'an Organizations eventName that is an Object.prototype key',
    mutate(moveAccount, '$.detail.eventName', 'constructor'),
    'UnhandledEventName',
    'constructor',
    'aws.organizations event constructor is not handled',
  ],
  [
    'an aws.organizations event with a non-CloudTrail detail-type',
    mutate(moveAccount, '$["detail-type"]', 'AWS Console Sign In via CloudTrail'),
    'UnhandledEventName',
    'AWS Console Sign In via CloudTrail',
    'aws.organizations detail-type "AWS Console Sign In via CloudTrail" is not handled',
  ],
  [
    'an aws.tag event with another detail-type',
    mutate(tagChange, '$["detail-type"]', 'Tag Policy Compliance Change'),
    'UnhandledEventName',
    'Tag Policy Compliance Change',
    'aws.tag detail-type "Tag Policy Compliance Change" is not handled',
  ],
  [
    'an unknown source (EC2 state change)',
    fixture('ec2-instance-state-change'),
    'UnknownSource',
    'EC2 Instance State-change Notification',
    'source aws.ec2 is not handled',
  ],
  [
    'an unknown source carrying a CloudTrail record',
    mutate(moveAccount, '$.source', 'aws.iam'),
    'UnknownSource',
    'MoveAccount',
    'source aws.iam is not handled',
  ],
  [
    'a tag change on an EC2 instance',
    fixture('tag-change-on-resource-ec2-instance'),
    'NotAnAccount',
    'TagChangeOnResource',
    'tag change on ec2 resource-type instance, not an Organizations account',
  ],
  [
    'a tag change on an Organizations OU',
    edit(tagChange, [
      ['$.detail["resource-type"]', 'ou'],
      ['$.resources[0]', 'arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-ab12-11111111'],
    ]),
    'NotAnAccount',
    'TagChangeOnResource',
    'tag change on organizations resource-type ou, not an Organizations account',
  ],
  [
    'TagResource on an OU',
    fixture('tag-resource-ou'),
    'NotAnAccount',
    'TagResource',
    'TagResource on ou-ab12-11111111, which is not an account',
  ],
  [
    'TagResource on the root',
    mutate(fixture('tag-resource'), '$.detail.requestParameters.resourceId', 'r-ab12'),
    'NotAnAccount',
    'TagResource',
    'TagResource on r-ab12, which is not an account',
  ],
  [
    'UntagResource on a policy',
    fixture('untag-resource-policy'),
    'NotAnAccount',
    'UntagResource',
    'UntagResource on p-aaaa1111, which is not an account',
  ],
  [
    'UntagResource on a resource policy',
    mutate(fixture('untag-resource'), '$.detail.requestParameters.resourceId', 'rp-ab12cd34'),
    'NotAnAccount',
    'UntagResource',
    'UntagResource on rp-ab12cd34, which is not an account',
  ],
  [
    'AcceptHandshake of a DECLINED handshake',
    mutate(acceptHandshake, '$.detail.responseElements.handshake.state', 'DECLINED'),
    'HandshakeNotAccepted',
    'AcceptHandshake',
    'handshake h-66667777aaaaaaaaaaaaaaaaaaaaaaaa is DECLINED, not ACCEPTED',
  ],
  [
    'AcceptHandshake still OPEN, without an id',
    edit(acceptHandshake, [
      ['$.detail.responseElements.handshake.state', 'OPEN'],
      ['$.detail.responseElements.handshake.id'],
    ]),
    'HandshakeNotAccepted',
    'AcceptHandshake',
    'handshake (no id) is OPEN, not ACCEPTED',
  ],
  [
    'an accepted APPROVE_ALL_FEATURES handshake (no account joins)',
    mutate(acceptHandshake, '$.detail.responseElements.handshake.action', 'APPROVE_ALL_FEATURES'),
    'HandshakeNotInvite',
    'AcceptHandshake',
    'handshake h-66667777aaaaaaaaaaaaaaaaaaaaaaaa is APPROVE_ALL_FEATURES, not an INVITE',
  ],
  [
    'an account tag change whose resources[0] is an OU ARN (the ARN decides)',
    mutate(
      tagChange,
      '$.resources[0]',
      'arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-ab12-11111111',
    ),
    'NotAnAccount',
    'TagChangeOnResource',
    'tag change on arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-ab12-11111111, not an Organizations account',
  ],
  [
    'CloseAccountResult without state (not a SUCCEEDED closure)',
    edit(fixture('close-account-result'), [
      ['$.detail.serviceEventDetails.closeAccountStatus.state'],
    ]),
    'CloseAccountNotSucceeded',
    'CloseAccountResult',
    'closing account 444455556666 has no state, not SUCCEEDED: it is still a member',
  ],
];

describe('parseOrgEvent: ignored events', () => {
  it.each(cases)('%s', (_label, raw, reason, eventName, detail) => {
    const id = (raw as { id: string }).id;
    expect(parseOrgEvent(raw)).toStrictEqual({
      kind: 'ignored',
      reason,
      eventId: id,
      eventName,
      detail,
    });
  });
});
