import { readFileSync } from 'node:fs';
import { computeDesiredState, parseGovernanceConfig, parseOrgSnapshot } from '@org/scope-engine';
import { EVIL, EVIL_PRINCIPAL_ID, evilGovernance, evilOrg } from './helpers/evil-org';
import { example, run } from './helpers/run';

const inputs = ['--org', example('org.yaml'), '--config', example('governance.yaml')];
const READ = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
const POWER = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222';
const ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-3333333333333333';
const AUDITORS = 'GROUP,Auditors,90671234-aaaa-bbbb-cccc-111111111111,ReadOnly';

describe('orgctl report --format csv|json (the access matrix)', () => {
  it('prints the example org as CSV on stdout', async () => {
    const result = await run(['report', ...inputs, '--format', 'csv']);
    expect([result.code, result.stderr, result.written.size]).toStrictEqual([0, '', 0]);
    expect(result.stdout).toStrictEqual(
      [
        'principal_type,principal_name,principal_id,permission_set_name,permission_set_arn,account_id,account_name,rule_ids,state',
        `${AUDITORS},${READ},666666666666,data-prod,auditors-readonly prod-auditors,assigned`,
        `${AUDITORS},${READ},444455556666,legacy-tools,auditors-readonly,to create`,
        `${AUDITORS},${READ},222233334444,payments-dev,auditors-readonly,to create`,
        `${AUDITORS},${READ},999988887777,shared-services,auditors-readonly,to create`,
        `GROUP,Developers,90671234-aaaa-bbbb-cccc-222222222222,PowerUser,${POWER},222233334444,payments-dev,dev-developers,assigned`,
        `GROUP,ProdOperators,90671234-aaaa-bbbb-cccc-333333333333,AdministratorAccess,${ADMIN},666666666666,data-prod,prod-operators,to create`,
        '',
      ].join('\r\n'),
    );
  });

  it('lists every principal × permission set × account the desired state grants, and nothing else', async () => {
    const snapshot = parseOrgSnapshot(readFileSync(example('org.yaml'), 'utf8'));
    const config = parseGovernanceConfig(readFileSync(example('governance.yaml'), 'utf8'));
    const expected = computeDesiredState(snapshot, config)
      .flatMap((s) =>
        s.assignments.map((a) =>
          [
            a.principalType,
            a.principalId,
            a.permissionSetArn,
            s.accountId,
            a.ruleIds.join(' '),
          ].join(','),
        ),
      )
      .sort();
    const result = await run(['report', ...inputs, '--format', 'csv']);
    // The example's names hold no comma or quote: every line splits into its nine fields.
    const rows = result.stdout
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    const listed = rows.map(([type, , id, , arn, account, , rules]) =>
      [type, id, arn, account, rules].join(','),
    );
    expect([rows.length, new Set(listed).size]).toStrictEqual([6, 6]);
    expect(listed.sort()).toStrictEqual(expected);
  });

  it('writes JSON to --out and says how many grants it wrote', async () => {
    const result = await run(['report', ...inputs, '--format', 'json', '--out', 'access.json']);
    const json: unknown = JSON.parse(result.written.get('access.json') ?? 'null');
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([
      0,
      'wrote access.json: 6 grants\n',
      '',
    ]);
    expect(json).toMatchObject({ grants: expect.any(Array) });
    expect((json as { grants: unknown[] }).grants[5]).toStrictEqual({
      principalType: 'GROUP',
      principalId: '90671234-aaaa-bbbb-cccc-333333333333',
      principalName: 'ProdOperators',
      permissionSetArn: ADMIN,
      permissionSetName: 'AdministratorAccess',
      accountId: '666666666666',
      accountName: 'data-prod',
      ruleIds: ['prod-operators'],
      state: 'to create',
    });
  });

  it('JSON on stdout holds the same grants as the CSV', async () => {
    const json = await run(['report', ...inputs, '--format', 'json']);
    const csv = await run(['report', ...inputs, '--format', 'csv']);
    const grants = (JSON.parse(json.stdout) as { grants: { accountId: string }[] }).grants;
    const csvAccounts = csv.stdout
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[5]);
    expect(grants.map((g) => g.accountId)).toStrictEqual(csvAccounts);
  });

  it('exports names as data: a <script> name is a plain CSV field', async () => {
    const result = await run(
      ['report', '--org', 'org.yaml', '--config', 'g.yaml', '--format', 'csv'],
      { files: { 'org.yaml': evilOrg(), 'g.yaml': evilGovernance() } },
    );
    expect(result.stdout.split('\r\n').filter((l) => l.includes(EVIL))).toStrictEqual([
      `USER,${EVIL},${EVIL_PRINCIPAL_ID},ReadOnly,${READ},123456789012,${EVIL},evil-grant,to create`,
    ]);
  });

  it('is a usage error to give an unknown --format (exit 2, allowed values listed)', async () => {
    const result = await run(['report', ...inputs, '--format', 'xml', '--out', 'x']);
    expect([result.code, result.stdout, result.stderr, result.written.size]).toStrictEqual([
      2,
      '',
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are html, csv, json.\n(run with --help for usage)\n",
      0,
    ]);
  });

  it('documents the formats in its help', async () => {
    const result = await run(['report', '--help']);
    expect([result.code, result.stdout.replace(/\s+/g, ' ')]).toStrictEqual([
      0,
      expect.stringContaining(
        '--format <format> html: the report page; csv, json: the access matrix (principal × permission set × account) (choices: "html", "csv", "json", default: "html")',
      ),
    ]);
  });
});
