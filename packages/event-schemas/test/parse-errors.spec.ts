import { EventError, parseOrgEvent, type EventIssue } from '../src';
import { fixture } from './helpers/fixtures';
import { edit } from './helpers/mutate';

type Edits = ReadonlyArray<readonly [string] | readonly [string, unknown]>;
/** [label, fixture, edits, eventName in the error, expected issues]. */
type Case = [string, string, Edits, string | null, EventIssue[]];

const ACCOUNT = 'a 12-digit AWS account id';
const PARENT = 'a root or OU id like r-ab12 or ou-ab12-11111111';
const OU = 'an OU id like ou-ab12-11111111';
const issue = (path: string, expected: string): EventIssue => ({ path, expected });

const RP = '$.detail.requestParameters';
const RE = '$.detail.responseElements';
const SED = '$.detail.serviceEventDetails';
const CAS = `${SED}.createAccountStatus`;
const CMS = `${SED}.createManagedAccountStatus`;
const HS = `${RE}.handshake`;

const envelopeCases: Case[] = [
  [
    'source missing',
    'move-account',
    [['$.source']],
    'MoveAccount',
    [issue('$.source', 'the event source, e.g. "aws.organizations"')],
  ],
  [
    'source not a string',
    'tag-change-on-resource',
    [['$.source', 7]],
    null,
    [issue('$.source', 'the event source, e.g. "aws.organizations"')],
  ],
  [
    'detail-type missing',
    'move-account',
    [['$["detail-type"]']],
    null,
    [issue('$["detail-type"]', 'the EventBridge detail-type (a string)')],
  ],
  [
    'detail missing',
    'move-account',
    [['$.detail']],
    null,
    [issue('$.detail', 'a CloudTrail record (an object)')],
  ],
  [
    'detail is a string',
    'create-account-result-succeeded',
    [['$.detail', '{}']],
    null,
    [issue('$.detail', 'a CloudTrail record (an object)')],
  ],
  [
    'eventName missing',
    'move-account',
    [['$.detail.eventName']],
    null,
    [issue('$.detail.eventName', 'the CloudTrail eventName (a string)')],
  ],
  [
    'errorCode not a string',
    'move-account',
    [['$.detail.errorCode', 403]],
    null,
    [issue('$.detail.errorCode', 'a string')],
  ],
  [
    'account not 12 digits',
    'move-account',
    [['$.account', '11111111111']],
    'MoveAccount',
    [issue('$.account', ACCOUNT)],
  ],
  [
    'time not ISO 8601',
    'accept-handshake',
    [['$.time', 'Nov 1, 2026 10:00 AM']],
    'AcceptHandshake',
    [issue('$.time', 'an ISO 8601 time like 2026-11-01T10:00:00Z')],
  ],
  [
    'id missing',
    'remove-account-from-organization',
    [['$.id']],
    'RemoveAccountFromOrganization',
    [issue('$.id', 'a non-empty event id')],
  ],
  [
    'region empty',
    'create-managed-account-succeeded',
    [['$.region', '']],
    'CreateManagedAccount',
    [issue('$.region', 'an AWS region like us-east-1')],
  ],
  [
    'resources not an array',
    'move-account',
    [['$.resources', 'none']],
    'MoveAccount',
    [issue('$.resources', 'an array')],
  ],
  [
    'version missing',
    'move-account',
    [['$.version']],
    'MoveAccount',
    [issue('$.version', 'a string')],
  ],
  [
    'userIdentity not an object',
    'move-account',
    [['$.detail.userIdentity', 'root']],
    'MoveAccount',
    [issue('$.detail.userIdentity', 'an object')],
  ],
];

const createAccountCases: Case[] = [
  [
    'SUCCEEDED without accountId',
    'create-account-result-succeeded',
    [[`${CAS}.accountId`]],
    'CreateAccountResult',
    [issue(`${CAS}.accountId`, ACCOUNT)],
  ],
  [
    'accountId of 11 digits',
    'create-account-result-succeeded',
    [[`${CAS}.accountId`, '22223333444']],
    'CreateAccountResult',
    [issue(`${CAS}.accountId`, ACCOUNT)],
  ],
  [
    'unknown state',
    'create-account-result-succeeded',
    [[`${CAS}.state`, 'DONE']],
    'CreateAccountResult',
    [issue(`${CAS}.state`, 'one of "SUCCEEDED", "FAILED"')],
  ],
  [
    'serviceEventDetails null',
    'create-account-result-succeeded',
    [[SED, null]],
    'CreateAccountResult',
    [issue(SED, 'an object with createAccountStatus')],
  ],
  [
    'createAccountStatus absent',
    'create-account-result-failed',
    [[`${SED}.createAccountStatus`]],
    'CreateAccountResult',
    [issue(CAS, 'a createAccountStatus object')],
  ],
  [
    'failureReason not a string',
    'create-account-result-failed',
    [[`${CAS}.failureReason`, 42]],
    'CreateAccountResult',
    [issue(`${CAS}.failureReason`, 'a string')],
  ],
];

const handshakeCases: Case[] = [
  [
    'responseElements null',
    'accept-handshake',
    [[RE, null]],
    'AcceptHandshake',
    [issue(RE, 'an object with the accepted handshake')],
  ],
  [
    'responseElements absent (service event)',
    'accept-handshake-service-event',
    [[RE]],
    'AcceptHandshake',
    [issue(RE, 'an object with the accepted handshake')],
  ],
  [
    'ACCOUNT party id not 12 digits',
    'accept-handshake',
    [[`${HS}.parties[1].id`, '5555-6666-7777']],
    'AcceptHandshake',
    [issue(`${HS}.parties[1].id`, ACCOUNT)],
  ],
  [
    'no ACCOUNT party and no ACCOUNT resource',
    'accept-handshake',
    [[`${HS}.parties[1]`], [`${HS}.resources[1]`]],
    'AcceptHandshake',
    [issue(`${HS}.parties`, 'a party with type ACCOUNT')],
  ],
  [
    'ACCOUNT resource (email invite) not 12 digits',
    'accept-handshake',
    [
      [`${HS}.parties[1].type`, 'EMAIL'],
      [`${HS}.resources[1].value`, 'x'],
    ],
    'AcceptHandshake',
    [issue(`${HS}.resources`, ACCOUNT)],
  ],
  [
    'state missing',
    'accept-handshake',
    [[`${HS}.state`]],
    'AcceptHandshake',
    [issue(`${HS}.state`, 'a string')],
  ],
  [
    'parties not an array',
    'accept-handshake',
    [[`${HS}.parties`, {}]],
    'AcceptHandshake',
    [issue(`${HS}.parties`, 'an array')],
  ],
  [
    'handshake missing',
    'accept-handshake',
    [[HS]],
    'AcceptHandshake',
    [issue(HS, 'a handshake object')],
  ],
];

const moveCases: Case[] = [
  [
    'accountId of 13 digits',
    'move-account',
    [[`${RP}.accountId`, '2222333344445']],
    'MoveAccount',
    [issue(`${RP}.accountId`, ACCOUNT)],
  ],
  [
    'accountId a number',
    'move-account',
    [[`${RP}.accountId`, 222233334444]],
    'MoveAccount',
    [issue(`${RP}.accountId`, ACCOUNT)],
  ],
  [
    'destinationParentId without its OU part',
    'move-account',
    [[`${RP}.destinationParentId`, 'ou-ab12']],
    'MoveAccount',
    [issue(`${RP}.destinationParentId`, PARENT)],
  ],
  [
    'sourceParentId missing',
    'move-account',
    [[`${RP}.sourceParentId`]],
    'MoveAccount',
    [issue(`${RP}.sourceParentId`, PARENT)],
  ],
  [
    'sourceParentId uppercase root',
    'move-account',
    [[`${RP}.sourceParentId`, 'R-AB12']],
    'MoveAccount',
    [issue(`${RP}.sourceParentId`, PARENT)],
  ],
  [
    'requestParameters null',
    'move-account',
    [[RP, null]],
    'MoveAccount',
    [issue(RP, 'an object with accountId, sourceParentId and destinationParentId')],
  ],
  [
    'requestParameters absent',
    'move-account',
    [[RP]],
    'MoveAccount',
    [issue(RP, 'an object with accountId, sourceParentId and destinationParentId')],
  ],
  [
    'every problem at once, in document order',
    'move-account',
    [
      ['$.account', 'x'],
      [`${RP}.accountId`, '1'],
      [`${RP}.destinationParentId`, 'p-FullAWSAccess'],
    ],
    'MoveAccount',
    [
      issue('$.account', ACCOUNT),
      issue(`${RP}.accountId`, ACCOUNT),
      issue(`${RP}.destinationParentId`, PARENT),
    ],
  ],
];

const tagChangeCases: Case[] = [
  [
    'resources empty',
    'tag-change-on-resource',
    [['$.resources', []]],
    'TagChangeOnResource',
    [issue('$.resources[0]', 'an Organizations account ARN ending in /<12-digit account id>')],
  ],
  [
    'resources[0] an OU ARN',
    'tag-change-on-resource',
    [['$.resources[0]', 'arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-ab12-11111111']],
    'TagChangeOnResource',
    [issue('$.resources[0]', 'an Organizations account ARN ending in /<12-digit account id>')],
  ],
  [
    'a tag value not a string',
    'tag-change-on-resource',
    [['$.detail.tags.env', 1]],
    'TagChangeOnResource',
    [issue('$.detail.tags.env', 'a string')],
  ],
  [
    'tags missing',
    'tag-change-on-resource',
    [['$.detail.tags']],
    'TagChangeOnResource',
    [issue('$.detail.tags', 'an object')],
  ],
  [
    'changed-tag-keys missing',
    'tag-change-on-resource-key-deleted',
    [['$.detail["changed-tag-keys"]']],
    'TagChangeOnResource',
    [issue('$.detail["changed-tag-keys"]', 'an array')],
  ],
  [
    'service missing',
    'tag-change-on-resource',
    [['$.detail.service']],
    'TagChangeOnResource',
    [issue('$.detail.service', '"organizations"')],
  ],
  [
    'detail null',
    'tag-change-on-resource',
    [['$.detail', null]],
    'TagChangeOnResource',
    [issue('$.detail', 'a tag change detail object')],
  ],
];

const tagResourceCases: Case[] = [
  [
    'resourceId not a taggable id',
    'tag-resource',
    [[`${RP}.resourceId`, '12345']],
    'TagResource',
    [issue(`${RP}.resourceId`, 'a 12-digit AWS account id, or a root, OU or policy id')],
  ],
  [
    'a tag without value',
    'tag-resource',
    [[`${RP}.tags[0].value`]],
    'TagResource',
    [issue(`${RP}.tags[0].value`, 'a string')],
  ],
  [
    'an empty tag key',
    'tag-resource',
    [[`${RP}.tags[0].key`, '']],
    'TagResource',
    [issue(`${RP}.tags[0].key`, 'a non-empty tag key')],
  ],
  [
    'tags a map instead of a list',
    'tag-resource',
    [[`${RP}.tags`, { env: 'prod' }]],
    'TagResource',
    [issue(`${RP}.tags`, 'an array')],
  ],
  [
    'a tag that is a string',
    'tag-resource',
    [[`${RP}.tags[0]`, 'env=prod']],
    'TagResource',
    [issue(`${RP}.tags[0]`, 'a tag object with key and value')],
  ],
  [
    'requestParameters null',
    'tag-resource',
    [[RP, null]],
    'TagResource',
    [issue(RP, 'an object with resourceId and tags')],
  ],
  [
    'tagKeys missing',
    'untag-resource',
    [[`${RP}.tagKeys`]],
    'UntagResource',
    [issue(`${RP}.tagKeys`, 'an array')],
  ],
  [
    'a tag key that is a number',
    'untag-resource',
    [[`${RP}.tagKeys[0]`, 7]],
    'UntagResource',
    [issue(`${RP}.tagKeys[0]`, 'a string')],
  ],
  [
    'an empty tag key to remove',
    'untag-resource',
    [[`${RP}.tagKeys[0]`, '']],
    'UntagResource',
    [issue(`${RP}.tagKeys[0]`, 'a non-empty tag key')],
  ],
  [
    'UntagResource resourceId missing',
    'untag-resource',
    [[`${RP}.resourceId`]],
    'UntagResource',
    [issue(`${RP}.resourceId`, 'a 12-digit AWS account id, or a root, OU or policy id')],
  ],
];

const removeCases: Case[] = [
  [
    'RemoveAccountFromOrganization accountId missing',
    'remove-account-from-organization',
    [[`${RP}.accountId`]],
    'RemoveAccountFromOrganization',
    [issue(`${RP}.accountId`, ACCOUNT)],
  ],
  [
    'RemoveAccountFromOrganization requestParameters null',
    'remove-account-from-organization',
    [[RP, null]],
    'RemoveAccountFromOrganization',
    [issue(RP, 'an object with accountId')],
  ],
  [
    'CloseAccountResult accountId not 12 digits',
    'close-account-result',
    [[`${SED}.closeAccountStatus.accountId`, 'acct-1']],
    'CloseAccountResult',
    [issue(`${SED}.closeAccountStatus.accountId`, ACCOUNT)],
  ],
  [
    'CloseAccountResult closeAccountStatus absent',
    'close-account-result',
    [[`${SED}.closeAccountStatus`]],
    'CloseAccountResult',
    [issue(`${SED}.closeAccountStatus`, 'a closeAccountStatus object')],
  ],
  [
    'CloseAccountResult serviceEventDetails absent',
    'close-account-result',
    [[SED]],
    'CloseAccountResult',
    [issue(SED, 'an object with closeAccountStatus')],
  ],
];

const vendingCases: Case[] = [
  [
    'SUCCEEDED with "Not Available"',
    'create-managed-account-succeeded',
    [[`${CMS}.account.accountId`, 'Not Available']],
    'CreateManagedAccount',
    [issue(`${CMS}.account.accountId`, `${ACCOUNT} (the vending SUCCEEDED)`)],
  ],
  [
    'SUCCEEDED without organizationalUnit',
    'create-managed-account-succeeded',
    [[`${CMS}.organizationalUnit`]],
    'CreateManagedAccount',
    [issue(`${CMS}.organizationalUnit.organizationalUnitId`, `${OU} (the vending SUCCEEDED)`)],
  ],
  [
    'SUCCEEDED without account',
    'create-managed-account-aws-internal',
    [[`${CMS}.account`]],
    'CreateManagedAccount',
    [issue(`${CMS}.account.accountId`, `${ACCOUNT} (the vending SUCCEEDED)`)],
  ],
  [
    'unknown state',
    'create-managed-account-succeeded',
    [[`${CMS}.state`, 'COMPLETED']],
    'CreateManagedAccount',
    [issue(`${CMS}.state`, 'one of "SUCCEEDED", "FAILED", "IN_PROGRESS"')],
  ],
  [
    'OU id malformed',
    'create-managed-account-failed',
    [[`${CMS}.organizationalUnit.organizationalUnitId`, 'Prod']],
    'CreateManagedAccount',
    [issue(`${CMS}.organizationalUnit.organizationalUnitId`, `${OU} or "Not Available"`)],
  ],
  [
    'accountId a number',
    'create-managed-account-failed',
    [[`${CMS}.account.accountId`, 888899990000]],
    'CreateManagedAccount',
    [issue(`${CMS}.account.accountId`, `${ACCOUNT} or "Not Available"`)],
  ],
  [
    'UpdateManagedAccount carrying createManagedAccountStatus',
    'update-managed-account-succeeded',
    [
      [`${SED}.createManagedAccountStatus`, { state: 'SUCCEEDED' }],
      [`${SED}.updateManagedAccountStatus`],
    ],
    'UpdateManagedAccount',
    [issue(`${SED}.updateManagedAccountStatus`, 'a managed account status object')],
  ],
  [
    'serviceEventDetails null',
    'create-managed-account-succeeded',
    [[SED, null]],
    'CreateManagedAccount',
    [issue(SED, 'an object with createManagedAccountStatus')],
  ],
];

const ouCases: Case[] = [
  [
    'created OU id malformed',
    'create-organizational-unit',
    [[`${RE}.organizationalUnit.id`, 'ou-AB12-44444444']],
    'CreateOrganizationalUnit',
    [issue(`${RE}.organizationalUnit.id`, OU)],
  ],
  [
    'parentId malformed',
    'create-organizational-unit',
    [[`${RP}.parentId`, 'root']],
    'CreateOrganizationalUnit',
    [issue(`${RP}.parentId`, PARENT)],
  ],
  [
    'responseElements null',
    'create-organizational-unit',
    [[RE, null]],
    'CreateOrganizationalUnit',
    [issue(RE, 'an object with the created organizationalUnit')],
  ],
  [
    'organizationalUnit name missing',
    'create-organizational-unit',
    [[`${RE}.organizationalUnit.name`]],
    'CreateOrganizationalUnit',
    [issue(`${RE}.organizationalUnit.name`, 'a string')],
  ],
  [
    'organizationalUnit missing',
    'create-organizational-unit',
    [[`${RE}.organizationalUnit`]],
    'CreateOrganizationalUnit',
    [issue(`${RE}.organizationalUnit`, 'an organizationalUnit object with id and name')],
  ],
  [
    'requestParameters absent',
    'create-organizational-unit',
    [[RP]],
    'CreateOrganizationalUnit',
    [issue(RP, 'an object with parentId')],
  ],
];

/** The parts of an outcome's EventError the table asserts. */
function errorOf(raw: unknown) {
  const outcome = parseOrgEvent(raw);
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  const { eventId, eventName, issues, code } = outcome.error;
  return { isEventError: outcome.error instanceof EventError, code, eventId, eventName, issues };
}

describe.each([
  ['envelope and routing', envelopeCases],
  ['CreateAccountResult', createAccountCases],
  ['AcceptHandshake', handshakeCases],
  ['MoveAccount', moveCases],
  ['Tag Change on Resource', tagChangeCases],
  ['TagResource / UntagResource', tagResourceCases],
  ['RemoveAccountFromOrganization / CloseAccountResult', removeCases],
  ['Control Tower vending', vendingCases],
  ['CreateOrganizationalUnit', ouCases],
])('parseOrgEvent rejects malformed %s events', (_family, cases) => {
  it.each(cases)('%s', (_label, name, edits, eventName, issues) => {
    const raw = edit(fixture(name), edits);
    const eventId = typeof raw['id'] === 'string' ? raw['id'] : null;
    expect(errorOf(raw)).toStrictEqual({
      isEventError: true,
      code: 'EVENT_MALFORMED',
      eventId,
      eventName,
      issues,
    });
  });
});

describe('parseOrgEvent rejects input that is not an event object', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a JSON string not parsed', '{"source":"aws.organizations"}'],
    ['an array', [fixture('move-account')]],
  ])('%s', (_label, raw) => {
    expect(errorOf(raw)).toStrictEqual({
      isEventError: true,
      code: 'EVENT_MALFORMED',
      eventId: null,
      eventName: null,
      issues: [issue('$', 'an EventBridge event (a JSON object)')],
    });
  });
});
