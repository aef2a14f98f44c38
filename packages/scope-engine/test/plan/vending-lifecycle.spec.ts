import { parseGovernanceConfig, planForEvent } from '../../src';
import { account, config, events, org, PROD, snsNotification } from '../helpers/builders';

const VENDED = '666666666666';
const ENROLLED = '777777777777';
const snapshot = org({ accounts: [account(ENROLLED, PROD, { name: 'enrolled-long-ago' })] });

/** The notification ids a plan notifies. */
function notified(plan: ReturnType<typeof planForEvent>): string[] {
  return plan.operations.flatMap((op) => (op.type === 'notify' ? [op.notificationId] : []));
}

describe('notifications on a vending lifecycle', () => {
  const governance = config({
    notifications: [
      snsNotification('on-created', ['ManagedAccountCreated']),
      snsNotification('on-updated', ['ManagedAccountUpdated']),
      snsNotification('on-vended', ['ManagedAccountVended']),
    ],
  });

  it.each([
    ['a CreateManagedAccount', VENDED, 'CreateManagedAccount', ['on-created', 'on-vended']],
    ['an UpdateManagedAccount', VENDED, 'UpdateManagedAccount', ['on-updated', 'on-vended']],
    [
      'an UpdateManagedAccount of an account enrolled before the product',
      ENROLLED,
      'UpdateManagedAccount',
      ['on-updated', 'on-vended'],
    ],
  ] as const)(
    '%s notifies the listeners of its lifecycle',
    (_name, accountId, operation, expected) => {
      const event = events.vended(accountId, PROD, 'SUCCEEDED', operation);
      expect(notified(planForEvent(snapshot, governance, event))).toStrictEqual(expected);
    },
  );

  it('opens no "Created" case for an update under on: [ManagedAccountCreated]', () => {
    const createdOnly = config({
      notifications: [snsNotification('ams-onboarding', ['ManagedAccountCreated'])],
    });
    const update = events.vended(ENROLLED, PROD, 'SUCCEEDED', 'UpdateManagedAccount');
    expect(planForEvent(snapshot, createdOnly, update)).toStrictEqual({
      event: { type: 'ManagedAccountVended', accountId: ENROLLED },
      operations: [],
      skipped: [],
      ignored: null,
    });
  });

  it.each(['ManagedAccountCreated', 'ManagedAccountUpdated', 'ManagedAccountVended'])(
    'governance.yaml accepts on: [%s]',
    (on) => {
      const yaml = [
        'notifications:',
        '  - id: n',
        `    on: [${on}]`,
        '    target: { type: sns, topicArn: "arn:aws:sns:us-east-1:111111111111:t" }',
      ].join('\n');
      expect(parseGovernanceConfig(yaml).notifications.map((n) => n.on)).toStrictEqual([[on]]);
    },
  );

  it('governance.yaml refuses an unknown on value, naming the accepted ones', () => {
    const yaml = [
      'notifications:',
      '  - id: n',
      '    on: [ManagedAccountEnrolled]',
      '    target: { type: sns, topicArn: "arn:aws:sns:us-east-1:111111111111:t" }',
    ].join('\n');
    expect(() => parseGovernanceConfig(yaml)).toThrow(/ManagedAccountCreated/);
  });
});
