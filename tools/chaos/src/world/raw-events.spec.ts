import { parseOrgEvent } from '@org/event-schemas';
import {
  acceptHandshakeEvent,
  apiCallEvent,
  createAccountResultEvent,
  type EventContext,
  managedAccountEvent,
  tagChangeOnResourceEvent,
} from './raw-events';

const context: EventContext = {
  eventId: '0b1e7f0c-1d2a-4c3b-9e8f-123456789abc',
  time: '2026-11-01T10:00:00.000Z',
  managementAccountId: '111122223333',
  organizationId: 'o-abcde12345',
};
const ACCOUNT = '222233334444';

/** Who the tag events were made by, as the parser reads it from the event's identity. */
const PLATFORM_ADMIN = {
  type: 'AssumedRole',
  arn: `arn:aws:sts::${context.managementAccountId}:assumed-role/PlatformAdmin/platform-admin`,
  principalId: 'AROACHAOSEXAMPLE000001:platform-admin',
  accountId: context.managementAccountId,
  sessionIssuerArn: null,
  invokedBy: null,
};

/** The parsed domain event without its metadata (checked separately). */
function parsed(raw: unknown) {
  const outcome = parseOrgEvent(raw);
  if (outcome.kind !== 'event') return outcome;
  const { meta, ...event } = outcome.event;
  return { eventId: meta.eventId, eventName: meta.eventName, ...event };
}

describe('raw events parse into the domain events they describe', () => {
  describe.each([
    {
      name: 'CreateAccountResult SUCCEEDED',
      raw: createAccountResultEvent(context, {
        state: 'SUCCEEDED',
        accountId: ACCOUNT,
        accountName: 'new-001',
      }),
      expected: {
        eventId: context.eventId,
        eventName: 'CreateAccountResult',
        type: 'AccountCreated',
        accountId: ACCOUNT,
        accountName: 'new-001',
      },
    },
    {
      name: 'CreateAccountResult FAILED',
      raw: createAccountResultEvent(context, {
        state: 'FAILED',
        accountName: 'failed-1',
        failureReason: 'EMAIL_ALREADY_EXISTS',
      }),
      expected: {
        eventId: context.eventId,
        eventName: 'CreateAccountResult',
        type: 'CreateAccountFailed',
        accountName: 'failed-1',
        failureReason: 'EMAIL_ALREADY_EXISTS',
      },
    },
    {
      name: 'AcceptHandshake',
      raw: acceptHandshakeEvent(context, ACCOUNT),
      expected: {
        eventId: context.eventId,
        eventName: 'AcceptHandshake',
        type: 'AccountJoined',
        accountId: ACCOUNT,
      },
    },
    {
      name: 'MoveAccount',
      raw: apiCallEvent(context, 'MoveAccount', {
        accountId: ACCOUNT,
        sourceParentId: 'r-ab12',
        destinationParentId: 'ou-ab12-11111111',
      }),
      expected: {
        eventId: context.eventId,
        eventName: 'MoveAccount',
        type: 'AccountMoved',
        accountId: ACCOUNT,
        sourceParentId: 'r-ab12',
        destinationParentId: 'ou-ab12-11111111',
      },
    },
    {
      name: 'TagResource',
      raw: apiCallEvent(context, 'TagResource', {
        resourceId: ACCOUNT,
        tags: [{ key: 'env', value: 'prod' }],
      }),
      expected: {
        eventId: context.eventId,
        eventName: 'TagResource',
        type: 'AccountTagsChanged',
        accountId: ACCOUNT,
        change: { kind: 'set', tags: { env: 'prod' } },
        actor: PLATFORM_ADMIN,
      },
    },
    {
      name: 'UntagResource',
      raw: apiCallEvent(context, 'UntagResource', { resourceId: ACCOUNT, tagKeys: ['team'] }),
      expected: {
        eventId: context.eventId,
        eventName: 'UntagResource',
        type: 'AccountTagsChanged',
        accountId: ACCOUNT,
        change: { kind: 'remove', keys: ['team'] },
        actor: PLATFORM_ADMIN,
      },
    },
    {
      name: 'Tag Change on Resource (a key deleted)',
      raw: tagChangeOnResourceEvent(context, ACCOUNT, { env: 'dev' }, ['team']),
      expected: {
        eventId: context.eventId,
        eventName: 'TagChangeOnResource',
        type: 'AccountTagsChanged',
        accountId: ACCOUNT,
        change: { kind: 'replace', tags: { env: 'dev' }, changedKeys: ['team'] },
      },
    },
    {
      name: 'CreateManagedAccount',
      raw: managedAccountEvent(
        context,
        'CreateManagedAccount',
        { accountId: ACCOUNT, accountName: 'vended-001' },
        { id: 'ou-ab12-22222222', name: 'Prod' },
      ),
      expected: {
        eventId: context.eventId,
        eventName: 'CreateManagedAccount',
        type: 'ManagedAccountVended',
        operation: 'CreateManagedAccount',
        lifecycle: 'created',
        state: 'SUCCEEDED',
        accountId: ACCOUNT,
        accountName: 'vended-001',
        ouId: 'ou-ab12-22222222',
        ouName: 'Prod',
        message: 'AWS Control Tower successfully vended a managed account.',
      },
    },
    {
      name: 'CreateOrganizationalUnit',
      raw: apiCallEvent(
        context,
        'CreateOrganizationalUnit',
        { parentId: 'r-ab12', name: 'Team7' },
        { organizationalUnit: { id: 'ou-ab12-33333333', name: 'Team7' } },
      ),
      expected: {
        eventId: context.eventId,
        eventName: 'CreateOrganizationalUnit',
        type: 'OrganizationalUnitCreated',
        ouId: 'ou-ab12-33333333',
        name: 'Team7',
        parentId: 'r-ab12',
      },
    },
  ])('$name', ({ raw, expected }) => {
    it('parses', () => {
      expect(parsed(raw)).toStrictEqual(expected);
    });
  });

  it('a call that failed (errorCode) is ignored', () => {
    const raw = apiCallEvent(
      context,
      'MoveAccount',
      { accountId: ACCOUNT, sourceParentId: 'r-ab12', destinationParentId: 'ou-ab12-11111111' },
      null,
      {
        errorCode: 'ConcurrentModificationException',
        errorMessage: 'try again later',
      },
    );
    expect(parseOrgEvent(raw)).toMatchObject({ kind: 'ignored', reason: 'ApiCallFailed' });
  });
});
