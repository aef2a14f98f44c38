import { example, run } from './helpers/run';

/** The administrator-like grants of the example configuration (warnings, exit 0). */
const ADMIN_WARNINGS = [
  '5 warnings: administrator-like grants someone else can steer',
  '  - line 48: assignmentRules[2].principal: grants administrator-like "PowerUser" to GROUP Developers by name: a principal created later with that name receives it (give its id)',
  '  - line 49: assignmentRules[2].scope: grants administrator-like "PowerUser" through tag env=dev: whoever may tag accounts decides where (list settings.trustedTagPrincipals)',
  '  - line 52: assignmentRules[3].principal: grants administrator-like "AdministratorAccess" to GROUP ProdOperators by name: a principal created later with that name receives it (give its id)',
  '  - line 56: assignmentRules[4].principal: grants administrator-like "AdministratorAccess" to GROUP BreakGlass by name: a principal created later with that name receives it (give its id)',
  '  - line 64: assignmentRules[6].principal: grants administrator-like "AdministratorAccess" to GROUP Admins by name: a principal created later with that name receives it (give its id)',
];

const BAD_CONFIG = [
  'scpRules:',
  '  - id: Baseline',
  '    policies: [DenyLeaveOrg]',
  '    scope: { type: tag, key: env }',
  '  - id: dup',
  '    policies: [X]',
  '    scope: { type: root }',
  'assignmentRules:',
  '  - id: dup',
  '    permissionSet: ReadOnly',
  '    principal: { type: GROUP, name: A }',
  '    scope: { type: ou }',
].join('\n');

describe('orgctl validate', () => {
  it('accepts a valid configuration (exit 0)', async () => {
    expect(await run(['validate', '--config', example('governance.yaml')])).toStrictEqual({
      code: 0,
      stdout: `valid: ${example('governance.yaml')} (5 SCP rules, 2 policy rules, 7 assignment rules, 3 notifications)\n`,
      stderr: [...ADMIN_WARNINGS, ''].join('\n'),
      written: new Map(),
    });
  });

  it('lists names that do not resolve and rules over their slots against --org as warnings, and still exits 0', async () => {
    const result = await run([
      'validate',
      '--config',
      example('governance.yaml'),
      '--org',
      example('org.yaml'),
    ]);
    expect([result.code, result.stderr]).toStrictEqual([
      0,
      [
        ...ADMIN_WARNINGS,
        `4 warnings: against ${example('org.yaml')} (plans skip what they name until it is resolved)`,
        '  - line 13: scpRules[1]: would exceed the SCP slots per target on 1 account (first: 999988887777, p-cccc3333: 10 of 10 SCP slots in use)',
        '  - line 23: scpRules[4].policies[0]: policy "DenyRegionsOutsideEU" not found in the organization',
        '  - line 56: assignmentRules[4].principal: principal GROUP BreakGlass not found in Identity Center',
        '  - line 59: assignmentRules[5].permissionSet: permission set "BillingReadOnly" not found in Identity Center',
        '',
      ].join('\n'),
    ]);
  });

  it('says so when every name resolves', async () => {
    const config = 'scpRules:\n  - { id: a, policies: [DenyLeaveOrg], scope: { type: root } }\n';
    const result = await run(['validate', '--config', 'g.yaml', '--org', example('org.yaml')], {
      files: { 'g.yaml': config },
    });
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([
      0,
      `valid: g.yaml (1 SCP rules, 0 assignment rules, 0 notifications)\nevery name resolves against ${example('org.yaml')}\n`,
      '',
    ]);
  });

  it('lists every problem with its path and line (exit 1)', async () => {
    expect(
      await run(['validate', '--config', 'bad.yaml'], { files: { 'bad.yaml': BAD_CONFIG } }),
    ).toStrictEqual({
      code: 1,
      stdout: '',
      stderr: [
        'error: bad.yaml is not a valid governance configuration: 4 problems',
        '  - line 2: scpRules[0].id: expected an id of 1-64 lowercase letters, digits or "-" ([a-z0-9-]{1,64}); got "Baseline"',
        '  - line 4: scpRules[0].scope.type: unknown scope type "tag" (expected one of: root, ou, account, accountTag)',
        '  - line 9: assignmentRules[0].id: duplicate id "dup" (first used at scpRules[1].id)',
        '  - line 12: assignmentRules[0].scope.id: missing required field',
        '',
      ].join('\n'),
      written: new Map(),
    });
  });

  it('lists the problems of both files when config and snapshot are invalid', async () => {
    const result = await run(['validate', '--config', 'bad.yaml', '--org', 'org.yaml'], {
      files: { 'bad.yaml': 'scpRules: 1\n', 'org.yaml': 'rootId: r-ab12\n' },
    });
    expect([result.code, result.stderr]).toStrictEqual([
      1,
      [
        'error: bad.yaml is not a valid governance configuration: 1 problem; org.yaml is not a valid organization snapshot: 1 problem',
        '  - line 1: scpRules: expected a list, got number 1',
        '  - line 1: managementAccountId: missing required field',
        '',
      ].join('\n'),
    ]);
  });

  it.each([
    [
      'bad YAML',
      'scpRules: [\n',
      'error: c.yaml is not a valid governance configuration: 1 problem\n  - line 2: (document): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n',
    ],
    [
      'an empty file',
      '',
      'error: c.yaml is not a valid governance configuration: 1 problem\n  - (document): the document is empty\n',
    ],
  ])('reports %s as invalid input (exit 1), without a stack trace', async (_name, text, stderr) => {
    const result = await run(['validate', '--config', 'c.yaml'], { files: { 'c.yaml': text } });
    expect([result.code, result.stderr]).toStrictEqual([1, stderr]);
  });

  it.each([
    [
      ['validate'],
      "error: required option '--config <file>' not specified\n(run with --help for usage)\n",
    ],
    [
      ['validate', '--config', 'g.yaml', '--colour'],
      "error: unknown option '--colour'\n(run with --help for usage)\n",
    ],
    [
      ['validate', '--config', '/nonexistent/governance.yaml'],
      'error: cannot read --config file /nonexistent/governance.yaml: no such file\n',
    ],
    [['validate', '--config', '/'], 'error: cannot read --config file /: it is a directory\n'],
    [['frobnicate'], "error: unknown command 'frobnicate'\n(run with --help for usage)\n"],
  ])('treats %j as a usage error (exit 2)', async (args, stderr) => {
    const result = await run(args, { files: { 'g.yaml': '{}' } });
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([2, '', stderr]);
  });
});

describe('orgctl validate: a configuration without rules', () => {
  const warning = (path: string) =>
    `warning: ${path} has no rules: applying it removes every managed policy attachment and assignment (a reconcile or rules apply holds more than settings.maxDestructiveOperations of them until confirmed)\n`;

  it.each([
    ['an empty document', '{}'],
    [
      'empty rule lists with notifications',
      'scpRules: []\nassignmentRules: []\nnotifications:\n  - { id: n, on: [AccountCreated], target: { type: sns, topicArn: "arn:aws:sns:us-east-1:111111111111:t" } }\n',
    ],
  ])('%s: valid (exit 0), with a warning on stderr', async (_label, text) => {
    const result = await run(['validate', '--config', 'g.yaml'], { files: { 'g.yaml': text } });
    expect([result.code, result.stderr]).toStrictEqual([0, warning('g.yaml')]);
  });

  it('a configuration with rules has no such warning', async () => {
    const result = await run(['validate', '--config', 'g.yaml'], {
      files: {
        'g.yaml':
          'assignmentRules:\n  - { id: a, permissionSet: ReadOnly, principal: { type: GROUP, name: A }, scope: { type: root } }\n',
      },
    });
    expect([result.code, result.stderr]).toStrictEqual([0, '']);
  });
});

describe('orgctl --help / --version', () => {
  it('prints the version (exit 0)', async () => {
    expect(await run(['--version'])).toStrictEqual({
      code: 0,
      stdout: '0.1.0\n',
      stderr: '',
      written: new Map(),
    });
  });

  it('lists the commands (exit 0)', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter((l) => /^ {2}(validate|plan|report|pause|resume|status|redrive)\b/.test(l))
        .map((l) => l.trim().split(' ')[0]),
    ).toStrictEqual(['validate', 'plan', 'report', 'pause', 'resume', 'status', 'redrive']);
  });
});
