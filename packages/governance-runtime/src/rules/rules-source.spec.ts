import type { GovernanceConfig } from '@org/scope-engine';
import type { StoredGovernanceConfig } from '../ports/rules-repository';
import { RulesNotConfiguredError } from '../errors';
import { VirtualClock } from '../testing/virtual-clock';
import { CachedRulesSource } from './rules-source';
import { tagKeysOf } from './tag-keys';

const config: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [
    {
      id: 'by-team',
      policies: ['p-1'],
      scope: { type: 'accountTag', key: 'team' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  assignmentRules: [
    {
      id: 'by-env',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'accountTag', key: 'env', value: 'prod' },
      exclude: { accounts: [], ous: [] },
    },
    {
      id: 'root',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  notifications: [],
};

describe('CachedRulesSource', () => {
  it('reads the repository once per TTL and shares concurrent reads', async () => {
    const clock = new VirtualClock(0);
    const stored: StoredGovernanceConfig = {
      config,
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const load = jest.fn(async () => stored);
    const rules = new CachedRulesSource({ load }, clock, 60_000);
    await clock.run(async () => {
      await Promise.all([rules.current(), rules.current()]);
      await clock.sleep(59_999);
      await rules.current();
      await clock.sleep(1);
      await rules.current();
      rules.invalidate();
      await rules.current();
    });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('never caches a failed read: the next call reads the repository again', async () => {
    const clock = new VirtualClock(0);
    const stored: StoredGovernanceConfig = {
      config,
      version: 2,
      updatedAt: '2026-01-02T00:00:00Z',
    };
    const unreadable = Object.assign(new Error('generation g1 holds 0 rule item(s)'), {
      retryable: true,
    });
    const load = jest
      .fn<Promise<StoredGovernanceConfig | null>, []>()
      .mockRejectedValueOnce(unreadable)
      .mockResolvedValue(stored);
    const rules = new CachedRulesSource({ load }, clock, 60_000);
    await expect(rules.current()).rejects.toBe(unreadable);
    await expect(rules.current()).resolves.toBe(config);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads the superseded configurations only when asked, once per TTL, and again after the current ones', async () => {
    const clock = new VirtualClock(0);
    const stored = (version: number): StoredGovernanceConfig => ({
      config,
      version,
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const load = jest.fn(async () => stored(3));
    const loadRecent = jest.fn(async () => [stored(2), stored(1)]);
    const rules = new CachedRulesSource({ load, loadRecent }, clock, 60_000);
    const versions: number[][] = [];
    await clock.run(async () => {
      await rules.current();
      const calledBefore = loadRecent.mock.calls.length;
      const [a] = await Promise.all([rules.recent(), rules.recent()]);
      versions.push(a.map((r) => r.version));
      await clock.sleep(59_999);
      await rules.recent();
      await clock.sleep(1);
      await rules.current(); // expired: read again, and the recent ones with it
      await rules.recent();
      rules.invalidate();
      versions.push((await rules.recent()).map((r) => r.version));
      versions.push([calledBefore]);
    });
    expect({
      versions,
      loads: load.mock.calls.length,
      recentLoads: loadRecent.mock.calls.length,
    }).toStrictEqual({ versions: [[2, 1], [2, 1], [0]], loads: 2, recentLoads: 3 });
  });

  it('knows no superseded configuration when the repository keeps none', async () => {
    const rules = new CachedRulesSource({ load: async () => null }, new VirtualClock(), 1000);
    await expect(rules.recent()).resolves.toStrictEqual([]);
  });

  it('refuses to plan without stored rules', async () => {
    const rules = new CachedRulesSource({ load: async () => null }, new VirtualClock(), 1000);
    await expect(rules.current()).rejects.toStrictEqual(new RulesNotConfiguredError());
  });
});

describe('tagKeysOf', () => {
  it.each([
    { ruleIds: ['by-env', 'by-team', 'root'], expected: ['env', 'team'] },
    { ruleIds: ['root'], expected: [] },
    { ruleIds: ['unknown'], expected: [] },
  ])('$ruleIds → $expected', ({ ruleIds, expected }) => {
    expect(tagKeysOf(config, ruleIds)).toStrictEqual(expected);
  });
});
