import { ConfigError, formatProblem, parseGovernanceConfig } from '../../src';

/** The formatted problems of a config given as data, or `[]` when it parses. */
function problemsOf(doc: object): string[] {
  try {
    parseGovernanceConfig(doc, 'g.json');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
}

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:hook-AbCdEf';
const TOPIC = 'arn:aws:sns:us-east-1:111111111111:new-accounts';
const rule = (scope: object, extra: object = {}) => ({
  assignmentRules: [
    {
      id: 'r',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'G' },
      scope,
      ...extra,
    },
  ],
});
const notify = (target: object) => ({
  notifications: [{ id: 'n', on: ['AccountCreated'], target }],
});
const webhook = (url: string, more: object = {}) =>
  notify({ type: 'webhook', url, secretArn: SECRET, ...more });

describe('the configuration refuses what is accepted but wrong', () => {
  it.each<[string, object, string[]]>([
    [
      'a zero-width space in a rule tag key (the rule would never match)',
      rule({ type: 'accountTag', key: 'env\u200b', value: 'prod' }),
      [
        'assignmentRules[0].scope.key: contains the invisible character U+200B at character 4; got "env\\u200b"',
      ],
    ],
    [
      'a bidi override in a tag value',
      rule({ type: 'accountTag', key: 'env', value: '\u202eprod' }),
      [
        'assignmentRules[0].scope.value: contains the invisible character U+202E at character 1; got "\\u202eprod"',
      ],
    ],
    [
      'a NUL in a policy name',
      { scpRules: [{ id: 's', policies: ['Deny\u0000'], scope: { type: 'root' } }] },
      [
        'scpRules[0].policies[0]: contains the control character U+0000 at character 5; got "Deny\\u0000"',
      ],
    ],
    [
      'a 900 KB principal name',
      rule({ type: 'root' }, { principal: { type: 'GROUP', name: 'x'.repeat(900_000) } }),
      ['assignmentRules[0].principal.name: must be at most 1024 characters'],
    ],
    [
      'a permission set name longer than 32 characters',
      rule({ type: 'root' }, { permissionSet: 'P'.repeat(33) }),
      [
        `assignmentRules[0].permissionSet: a permission set name is at most 32 characters (or give its ARN); got "${'P'.repeat(33)}"`,
      ],
    ],
    [
      'a webhook to loopback',
      webhook('https://127.0.0.1/hook'),
      [
        'notifications[0].target.url: the destination 127.0.0.1 is a loopback address (always refused)',
      ],
    ],
    [
      'a webhook to the instance metadata address, written as a number',
      webhook('https://2852039166/latest/meta-data'),
      [
        'notifications[0].target.url: the destination 169.254.169.254 is a link-local address (always refused)',
      ],
    ],
    [
      'a webhook to IPv6 link-local, even with allowPrivateNetwork',
      webhook('https://[fe80::1]/', { allowPrivateNetwork: true }),
      [
        'notifications[0].target.url: the destination [fe80::1] is a link-local address (always refused)',
      ],
    ],
    [
      'a webhook to a private address without allowPrivateNetwork',
      webhook('https://10.0.0.7/hook'),
      [
        'notifications[0].target.url: the destination 10.0.0.7 is a private address (set allowPrivateNetwork: true to allow it)',
      ],
    ],
    [
      'a webhook URL with user-info',
      webhook('https://user:pw@hooks.example.com/'),
      [
        'notifications[0].target.url: must not contain user-info (user:password@): put credentials in the secret',
      ],
    ],
    [
      'garbage after a valid secretArn prefix',
      notify({ type: 'webhook', url: 'https://h.example.com/', secretArn: `${SECRET} junk` }),
      [
        `notifications[0].target.secretArn: expected a Secrets Manager secret ARN like arn:aws:secretsmanager:us-east-1:111111111111:secret:name-AbCdEf; got "${SECRET} junk"`,
      ],
    ],
    [
      'an SNS subject that can render past 100 characters',
      notify({ type: 'sns', topicArn: TOPIC, subject: 'Account {accountName} in {ouName}' }),
      [
        'notifications[0].target.subject: can render up to 190 characters with the longest names AWS allows; sns accepts at most 100',
      ],
    ],
    [
      'an SNS subject with a line break',
      notify({ type: 'sns', topicArn: TOPIC, subject: 'New\naccount' }),
      [
        'notifications[0].target.subject: a sns subject must be one line (it contains a line break)',
      ],
    ],
    [
      'a Support case body past 8,000 characters',
      notify({
        type: 'supportCase',
        subject: 's',
        body: `${'b'.repeat(7990)} {ouName}`,
        serviceCode: 'sc',
        categoryCode: 'cc',
      }),
      [
        'notifications[0].target.body: can render up to 8,119 characters with the longest names AWS allows; supportCase accepts at most 8,000',
      ],
    ],
  ])('%s', (_label, doc, problems) => {
    expect(problemsOf(doc)).toStrictEqual(problems);
  });

  it.each([
    ['a public webhook', webhook('https://hooks.example.com/x')],
    [
      'a private webhook with allowPrivateNetwork',
      webhook('https://10.0.0.7/', { allowPrivateNetwork: true }),
    ],
    [
      'an SNS subject that fits',
      notify({ type: 'sns', topicArn: TOPIC, subject: '{eventName}: {accountId}' }),
    ],
    [
      'a tag key with letters of any script',
      rule({ type: 'accountTag', key: 'Umgebung-äöü', value: '本番' }),
    ],
  ])('accepts %s', (_label, doc) => {
    expect(problemsOf(doc)).toStrictEqual([]);
  });
});
