import type { DomainEvent } from '@org/event-schemas';
import { parseGovernanceConfig, parseOrgSnapshot, planForEvent } from '@org/scope-engine';
import { TERMINAL_PAYLOADS } from '@org/scope-engine/testing';
import { exampleDocument } from '../support/examples';
import { rawControlIn } from '../support/parse-invariants';

const snapshot = parseOrgSnapshot(exampleDocument('org.yaml').text);
const config = parseGovernanceConfig(exampleDocument('governance.yaml').text);

describe('notification subjects and bodies carry no control or bidi characters from names', () => {
  it.each(TERMINAL_PAYLOADS)('an account created with the name %j', (name) => {
    const event: DomainEvent = {
      type: 'AccountCreated',
      accountId: '123456789013',
      accountName: name,
      meta: {
        eventId: 'e',
        source: 'aws.organizations',
        detailType: 'AWS Service Event via CloudTrail',
        eventName: 'CreateAccountResult',
        time: '2026-11-01T10:00:00Z',
        region: 'us-east-1',
      },
    };
    const notify = planForEvent(snapshot, config, event).operations.filter(
      (op) => op.type === 'notify',
    );
    expect(notify.map((op) => [rawControlIn(op.subject), rawControlIn(op.body)])).toStrictEqual([
      [undefined, undefined],
    ]);
  });
});
