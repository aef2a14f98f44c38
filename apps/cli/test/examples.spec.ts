import { readdirSync } from 'node:fs';
import { example, run } from './helpers/run';

const eventFiles = readdirSync(example('events'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const plan = (file: string) =>
  run([
    'plan',
    '--org',
    example('org.yaml'),
    '--config',
    example('governance.yaml'),
    '--event',
    example('events', file),
    '--format',
    'json',
  ]);

describe('examples/: orgctl plan on every example event', () => {
  it.each(eventFiles)('%s plans (exit 0)', async (file) => {
    const result = await plan(file);
    expect([result.code, result.stderr]).toStrictEqual([0, '']);
  });

  it('Control Tower CreateManagedAccount and UpdateManagedAccount both notify (AMS case and webhook)', async () => {
    const notifications = async (file: string) =>
      (
        JSON.parse((await plan(file)).stdout) as {
          operations: Array<{ type: string; notificationId?: string; subject?: string }>;
        }
      ).operations
        .filter((op) => op.type === 'notify')
        .map((op) => [op.notificationId, op.subject]);
    const expected = [
      [
        'ams-onboarding',
        'New Account Created via Control Tower - Account ID: 888899990000 || Account Name: analytics-prod',
      ],
      ['cmdb-webhook', 'CreateManagedAccount: account 888899990000 (analytics-prod)'],
    ];
    expect(await notifications('managed-account-vended-create.json')).toStrictEqual(expected);
    expect(await notifications('managed-account-vended-update.json')).toStrictEqual([
      expected[0],
      ['cmdb-webhook', 'UpdateManagedAccount: account 888899990000 (analytics-prod)'],
    ]);
  });

  it.each([
    ['managed-account-vended-failed.json', 'VendingFailed'],
    ['move-account-api-error.json', 'ApiCallFailed'],
  ])('%s is ignored (%s)', async (file, reason) => {
    expect((JSON.parse((await plan(file)).stdout) as { ignored: string }).ignored).toBe(reason);
  });

  it('a tag change env dev→prod removes the developers and adds the auditors', async () => {
    const ops = (
      JSON.parse((await plan('account-tags-changed-tag-on-resource.json')).stdout) as {
        operations: Array<Record<string, unknown>>;
      }
    ).operations;
    expect(
      ops.map((op) => [op['type'], op['policyId'] ?? op['principalId'], op['ruleIds']]),
    ).toStrictEqual([
      ['attachPolicy', 'p-aaaa1111', ['baseline-guardrails', 'payments-extra']],
      ['attachPolicy', 'p-bbbb2222', ['payments-extra', 'prod-backups']],
      ['deleteAssignment', '90671234-aaaa-bbbb-cccc-222222222222', []],
      [
        'createAssignment',
        '90671234-aaaa-bbbb-cccc-111111111111',
        ['auditors-readonly', 'prod-auditors'],
      ],
    ]);
  });
});
