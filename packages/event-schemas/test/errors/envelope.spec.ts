import { ACCOUNT, errorOf, expectErrors, issue } from '../helpers/errors';
import { fixture } from '../helpers/fixtures';

describe('parseOrgEvent rejects malformed envelope and routing events', () => {
  expectErrors([
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
  ]);
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
