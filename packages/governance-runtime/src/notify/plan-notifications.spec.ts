import type { DomainEvent, EventMeta, ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import { AccountNotVisibleError } from '../errors';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { planEvent } from '../process/plan-event';
import { planNotifications } from './plan-notifications';
import {
  DEFAULT_SETTINGS,
  MANAGEMENT_ACCOUNT,
  WORKLOADS_OU,
  WORKLOADS_APP,
  orgSnapshot,
} from '../../test/support/org-fixtures';
import { eventMeta } from '../../test/support/event-fixtures';

const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: [WORKLOADS_OU],
  accounts: [
    MANAGEMENT_ACCOUNT,
    WORKLOADS_APP,
    { id: '333333333333', name: 'old', parentId: 'r-ab12', status: 'SUSPENDED', tags: {} },
  ],
});

const TOPIC = { type: 'sns' as const, topicArn: 'arn:aws:sns:us-east-1:111111111111:t' };

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [],
  assignmentRules: [],
  notifications: [
    { id: 'vended', on: ['ManagedAccountVended'], target: TOPIC },
    { id: 'joined', on: ['AccountJoined', 'CreateAccountFailed'], target: TOPIC },
  ],
};

const meta = (eventName: string): EventMeta =>
  eventMeta(eventName, {
    detailType: 'AWS Service Event via CloudTrail',
    time: '2026-11-01T10:00:00Z',
  });

const vended = (state: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS', accountId: string | null) =>
  ({
    type: 'ManagedAccountVended',
    operation: 'CreateManagedAccount',
    lifecycle: 'created',
    state,
    accountId,
    accountName: 'app',
    ouId: 'ou-ab12-aaaaaaaa',
    ouName: 'Workloads',
    message: null,
    meta: meta('CreateManagedAccount'),
  }) satisfies DomainEvent;

const notify = (accountId: string, notificationId: string, subject: string, body: string) => ({
  type: 'notify',
  accountId,
  notificationId,
  targetType: 'sns',
  subject,
  body,
});

interface Case {
  readonly name: string;
  readonly outcome: Exclude<ParseOutcome, { kind: 'error' }>;
  readonly expected: { operations: unknown[]; ignored: string | null; reads: number };
}

const event = (e: DomainEvent): Exclude<ParseOutcome, { kind: 'error' }> => ({
  kind: 'event',
  event: e,
});

const cases: Case[] = [
  {
    name: 'a successful vending notifies, with the OU the event names',
    outcome: event(vended('SUCCEEDED', '222222222222')),
    expected: {
      operations: [
        notify(
          '222222222222',
          'vended',
          'CreateManagedAccount: account 222222222222 (app)',
          'Account 222222222222 (app) in OU ou-ab12-aaaaaaaa (Workloads): CreateManagedAccount.',
        ),
      ],
      ignored: null,
      reads: 1,
    },
  },
  {
    name: 'a joined account is named from Organizations',
    outcome: event({
      type: 'AccountJoined',
      accountId: '222222222222',
      meta: meta('AcceptHandshake'),
    }),
    expected: {
      operations: [
        notify(
          '222222222222',
          'joined',
          'AcceptHandshake: account 222222222222 (app)',
          'Account 222222222222 (app) in OU ou-ab12-aaaaaaaa (Workloads): AcceptHandshake.',
        ),
      ],
      ignored: null,
      reads: 1,
    },
  },
  {
    name: 'a failed account creation notifies without reading anything',
    outcome: event({
      type: 'CreateAccountFailed',
      accountName: 'new',
      failureReason: 'EMAIL_ALREADY_EXISTS',
      meta: meta('CreateAccountResult'),
    }),
    expected: {
      operations: [
        notify(
          'unknown',
          'joined',
          'CreateAccountResult: account unknown (new)',
          'Account unknown (new) in OU unknown (unknown): CreateAccountResult.',
        ),
      ],
      ignored: null,
      reads: 0,
    },
  },
  {
    name: 'an event no notification listens to reads nothing',
    outcome: event({
      type: 'AccountCreated',
      accountId: '222222222222',
      accountName: 'app',
      meta: meta('CreateAccountResult'),
    }),
    expected: { operations: [], ignored: null, reads: 0 },
  },
  {
    name: 'a suspended account is not notified',
    outcome: event({
      type: 'AccountJoined',
      accountId: '333333333333',
      meta: meta('AcceptHandshake'),
    }),
    expected: { operations: [], ignored: null, reads: 1 },
  },
  {
    name: 'a failed vending is ignored (the failure topic has it)',
    outcome: event(vended('FAILED', null)),
    expected: { operations: [], ignored: 'VendingFailed', reads: 0 },
  },
  {
    name: 'a vending in progress is ignored',
    outcome: event(vended('IN_PROGRESS', '222222222222')),
    expected: { operations: [], ignored: 'VendingInProgress', reads: 0 },
  },
  {
    name: 'a successful vending without an account id is ignored',
    outcome: event(vended('SUCCEEDED', null)),
    expected: { operations: [], ignored: 'NotAnAccount', reads: 0 },
  },
  {
    name: 'an ignored event keeps the parser’s reason',
    outcome: {
      kind: 'ignored',
      reason: 'UnhandledEventName',
      eventId: 'evt-x',
      eventName: 'CreatePolicy',
      detail: 'not handled',
    },
    expected: { operations: [], ignored: 'UnhandledEventName', reads: 0 },
  },
];

/** The in-memory organization, counting structure reads. */
function countingOrganization() {
  const org = new InMemoryOrganization(ORG);
  let reads = 0;
  return {
    org,
    reads: () => reads,
    organizations: {
      readAccountStructure: (accountId: string) => {
        reads += 1;
        return org.readAccountStructure(accountId);
      },
    },
  };
}

describe('planNotifications', () => {
  it.each(cases)('$name', async ({ outcome, expected }) => {
    const counting = countingOrganization();
    const plan = await planNotifications(outcome, CONFIG, counting);
    expect({
      operations: plan.operations,
      ignored: plan.ignored,
      reads: counting.reads(),
    }).toStrictEqual(expected);
  });

  it.each(cases)('plans the same notifications as planEvent: $name', async ({ outcome }) => {
    const counting = countingOrganization();
    const full = await planEvent(outcome, CONFIG, {
      organizations: counting.org,
      identityCenter: counting.org,
      directory: counting.org,
      provisionedState: new InMemoryProvisionedState(),
    });
    const plan = await planNotifications(outcome, CONFIG, counting);
    expect(plan.operations).toStrictEqual(full.operations.filter((op) => op.type === 'notify'));
  });

  it('retries a vending whose account is not visible yet', async () => {
    const counting = countingOrganization();
    await expect(
      planNotifications(event(vended('SUCCEEDED', '444444444444')), CONFIG, counting),
    ).rejects.toStrictEqual(new AccountNotVisibleError('444444444444', 'ManagedAccountVended'));
  });
});
