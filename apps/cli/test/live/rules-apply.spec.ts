import type { GovernanceConfig, Plan } from '@org/scope-engine';
import { run } from '../helpers/run';
import { seedLiveOrg, sortedView, TABLES, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

// DynamoDB Local has no tagging, so its rules table cannot carry the deployment's grants: these
// runs skip the check (deployment-grants.live.spec.ts runs it on moto's DynamoDB).
const rulesApply = (live: LiveOrg, file: string, ...extra: string[]) => [
  'rules',
  'apply',
  '--config',
  file,
  '--table',
  TABLES.rules,
  ...live.connectionArgs,
  '--format',
  'json',
  '--skip-grant-check',
  ...extra,
];

/** The configuration with its rules in id order (the rules table returns them so). */
function byId(config: GovernanceConfig): GovernanceConfig {
  const order = <T extends { readonly id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...config,
    scpRules: order(config.scpRules),
    ...(config.policyRules === undefined ? {} : { policyRules: order(config.policyRules) }),
    assignmentRules: order(config.assignmentRules),
    notifications: order(config.notifications),
  };
}

describe('orgctl rules apply against moto and DynamoDB Local', () => {
  let live: LiveOrg;
  let v2: GovernanceConfig;
  let prodAccounts: string[];
  beforeAll(async () => {
    live = await seedLiveOrg();
    prodAccounts = live.seeded.snapshot.accounts
      .filter((a) => a.tags['env'] === 'prod' && a.status === 'ACTIVE')
      .map((a) => a.id)
      .sort();
    v2 = {
      ...live.config,
      assignmentRules: [
        ...live.config.assignmentRules,
        {
          id: 'prod-extra',
          // A grant no other rule makes: PowerUser for the auditors.
          permissionSet: 'PowerUser',
          principal: { type: 'GROUP', name: 'Auditors' },
          scope: { type: 'accountTag', key: 'env', value: 'prod' },
          exclude: { accounts: [], ous: [] },
        },
      ],
    };
  });

  it('refuses an invalid configuration with every problem, storing nothing', async () => {
    const result = await run(rulesApply(live, 'bad.yaml'), {
      files: { 'bad.yaml': 'scpRules:\n  - { id: Bad, policies: [], scope: { type: tag } }\n' },
      aws: live.aws,
    });
    expect({ code: result.code, stored: await live.rules.load() }).toStrictEqual({
      code: 1,
      stored: null,
    });
    expect(result.stderr).toMatch(/^error: bad\.yaml is not a valid governance configuration/);
  });

  it('stores the rules, then reconciles only the accounts a change affects', async () => {
    const files = { 'v1.json': JSON.stringify(live.config), 'v2.json': JSON.stringify(v2) };
    const first = await run(rulesApply(live, 'v1.json'), { files, aws: live.aws });
    const viewAfterFirst = await live.directoryViews.load();
    const dry = await run(rulesApply(live, 'v2.json', '--dry-run'), { files, aws: live.aws });
    const storedAfterDryRun = (await live.rules.load())?.version;
    const viewAfterDryRun = await live.directoryViews.load();
    const second = await run(rulesApply(live, 'v2.json'), { files, aws: live.aws });
    const viewAfterSecond = await live.directoryViews.load();
    const plan = JSON.parse(second.stdout) as Plan;
    const stored = await live.rules.load();
    const affected = `desired state changed for ${prodAccounts.length} accounts: ${prodAccounts.join(', ')}`;
    expect({
      codes: [first.code, dry.code, second.code],
      firstStored: first.stderr.split('\n')[0],
      dry: dry.stderr.split('\n')[0],
      storedAfterDryRun,
      second: second.stderr.split('\n')[0],
      planned: [...new Set(plan.operations.map((op) => op.accountId))].sort(),
      newRule: plan.operations.every((op) => 'ruleIds' in op && op.ruleIds.includes('prod-extra')),
      executed: second.stderr.split('\n')[1],
      stored: { version: stored?.version, config: stored && byId(stored.config) },
      view: sortedView(viewAfterFirst),
      // A dry run keeps no view: the one stored is the first run's, read time and all.
      viewKeptByDryRun: viewAfterDryRun,
      rewrittenBySecond: (viewAfterSecond?.readAt ?? '') > (viewAfterFirst?.readAt ?? ''),
    }).toStrictEqual({
      codes: [0, 0, 0],
      firstStored: expect.stringMatching(
        /^stored v1\.json in rules: version 0 -> 1; desired state changed for \d+ accounts/,
      ),
      dry: `dry run: v2.json would replace version 1 of rules; ${affected}`,
      storedAfterDryRun: 1,
      second: `stored v2.json in rules: version 1 -> 2; ${affected}`,
      planned: prodAccounts,
      newRule: true,
      executed: `executed ${plan.operations.length} operations: ${plan.operations.length} applied, 0 already in state, 0 still in progress, 0 failed`,
      stored: { version: 2, config: byId(v2) },
      view: sortedView(live.seeded.snapshot),
      viewKeptByDryRun: viewAfterFirst,
      rewrittenBySecond: true,
    });
  });
});
