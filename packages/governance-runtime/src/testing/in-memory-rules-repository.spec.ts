import type { GovernanceConfig } from '@org/scope-engine';
import { InMemoryRulesRepository } from './in-memory-rules-repository';

const MINUTE = 60_000;

/** A configuration with one root SCP rule per id. */
function withRules(...ids: string[]): GovernanceConfig {
  return {
    settings: { maxScpsPerTarget: 5, includeManagementAccount: false },
    scpRules: ids.map((id) => ({
      id,
      policies: ['DenyLeaveOrg'],
      scope: { type: 'root' as const },
      exclude: { accounts: [], ous: [] },
    })),
    assignmentRules: [
      {
        id: 'prod-auditors',
        permissionSet: 'ReadOnly',
        principal: { type: 'GROUP', name: 'Auditors' },
        scope: { type: 'accountTag', key: 'env', value: 'prod' },
        exclude: { accounts: [], ous: [] },
      },
    ],
    notifications: [],
  };
}

describe('InMemoryRulesRepository', () => {
  it('keeps each superseded configuration readable, newest first, for the retention period', async () => {
    let now = 0;
    const rules = new InMemoryRulesRepository({ now: () => now }, 90 * MINUTE);
    const recentVersions = async () => (await rules.loadRecent()).map((s) => s.version);
    const seen: number[][] = [await recentVersions()];
    await rules.save(withRules('a'), 0, 't1');
    seen.push(await recentVersions());
    now += 10 * MINUTE;
    await rules.save(withRules('a', 'b'), 1, 't2');
    now += 10 * MINUTE;
    await rules.save(withRules('a'), 2, 't3');
    seen.push(await recentVersions());
    now += 80 * MINUTE; // version 1 superseded 90 minutes ago, version 2 80 minutes ago
    seen.push(await recentVersions());
    const [v2] = await rules.loadRecent();
    expect({
      seen,
      v2: v2?.config.scpRules.map((r) => r.id),
      current: (await rules.load())?.version,
    }).toStrictEqual({ seen: [[], [], [2, 1], [2]], v2: ['a', 'b'], current: 3 });
  });

  it('refuses a save on an outdated version', async () => {
    const rules = new InMemoryRulesRepository({ now: () => 0 });
    await rules.save(withRules('a'), 0, 't1');
    await expect(rules.save(withRules('b'), 0, 't2')).rejects.toMatchObject({
      code: 'VersionConflict',
    });
  });

  it('finds the current rules by scope (a tag lookup with a value also finds any-value rules)', async () => {
    const rules = new InMemoryRulesRepository({ now: () => 0 });
    await rules.save(withRules('a'), 0, 't1');
    const ids = async (lookup: Parameters<typeof rules.findByScope>[0]) =>
      (await rules.findByScope(lookup)).map((stored) => stored.rule.id);
    expect({
      root: await ids({ type: 'root' }),
      prod: await ids({ type: 'accountTag', key: 'env', value: 'prod' }),
      dev: await ids({ type: 'accountTag', key: 'env', value: 'dev' }),
      ou: await ids({ type: 'ou', id: 'ou-1' }),
    }).toStrictEqual({ root: ['a'], prod: ['prod-auditors'], dev: [], ou: [] });
  });
});
