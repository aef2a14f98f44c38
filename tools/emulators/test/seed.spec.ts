import { type GovernanceConfig, parseOrgSnapshot } from '@org/scope-engine';
import { generateOrgSnapshot, IdMap, mapLimit, translateConfig } from '../src';

describe('generateOrgSnapshot', () => {
  const org = generateOrgSnapshot({ accounts: 220, organizationalUnits: 24 });

  it('is a valid org snapshot for the engine', () => {
    expect(parseOrgSnapshot(org, 'generated')).toStrictEqual(org);
  });

  it('has the requested shape: nested OUs, tagged and suspended accounts', () => {
    const depth = (id: string): number => {
      const ou = org.organizationalUnits.find((candidate) => candidate.id === id);
      return ou ? 1 + depth(ou.parentId) : 0;
    };
    expect({
      accounts: org.accounts.length,
      ous: org.organizationalUnits.length,
      nested: org.organizationalUnits.filter((ou) => ou.parentId !== org.rootId).length,
      maxDepth: Math.max(...org.organizationalUnits.map((ou) => depth(ou.id))),
      suspended: org.accounts.filter((account) => account.status === 'SUSPENDED').length,
      untagged: org.accounts.filter((account) => Object.keys(account.tags).length === 0).length,
    }).toStrictEqual({
      accounts: 221,
      ous: 24,
      nested: 20,
      maxDepth: 5, // AWS Organizations nests OUs at most 5 levels under the root
      suspended: 5,
      untagged: 33,
    });
  });

  it('is deterministic', () => {
    expect(generateOrgSnapshot({ accounts: 220, organizationalUnits: 24 })).toStrictEqual(org);
  });
});

describe('IdMap', () => {
  it('maps, translates unknown ids to themselves, reverses, and names missing ids', () => {
    const ids = new IdMap();
    ids.set('ou-ab12-11111111', 'ou-x1y2-abcdefgh');
    expect([
      ids.get('ou-ab12-11111111'),
      ids.translate('p-unknown'),
      ids.reverse('ou-x1y2-abcdefgh'),
      ids.entries(),
    ]).toStrictEqual([
      'ou-x1y2-abcdefgh',
      'p-unknown',
      'ou-ab12-11111111',
      [['ou-ab12-11111111', 'ou-x1y2-abcdefgh']],
    ]);
    expect(() => ids.get('222222222222')).toThrow('No seeded id for "222222222222"');
  });
});

describe('translateConfig', () => {
  it('rewrites ids in scopes, exclusions, policies, permission sets and principals', () => {
    const ids = new IdMap();
    for (const [from, to] of [
      ['ou-ab12-11111111', 'ou-moto-aaaaaaaa'],
      ['222222222222', '987654321098'],
      ['p-aaaa1111', 'p-motopolicy'],
      ['arn:ps:1', 'arn:ps:moto'],
      ['g-1', 'g-moto'],
    ]) {
      ids.set(from as string, to as string);
    }
    const config: GovernanceConfig = {
      settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
      scpRules: [
        {
          id: 's',
          policies: ['p-aaaa1111', 'DenyLeaveOrg'],
          scope: { type: 'ou', id: 'ou-ab12-11111111', includeDescendants: true },
          exclude: { accounts: ['222222222222'], ous: [] },
        },
      ],
      assignmentRules: [
        {
          id: 'a',
          permissionSet: 'arn:ps:1',
          principal: { type: 'GROUP', id: 'g-1' },
          scope: { type: 'account', id: '222222222222' },
          exclude: { accounts: [], ous: ['ou-ab12-11111111'] },
        },
        {
          id: 'b',
          permissionSet: 'ReadOnly',
          principal: { type: 'USER', name: 'jdoe' },
          scope: { type: 'accountTag', key: 'env' },
          exclude: { accounts: [], ous: [] },
        },
      ],
      notifications: [],
    };
    expect(translateConfig(config, ids)).toStrictEqual({
      ...config,
      scpRules: [
        {
          id: 's',
          policies: ['p-motopolicy', 'DenyLeaveOrg'],
          scope: { type: 'ou', id: 'ou-moto-aaaaaaaa', includeDescendants: true },
          exclude: { accounts: ['987654321098'], ous: [] },
        },
      ],
      assignmentRules: [
        {
          id: 'a',
          permissionSet: 'arn:ps:moto',
          principal: { type: 'GROUP', id: 'g-moto' },
          scope: { type: 'account', id: '987654321098' },
          exclude: { accounts: [], ous: ['ou-moto-aaaaaaaa'] },
        },
        config.assignmentRules[1],
      ],
    });
  });
});

describe('mapLimit', () => {
  it('keeps order and bounds concurrency', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapLimit([5, 1, 3, 2], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect({ result, peak }).toStrictEqual({ result: [50, 10, 30, 20], peak: 2 });
  });
});
