import { EventError, EventSchemaError, parse, parseOrgEvent } from '../src';
import { fixture } from './helpers/fixtures';
import { mutate } from './helpers/mutate';

describe('parse (throwing, for handlers)', () => {
  it.each([
    ['a domain event', 'move-account'],
    ['an ignored failed call', 'move-account-access-denied'],
    ['an ignored unknown source', 'ec2-instance-state-change'],
    ['an ignored OU tagging', 'tag-resource-ou'],
  ])('returns the same outcome as parseOrgEvent for %s', (_label, name) => {
    expect(parse(fixture(name))).toStrictEqual(parseOrgEvent(fixture(name)));
  });

  it.each([
    [
      'a MoveAccount with a bad account id',
      mutate(fixture('move-account'), '$.detail.requestParameters.accountId', '12345'),
      'Event 10bb9cb3-249d-91b7-1a6d-9576fa4b74b2 (MoveAccount) is malformed: ' +
        '$.detail.requestParameters.accountId: expected a 12-digit AWS account id',
    ],
    [
      'a non-object',
      'not json',
      'Event (no id) (unknown) is malformed: $: expected an EventBridge event (a JSON object)',
    ],
    [
      'a vending SUCCEEDED without account id',
      mutate(
        fixture('create-managed-account-succeeded'),
        '$.detail.serviceEventDetails.createManagedAccountStatus.account.accountId',
        'Not Available',
      ),
      'Event 5e469760-5477-1cf9-db4a-0b34928f9a18 (CreateManagedAccount) is malformed: ' +
        '$.detail.serviceEventDetails.createManagedAccountStatus.account.accountId: ' +
        'expected a 12-digit AWS account id (the vending SUCCEEDED)',
    ],
  ])(
    'throws an EventError naming the event, path and expectation for %s',
    (_label, raw, message) => {
      let thrown: unknown;
      try {
        parse(raw);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EventError);
      expect(thrown).toBeInstanceOf(EventSchemaError);
      const error = thrown as EventError;
      expect({ name: error.name, code: error.code, message: error.message }).toStrictEqual({
        name: 'EventError',
        code: 'EVENT_MALFORMED',
        message,
      });
    },
  );

  it('keeps the zod validation error as cause', () => {
    const outcome = parseOrgEvent(mutate(fixture('move-account'), '$.account', 'x'));
    const cause = outcome.kind === 'error' ? outcome.error.cause : undefined;
    expect((cause as Error).name).toStrictEqual('ZodError');
  });
});
