import type { GovernanceConfig } from '../model/governance-config';
import { sameGovernanceConfig } from './same-config';

const NONE = { accounts: [], ous: [] };
const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [
    { id: 'b', policies: ['Baseline'], scope: { type: 'root' }, exclude: NONE },
    {
      id: 'a',
      policies: ['DenyRegions'],
      scope: { type: 'account', id: '222222222222' },
      exclude: NONE,
    },
  ],
  assignmentRules: [],
  notifications: [],
};

describe('sameGovernanceConfig', () => {
  const cases: [string, GovernanceConfig, boolean][] = [
    ['the same configuration', CONFIG, true],
    [
      'rules in another order (as stored: sorted by id)',
      { ...CONFIG, scpRules: [...CONFIG.scpRules].reverse() },
      true,
    ],
    [
      'keys in another order',
      {
        notifications: [],
        assignmentRules: [],
        scpRules: CONFIG.scpRules,
        settings: { includeManagementAccount: false, maxScpsPerTarget: 10 },
      },
      true,
    ],
    [
      'another setting',
      { ...CONFIG, settings: { ...CONFIG.settings, maxScpsPerTarget: 5 } },
      false,
    ],
    ['a rule less', { ...CONFIG, scpRules: CONFIG.scpRules.slice(1) }, false],
    [
      'a rule with another scope',
      {
        ...CONFIG,
        scpRules: CONFIG.scpRules.map((rule) =>
          rule.id === 'a' ? { ...rule, scope: { type: 'root' as const } } : rule,
        ),
      },
      false,
    ],
  ];
  it.each(cases.map(([name, other, same]) => ({ name, other, same })))(
    '$name → same: $same',
    ({ other, same }) => {
      expect(sameGovernanceConfig(CONFIG, other)).toBe(same);
    },
  );
});
