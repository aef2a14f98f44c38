import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planEventArgs, run } from './helpers/run';

/** The real-shaped samples of the event parser. */
const FIXTURES = join(__dirname, '..', '..', '..', 'packages', 'event-schemas', 'test', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, `${name}.json`), 'utf8');
const WORKER_ROLE = 'arn:aws:iam::111111111111:role/org-governance-worker';

/** The organization the samples name: account 222233334444 under Workloads, its SCP managed. */
const ORG = [
  'managementAccountId: "111111111111"',
  'rootId: r-ab12',
  'organizationalUnits:',
  '  - { id: ou-ab12-11111111, name: Workloads, parentId: r-ab12 }',
  'accounts:',
  '  - { id: "111111111111", name: management, parentId: r-ab12 }',
  '  - { id: "222233334444", name: payments, parentId: ou-ab12-11111111 }',
  'policies:',
  '  - { id: p-FullAWSAccess, name: FullAWSAccess }',
  '  - { id: p-aaaa1111, name: DenyLeaveOrg }',
  '  - { id: p-bbbb2222, name: DenyRegions }',
  'attachments:',
  '  - { targetId: "222233334444", policyId: p-FullAWSAccess }',
  '  - { targetId: "222233334444", policyId: p-aaaa1111, managedBy: [baseline] }',
  '  - { targetId: ou-ab12-11111111, policyId: p-bbbb2222 }',
].join('\n');
const CONFIG = [
  'scpRules:',
  '  - { id: baseline, policies: [DenyLeaveOrg], scope: { type: root } }',
  '  - { id: regions, policies: [DenyRegions], scope: { type: ou, id: ou-ab12-11111111 } }',
].join('\n');
const files = {
  'org.yaml': ORG,
  'governance.yaml': CONFIG,
  'detach-by-person.json': fixture('detach-policy-by-person'),
  'detach-by-product.json': fixture('detach-policy-by-product'),
  'attach-to-ou.json': fixture('attach-policy-ou'),
  'detach-from-ou.json': fixture('attach-policy-ou').replace('"AttachPolicy"', '"DetachPolicy"'),
};
const plan = (event: string, ...extra: string[]) =>
  run([...planEventArgs(event), ...extra], {
    files,
  });

describe('orgctl plan: changes made outside the product', () => {
  it('plans the re-attachment of a managed SCP a person detached from an account', async () => {
    const result = await plan('detach-by-person.json', '--own-role', WORKER_ROLE);
    expect([result.code, JSON.parse(result.stdout), result.stderr]).toStrictEqual([
      0,
      {
        event: { type: 'PolicyChangedOutOfBand', accountId: '222233334444' },
        operations: [
          {
            type: 'attachPolicy',
            policyType: 'SERVICE_CONTROL_POLICY',
            accountId: '222233334444',
            policyId: 'p-aaaa1111',
            ruleIds: ['baseline'],
          },
          {
            type: 'attachPolicy',
            policyType: 'SERVICE_CONTROL_POLICY',
            accountId: '222233334444',
            policyId: 'p-bbbb2222',
            ruleIds: ['regions'],
          },
        ],
        skipped: [],
        ignored: null,
      },
      '',
    ]);
  });

  it.each([
    ['a detach from an OU', 'detach-from-ou.json', [], 'DetachPolicy', 'NotAnAccount'],
    ['an attach to an OU', 'attach-to-ou.json', [], 'AttachPolicy', 'NotAnAccount'],
    [
      "the product's own detach (an assumed-role session of --own-role)",
      'detach-by-product.json',
      ['--own-role', WORKER_ROLE],
      'DetachPolicy',
      'OwnChange',
    ],
  ])('ignores %s (exit 0)', async (_name, event, extra, type, reason) => {
    const result = await plan(event, ...extra);
    expect([result.code, JSON.parse(result.stdout)]).toStrictEqual([
      0,
      { event: { type, accountId: null }, operations: [], skipped: [], ignored: reason },
    ]);
  });

  it('without --own-role, the product role is a caller like any other (its detach is restored)', async () => {
    const result = await plan('detach-by-product.json');
    expect(JSON.parse(result.stdout).event).toStrictEqual({
      type: 'PolicyChangedOutOfBand',
      accountId: '222233334444',
    });
  });

  it('shows the plan as a table', async () => {
    const result = await plan('detach-by-person.json', '--format', 'table');
    expect([result.code, result.stdout.split('\n')[0]]).toStrictEqual([
      0,
      'Plan for PolicyChangedOutOfBand',
    ]);
  });
});
