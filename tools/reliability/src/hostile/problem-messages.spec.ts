import { parseGovernanceConfig, parseOrgSnapshot } from '@org/scope-engine';
import { problemsOf } from '@org/scope-engine/testing';
import { rawControlIn } from '../support/parse-invariants';

describe('problem messages quote user text escaped and shortened', () => {
  it.each([
    ['an unknown field with ESC', () => parseGovernanceConfig({ ['k\u001b[2J']: 1 })],
    [
      'an unknown policy with OSC',
      () =>
        parseOrgSnapshot({
          managementAccountId: '111111111111',
          rootId: 'r-ab12',
          attachments: [{ targetId: 'r-ab12', policyId: 'p-aaaaaaaa' }],
          policies: [],
        }),
    ],
    [
      'a C1 CSI in a bad id',
      () =>
        parseGovernanceConfig({
          scpRules: [{ id: 'a\u009b2J', policies: ['x'], scope: { type: 'root' } }],
        }),
    ],
    [
      'a 1 MB bad id',
      () =>
        parseGovernanceConfig({
          scpRules: [{ id: 'y'.repeat(1_000_000), policies: ['x'], scope: { type: 'root' } }],
        }),
    ],
  ])('%s', (_label, parse) => {
    const problems = problemsOf(parse);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect({ raw: rawControlIn(p.message), long: p.message.length > 300 }).toStrictEqual({
        raw: undefined,
        long: false,
      });
  });
});
