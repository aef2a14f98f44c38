import type { DomainEvent, EventMeta } from '@org/event-schemas';
import { parseGovernanceConfig, parseOrgSnapshot, planForEvent } from '@org/scope-engine';
import { exampleDocument } from '../support/examples';

const snapshot = parseOrgSnapshot(exampleDocument('org.yaml').text);
const config = parseGovernanceConfig({
  notifications: [
    {
      id: 'topic',
      on: ['AccountCreated', 'ManagedAccountVended'],
      target: {
        // A webhook: its subject has no length limit (an SNS subject with {ouName} could pass 100).
        type: 'webhook',
        url: 'https://hooks.example.com/accounts',
        secretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:hook-AbCdEf',
        subject: 'New {accountName} ({accountId}) in {ouName}',
        body: '{eventName}: {accountId}/{accountName}/{ouId}/{ouName}',
      },
    },
  ],
});

const meta = (eventName: string): EventMeta => ({
  eventId: '0d1f7a2c-7b5e-4e0b-9d0c-9a4f3d1e2b3c',
  source: eventName === 'CreateAccountResult' ? 'aws.organizations' : 'aws.controltower',
  detailType: 'AWS Service Event via CloudTrail',
  eventName,
  time: '2026-11-01T10:00:00Z',
  region: 'us-east-1',
});

/** Names that look like placeholders or template syntax of other engines. */
const LOOKALIKES = [
  '{accountId}',
  '{{ouId}}',
  '{eventName}{ouName}',
  '${accountId}',
  '{{{accountName}}}',
  '%s %n',
];

describe('notification templates are filled once: names that look like placeholders stay text', () => {
  it.each(LOOKALIKES)('an account created with the name %j', (name) => {
    const event: DomainEvent = {
      type: 'AccountCreated',
      accountId: '123456789013',
      accountName: name,
      meta: meta('CreateAccountResult'),
    };
    expect(
      planForEvent(snapshot, config, event).operations.filter((op) => op.type === 'notify'),
    ).toStrictEqual([
      {
        type: 'notify',
        accountId: '123456789013',
        notificationId: 'topic',
        targetType: 'webhook',
        subject: `New ${name} (123456789013) in Root`,
        body: `CreateAccountResult: 123456789013/${name}/r-ab12/Root`,
      },
    ]);
  });

  it.each(LOOKALIKES)('a Control Tower vending into an OU named %j', (ouName) => {
    const event: DomainEvent = {
      type: 'ManagedAccountVended',
      operation: 'CreateManagedAccount',
      lifecycle: 'created',
      state: 'SUCCEEDED',
      accountId: '123456789014',
      accountName: 'vended',
      ouId: 'ou-ab12-22222222',
      ouName,
      message: null,
      meta: meta('CreateManagedAccount'),
    };
    const notify = planForEvent(snapshot, config, event).operations.filter(
      (op) => op.type === 'notify',
    );
    expect(notify.map((op) => [op.subject, op.body])).toStrictEqual([
      [
        `New vended (123456789014) in ${ouName}`,
        `CreateManagedAccount: 123456789014/vended/ou-ab12-22222222/${ouName}`,
      ],
    ]);
  });
});
