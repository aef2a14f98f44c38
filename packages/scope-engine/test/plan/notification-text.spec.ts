import type { DomainEvent } from '@org/event-schemas';
import { notifyOperations, plainText, type NotifyOperation } from '../../src';
import { ACCT, config, events, meta, ROOT, snsNotification } from '../helpers/builders';

describe.each<[string, string, string]>([
  ['plain text is unchanged', 'Payments Prod – ünïcode 🚀', 'Payments Prod – ünïcode 🚀'],
  ['CR LF become spaces (no header injection)', 'prod\r\nBcc: x@evil', 'prod  Bcc: x@evil'],
  ['ESC and BEL become spaces', 'a\u001b[2J\u0007b', 'a [2J b'],
  ['TAB, NUL and DEL become spaces', 'a\tb\u0000c\u007fd', 'a b c d'],
  ['C1 controls (8-bit CSI) become spaces', 'a\u009b2Jb\u0085c', 'a 2Jb c'],
  ['line and paragraph separators become spaces', 'a\u2028b\u2029c', 'a b c'],
  [
    'bidi overrides, isolates and marks are dropped',
    'inv\u202egpj\u2066x\u2069\u200e.exe',
    'invgpjx.exe',
  ],
])('plainText: %s', (_name, input, expected) => {
  it('returns the expected text', () => {
    expect(plainText(input)).toStrictEqual(expected);
  });
});

const names = { rootId: ROOT, ouName: () => undefined };
const notification = {
  ...snsNotification('n', ['AccountCreated', 'ManagedAccountVended']),
  target: {
    type: 'sns' as const,
    topicArn: 'arn:aws:sns:us-east-1:111111111111:t',
    subject: 'New {accountName} in {ouName}',
    body: '{accountName} / {ouName} ({ouId}) {eventName}',
  },
};
const notify = (subject: string, body: string): NotifyOperation => ({
  type: 'notify',
  accountId: ACCT,
  notificationId: 'n',
  targetType: 'sns',
  subject,
  body,
});
const vended = (accountName: string, ouName: string): DomainEvent => ({
  type: 'ManagedAccountVended',
  operation: 'CreateManagedAccount',
  lifecycle: 'created',
  state: 'SUCCEEDED',
  accountId: ACCT,
  accountName,
  ouId: 'ou-ab12-11111111',
  ouName,
  message: null,
  meta: meta('CreateManagedAccount', 'aws.controltower'),
});

describe.each<[string, DomainEvent, NotifyOperation]>([
  [
    'control characters in the account name do not break the subject line',
    events.created(ACCT, 'evil\r\nX-Injected: 1\u001b]8;;http://x\u0007'),
    notify(
      'New evil  X-Injected: 1 ]8;;http://x  in Root',
      'evil  X-Injected: 1 ]8;;http://x  / Root (r-ab12) CreateAccountResult',
    ),
  ],
  [
    'bidi overrides in the OU name are dropped, C1 becomes a space',
    vended('acct\u0085name', 'Pay\u202eyaP\u2069'),
    notify('New acct name in PayyaP', 'acct name / PayyaP (ou-ab12-11111111) CreateManagedAccount'),
  ],
  [
    'a value that looks like a placeholder is not expanded again',
    events.created(ACCT, '{ouId}\n{eventName}'),
    notify(
      'New {ouId} {eventName} in Root',
      '{ouId} {eventName} / Root (r-ab12) CreateAccountResult',
    ),
  ],
])('notifyOperations: %s', (_name, event, expected) => {
  it('renders sanitized placeholder values into the templates', () => {
    const account = {
      id: ACCT,
      name: 'stale',
      parentId: ROOT,
      status: 'ACTIVE' as const,
      tags: {},
    };
    expect(
      notifyOperations(event, account, config({ notifications: [notification] }), names),
    ).toStrictEqual([expected]);
  });
});
