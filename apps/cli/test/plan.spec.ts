import { parseOrgSnapshot, parseGovernanceConfig, planReconcile } from '@org/scope-engine';
import { organizationsEvent } from '@org/scope-engine/testing';
import { readFileSync } from 'node:fs';
import { example, EXAMPLE_INPUTS, planEventArgs, run } from './helpers/run';

const ORG = [
  'managementAccountId: "111111111111"',
  'rootId: r-ab12',
  'organizationalUnits:',
  '  - { id: ou-ab12-11111111, name: Workloads, parentId: r-ab12 }',
  'accounts:',
  '  - { id: "111111111111", name: management, parentId: r-ab12 }',
  '  - { id: "222222222222", name: app, parentId: ou-ab12-11111111, tags: { env: prod } }',
  'policies:',
  '  - { id: p-FullAWSAccess, name: FullAWSAccess }',
  '  - { id: p-aaaa1111, name: DenyLeaveOrg }',
  'permissionSets:',
  '  - { name: ReadOnly, arn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1" }',
  'principals:',
  '  - { type: GROUP, name: Auditors, id: g-1 }',
  'attachments:',
  '  - { targetId: "222222222222", policyId: p-FullAWSAccess }',
].join('\n');
const CONFIG = [
  'scpRules:',
  '  - { id: baseline, policies: [DenyLeaveOrg], scope: { type: root } }',
  'assignmentRules:',
  '  - { id: auditors, permissionSet: ReadOnly, principal: { type: GROUP, name: Auditors }, scope: { type: accountTag, key: env } }',
  '  - { id: ghosts, permissionSet: ReadOnly, principal: { type: GROUP, name: Ghosts }, scope: { type: root } }',
].join('\n');
const files = { 'org.yaml': ORG, 'governance.yaml': CONFIG };
const reconcile = ['plan', '--org', 'org.yaml', '--config', 'governance.yaml', '--reconcile'];

const EXPECTED_PLAN = {
  event: null,
  operations: [
    {
      type: 'attachPolicy',
      policyType: 'SERVICE_CONTROL_POLICY',
      accountId: '222222222222',
      policyId: 'p-aaaa1111',
      ruleIds: ['baseline'],
    },
    {
      type: 'createAssignment',
      accountId: '222222222222',
      permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
      principalType: 'GROUP',
      principalId: 'g-1',
      ruleIds: ['auditors'],
    },
  ],
  skipped: [
    {
      accountId: '111111111111',
      ruleId: 'baseline',
      reason: 'ManagementAccount',
      detail: 'SCPs never target the management account',
    },
    {
      accountId: '111111111111',
      ruleId: 'ghosts',
      reason: 'ManagementAccount',
      detail: 'includeManagementAccount is false',
    },
    {
      accountId: '222222222222',
      ruleId: 'ghosts',
      reason: 'PrincipalNotFound',
      detail: 'GROUP Ghosts',
    },
  ],
  ignored: null,
};

describe('orgctl plan --reconcile', () => {
  it('prints the plan as JSON when stdout is not a terminal', async () => {
    const result = await run(reconcile, { files });
    expect([result.code, JSON.parse(result.stdout), result.stderr]).toStrictEqual([
      0,
      EXPECTED_PLAN,
      '',
    ]);
    expect(result.stdout).toBe(`${JSON.stringify(EXPECTED_PLAN, null, 2)}\n`);
  });

  it('prints an aligned table with --format table (no colour off a terminal)', async () => {
    const result = await run([...reconcile, '--format', 'table'], { files });
    expect([result.code, result.stdout]).toStrictEqual([
      0,
      [
        'Reconcile plan for 2 accounts',
        '',
        'Operations (2)',
        'ACCOUNT             OPERATION         TARGET                      RULES',
        '222222222222 (app)  attachPolicy      p-aaaa1111 (DenyLeaveOrg)   baseline',
        '222222222222 (app)  createAssignment  ReadOnly -> GROUP Auditors  auditors',
        '',
        'Skipped (3)',
        'ACCOUNT                    RULE      REASON             DETAIL',
        '111111111111 (management)  baseline  ManagementAccount  SCPs never target the management account',
        '111111111111 (management)  ghosts    ManagementAccount  includeManagementAccount is false',
        '222222222222 (app)         ghosts    PrincipalNotFound  GROUP Ghosts',
        '',
        '2 operations (1 attachPolicy, 1 createAssignment), 3 skipped.',
        '',
      ].join('\n'),
    ]);
  });

  it('defaults to a coloured table on a terminal, and honours NO_COLOR', async () => {
    const tty = await run(reconcile, { files, tty: true });
    const plain = await run(reconcile, { files, tty: true, env: { NO_COLOR: '1' } });
    const table = await run([...reconcile, '--format', 'table'], { files });
    expect(tty.stdout).toContain('\u001b[32mattachPolicy');
    expect(plain.stdout).toBe(table.stdout);
  });

  it('matches the engine on the examples', async () => {
    const result = await run(['plan', ...EXAMPLE_INPUTS, '--reconcile', '--format', 'json']);
    const snapshot = parseOrgSnapshot(readFileSync(example('org.yaml'), 'utf8'));
    const config = parseGovernanceConfig(readFileSync(example('governance.yaml'), 'utf8'));
    expect([result.code, JSON.parse(result.stdout)]).toStrictEqual([
      0,
      planReconcile(snapshot, config),
    ]);
  });
});

describe('orgctl plan --event', () => {
  /** `plan --event <event>` against the test organization and configuration. */
  const plan = (event: string, extra: Record<string, string> = {}) =>
    run([...planEventArgs(event), '--format', 'json'], { files: { ...files, ...extra } });

  it('plans a raw event for its account only', async () => {
    const move = organizationsEvent('e-1', 'AWS API Call via CloudTrail', {
      eventName: 'MoveAccount',
      requestParameters: {
        accountId: '222222222222',
        sourceParentId: 'ou-ab12-11111111',
        destinationParentId: 'r-ab12',
      },
    });
    const result = await plan('move.json', { 'move.json': JSON.stringify(move) });
    expect([result.code, JSON.parse(result.stdout), result.stderr]).toStrictEqual([
      0,
      {
        event: { type: 'AccountMoved', accountId: '222222222222' },
        operations: EXPECTED_PLAN.operations,
        skipped: [EXPECTED_PLAN.skipped[2]],
        ignored: null,
      },
      '',
    ]);
  });

  it('prints an ignored event as an ignored plan (exit 0)', async () => {
    const result = await plan(example('events', 'move-account-api-error.json'));
    expect([result.code, JSON.parse(result.stdout)]).toStrictEqual([
      0,
      {
        event: { type: 'MoveAccount', accountId: null },
        operations: [],
        skipped: [],
        ignored: 'ApiCallFailed',
      },
    ]);
  });

  it('shows the ignored reason in the table', async () => {
    const result = await run(
      [...planEventArgs(example('events', 'move-account-api-error.json')), '--format', 'table'],
      { files },
    );
    expect(result.stdout).toBe('Plan for MoveAccount\n\nIgnored: ApiCallFailed (no operations)\n');
  });

  it('rejects a malformed event naming the event and every JSON path (exit 1)', async () => {
    const bad = organizationsEvent('e-2', 'AWS API Call via CloudTrail', {
      eventName: 'MoveAccount',
      requestParameters: { accountId: '22', destinationParentId: 'x' },
    });
    const result = await plan('bad.json', { 'bad.json': JSON.stringify(bad) });
    expect([result.code, result.stdout]).toStrictEqual([1, '']);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: bad.json: event e-2 (MoveAccount) is malformed: 3 problems',
    );
    expect(result.stderr).toContain(
      '  - $.detail.requestParameters.accountId: expected a 12-digit AWS account id\n',
    );
  });

  it('rejects a file that is not JSON (exit 1)', async () => {
    const result = await plan('e.json', { 'e.json': '{ nope' });
    expect([
      result.code,
      result.stderr.startsWith('error: e.json is not valid JSON: '),
    ]).toStrictEqual([1, true]);
  });

  it('plans a move into an OU the snapshot lacks with what is known (exit 0)', async () => {
    const moved = readFileSync(example('events', 'account-moved.json'), 'utf8')
      .replace('"222233334444"', '"222222222222"')
      .replace('"ou-ab12-11111111"', '"ou-ab12-99999999"');
    const result = await plan('m.json', {
      'm.json': moved,
      'governance.yaml': `${CONFIG}\n  - { id: workloads, permissionSet: ReadOnly, principal: { type: GROUP, name: Auditors }, scope: { type: ou, id: ou-ab12-11111111 } }`,
    });
    const planned = JSON.parse(result.stdout) as { skipped: { ruleId: string; reason: string }[] };
    expect([result.code, result.stderr, planned.skipped]).toStrictEqual([
      0,
      '',
      [
        {
          accountId: '222222222222',
          ruleId: 'ghosts',
          reason: 'PrincipalNotFound',
          detail: 'GROUP Ghosts',
        },
        {
          accountId: '222222222222',
          ruleId: 'workloads',
          reason: 'NotInSnapshot',
          detail:
            'the snapshot does not know whether OU ou-ab12-99999999 (not in the snapshot) is below ou-ab12-11111111 (refresh the snapshot)',
        },
      ],
    ]);
  });
});

describe('orgctl plan: usage errors (exit 2)', () => {
  it.each([
    [
      ['plan', '--org', 'org.yaml', '--config', 'governance.yaml'],
      'error: give exactly one of --event <file> or --reconcile\n',
    ],
    [
      [
        'plan',
        '--org',
        'org.yaml',
        '--config',
        'governance.yaml',
        '--reconcile',
        '--event',
        'e.json',
      ],
      'error: give exactly one of --event <file> or --reconcile\n',
    ],
    [
      ['plan', '--config', 'governance.yaml', '--reconcile'],
      "error: required option '--org <file>' not specified\n(run with --help for usage)\n",
    ],
    [
      [...reconcile, '--format', 'yaml'],
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are json, table.\n(run with --help for usage)\n",
    ],
    [
      ['plan', '--org', 'missing.yaml', '--config', 'governance.yaml', '--reconcile'],
      'error: cannot read --org file missing.yaml: no such file\n',
    ],
  ])('%j', async (args, stderr) => {
    const result = await run(args, { files: { ...files, 'e.json': '{}' }, env: {} });
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([2, '', stderr]);
  });
});
