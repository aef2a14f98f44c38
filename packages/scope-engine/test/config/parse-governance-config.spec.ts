import { ConfigError, formatProblem, parseGovernanceConfig, type Problem } from '../../src';

/** The problems a config raises, or `[]` when it parses. */
function problemsOf(text: string, source = 'governance.yaml'): Problem[] {
  try {
    parseGovernanceConfig(text, source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('parseGovernanceConfig', () => {
  it('applies every default (SPEC §5)', () => {
    const text = [
      'scpRules:',
      '  - id: baseline',
      '    policies: [DenyLeaveOrg]',
      '    scope: { type: ou, id: ou-ab12-11111111 }',
      'assignmentRules:',
      '  - id: auditors',
      '    permissionSet: ReadOnly',
      '    principal: { type: GROUP, id: 9067-x }',
      '    scope: { type: accountTag, key: env }',
      'notifications:',
      '  - id: ams',
      '    on: [ManagedAccountVended]',
      '    target: { type: supportCase, subject: "s {accountId}", body: b, serviceCode: sc, categoryCode: cc }',
    ].join('\n');
    expect(parseGovernanceConfig(text, 'governance.yaml')).toStrictEqual({
      settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
      scpRules: [
        {
          id: 'baseline',
          policies: ['DenyLeaveOrg'],
          scope: { type: 'ou', id: 'ou-ab12-11111111', includeDescendants: true },
          exclude: { accounts: [], ous: [] },
        },
      ],
      assignmentRules: [
        {
          id: 'auditors',
          permissionSet: 'ReadOnly',
          principal: { type: 'GROUP', id: '9067-x' },
          scope: { type: 'accountTag', key: 'env' },
          exclude: { accounts: [], ous: [] },
        },
      ],
      notifications: [
        {
          id: 'ams',
          on: ['ManagedAccountVended'],
          target: {
            type: 'supportCase',
            subject: 's {accountId}',
            body: 'b',
            serviceCode: 'sc',
            categoryCode: 'cc',
            severityCode: 'low',
          },
        },
      ],
    });
  });

  it.each([
    ['an empty rules section (YAML null)', 'scpRules:\nnotifications:\n'],
    ['JSON text', '{"settings": {"maxScpsPerTarget": 5}}'],
  ])('accepts %s', (_name, text) => {
    expect(() => parseGovernanceConfig(text, 'g')).not.toThrow();
  });

  it('accepts already parsed data', () => {
    expect(
      parseGovernanceConfig({ settings: { includeManagementAccount: true } }).settings,
    ).toStrictEqual({
      maxScpsPerTarget: 10,
      includeManagementAccount: true,
    });
  });

  it('lists every problem at once, with its path and line', () => {
    const text = [
      'settings:', //                                             1
      '  maxScpsPerTarget: 0', //                                 2
      '  colour: blue', //                                        3
      'scpRules:', //                                             4
      '  - id: Baseline_Guardrails', //                           5
      '    policies: [DenyLeaveOrg]', //                          6
      '    scope: { type: root }', //                             7
      '  - id: prod', //                                          8
      '    policies: []', //                                      9
      '    scope: { type: tag, key: env }', //                    10
      '    exlude: { accounts: ["1"] }', //                       11
      'assignmentRules:', //                                      12
      '  - id: prod', //                                          13
      '    permissionSet: ReadOnly', //                           14
      '    principal: { type: ROLE, name: x, id: y }', //         15
      '    scope: { type: account, id: 222222222222 }', //        16
      '  - id: no-scope', //                                      17
      '    principal: { type: USER, name: jdoe }', //             18
      'notifications:', //                                        19
      '  - id: hook', //                                          20
      '    on: [AccountMoved]', //                                21
      '    target: { type: webhook, url: "http://x", secretArn: arn:aws:secretsmanager:us-east-1:111111111111:secret:s, body: "{region}" }', // 22
      'extra: 1', //                                              23
    ].join('\n');
    expect(problemsOf(text).map(formatProblem)).toStrictEqual([
      'line 2: settings.maxScpsPerTarget: must be at least 1; got number 0',
      'line 3: settings.colour: unknown field "colour"',
      'line 5: scpRules[0].id: expected an id of 1-64 lowercase letters, digits or "-" ([a-z0-9-]{1,64}); got "Baseline_Guardrails"',
      'line 9: scpRules[1].policies: must list at least 1 item(s)',
      'line 10: scpRules[1].scope.type: unknown scope type "tag" (expected one of: root, ou, account, accountTag)',
      'line 11: scpRules[1].exlude: unknown field "exlude"',
      'line 13: assignmentRules[0].id: duplicate id "prod" (first used at scpRules[1].id)',
      'line 15: assignmentRules[0].principal.type: expected one of: USER, GROUP; got "ROLE"',
      'line 15: assignmentRules[0].principal: give exactly one of "name" or "id"; got a mapping',
      'line 16: assignmentRules[0].scope.id: expected a string, got number 222222222222 (write it in quotes: YAML reads unquoted digits as a number)',
      'line 17: assignmentRules[1].permissionSet: missing required field',
      'line 17: assignmentRules[1].scope: missing required field',
      'line 21: notifications[0].on[0]: expected one of: ManagedAccountVended, ManagedAccountCreated, ManagedAccountUpdated, AccountCreated, AccountJoined, CreateAccountFailed; got "AccountMoved"',
      'line 22: notifications[0].target.url: expected an https:// URL; got "http://x"',
      'line 22: notifications[0].target.body: unknown placeholder {region} (allowed: {accountId}, {accountName}, {ouId}, {ouName}, {eventName})',
      'line 23: extra: unknown field "extra"',
    ]);
  });

  it('reports duplicate ids across rules and notifications, bad placeholders and repeated policies', () => {
    const text = [
      'scpRules:',
      '  - { id: shared, policies: [A, A], scope: { type: root } }',
      'assignmentRules:',
      '  - { id: shared, permissionSet: P, principal: { type: GROUP, name: G }, scope: { type: root } }',
      'notifications:',
      '  - id: shared',
      '    on: [AccountCreated]',
      '    target: { type: sns, topicArn: "arn:aws:sns:us-east-1:111111111111:t", subject: "{acountId}" }',
    ].join('\n');
    expect(problemsOf(text)).toStrictEqual([
      { path: 'scpRules[0].policies[1]', message: 'policy "A" is listed twice', line: 2 },
      {
        path: 'assignmentRules[0].id',
        message: 'duplicate id "shared" (first used at scpRules[0].id)',
        line: 4,
      },
      {
        path: 'notifications[0].id',
        message: 'duplicate id "shared" (first used at scpRules[0].id)',
        line: 6,
      },
      {
        path: 'notifications[0].target.subject',
        message:
          'unknown placeholder {acountId} (allowed: {accountId}, {accountName}, {ouId}, {ouName}, {eventName})',
        line: 8,
      },
    ]);
  });

  it.each([
    [
      'YAML syntax',
      'scpRules: [\n',
      'line 2: (document): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['an empty document', '# nothing\n', '(document): the document is empty'],
    ['a list at the top', '- a\n', 'line 1: (document): expected a mapping, got a list'],
  ])('reports %s as one problem', (_name, text, expected) => {
    expect(problemsOf(text).map(formatProblem)).toStrictEqual([expected]);
  });

  it('reports JSON syntax errors with the line', () => {
    const problems = problemsOf('{\n  "scpRules": [\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message.startsWith('invalid JSON: ')).toBe(true);
  });

  it('keeps the zod error as the cause and names the source in the message', () => {
    let caught: unknown;
    try {
      parseGovernanceConfig('scpRules: 3\n', 'gov.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect([error.code, error.source, error.message]).toStrictEqual([
      'CONFIG_INVALID',
      'gov.yaml',
      'gov.yaml is not a valid governance configuration: 1 problem\n  - line 1: scpRules: expected a list, got number 3',
    ]);
    expect(error.cause).toBeDefined();
  });
});
