import { describeOutcome, parseOrgEvent } from '../../src';
import { errorOf, issue } from '../helpers/errors';
import { idOf } from '../helpers/expected';
import { fixture } from '../helpers/fixtures';
import { edit } from '../helpers/mutate';

const ESC_NAME = 'Move\u001b[2J\r\nAccount';

describe('values of the event are escaped wherever the parser quotes them', () => {
  it('an unhandled eventName with ESC and CR/LF is escaped in the ignored detail', () => {
    const outcome = parseOrgEvent(
      edit(fixture('move-account'), [['$.detail.eventName', ESC_NAME]]),
    );
    expect(outcome).toStrictEqual({
      kind: 'ignored',
      reason: 'UnhandledEventName',
      eventId: '10bb9cb3-249d-91b7-1a6d-9576fa4b74b2',
      eventName: ESC_NAME,
      detail: 'aws.organizations event Move\\u001b[2J\\u000d\\u000aAccount is not handled',
    });
  });

  it('a failed call whose errorMessage is 10,000 characters is cut in the detail', () => {
    const raw = edit(fixture('move-account-access-denied'), [
      ['$.detail.errorMessage', `\u009b${'m'.repeat(10_000)}`],
    ]);
    // 512 code points kept: the 38-character prefix, the control, 472 letters, the ellipsis.
    expect(parseOrgEvent(raw)).toStrictEqual({
      kind: 'ignored',
      reason: 'ApiCallFailed',
      eventId: idOf('move-account-access-denied'),
      eventName: 'MoveAccount',
      detail: `MoveAccount failed with AccessDenied: \\u009b${'m'.repeat(472)}…`,
    });
  });

  it('an EventError names a hostile event id and name escaped; its properties keep them raw', () => {
    const id = 'id\u0007\u202e';
    const raw = edit(fixture('move-account'), [
      ['$.id', id],
      ['$.detail.requestParameters.accountId', 'bad'],
    ]);
    const outcome = parseOrgEvent(raw);
    expect([
      errorOf(raw).eventId,
      outcome.kind === 'error' ? outcome.error.message : '',
    ]).toStrictEqual([
      id,
      'Event id\\u0007\\u202e (MoveAccount) is malformed: $.detail.requestParameters.accountId: expected a 12-digit AWS account id',
    ]);
  });

  it('a tag key with a C1 control is escaped in the JSON path of the issue', () => {
    const raw = edit(fixture('tag-change-on-resource'), [['$.detail.tags', { 'a\u009b': 5 }]]);
    expect(errorOf(raw).issues).toStrictEqual([issue('$.detail.tags["a\\u009b"]', 'a string')]);
  });

  it('describeEvent escapes names: an account created with a name that clears the screen', () => {
    const raw = edit(fixture('create-account-result-succeeded'), [
      ['$.detail.serviceEventDetails.createAccountStatus.accountName', 'x\u001b[2J'],
    ]);
    expect(describeOutcome(parseOrgEvent(raw))).toStrictEqual(
      'AccountCreated 222233334444 (x\\u001b[2J)',
    );
  });
});
