import { SeededRandom } from '../random/seeded-random';
import { FLIP_LEGS, flipAccount, planMoveFlip, planRuleFlip, planTagFlip } from './flips';
import { governanceVersion, type RuleTargets } from './governance-versions';
import { TAG_VALUES } from './initial-organization';
import type { WorldAccount } from './world-state';

const account = (id: string, tags: Record<string, string>, status = 'ACTIVE'): WorldAccount => ({
  id,
  name: `acct-${id}`,
  parentId: 'ou-x',
  status: status as WorldAccount['status'],
  tags,
  vended: false,
});

describe('flips', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => new SeededRandom(`flip-${i}`));

  it('flips a tag from its value A to another value B and back, twice: the third leg repeats the first', () => {
    const flips = seeds.map((random) => planTagFlip(account('1', { env: 'prod' }), random));
    expect(
      flips.every((flip) => {
        const [b, a, again, back] = flip.values;
        const from = flip.key === 'env' ? 'prod' : null;
        return (
          flip.values.length === FLIP_LEGS &&
          a === from &&
          back === from &&
          b !== from &&
          again === b &&
          b !== null &&
          (TAG_VALUES[flip.key] ?? []).includes(b)
        );
      }),
    ).toBe(true);
  });

  it('mostly flips `env` (it decides administrator access), sometimes another key, and deletes a tag that was absent before', () => {
    const flips = seeds.map((random) => planTagFlip(account('1', {}), random));
    const envFlips = flips.filter((f) => f.key === 'env').length;
    expect({
      env: envFlips >= 15 && envFlips < 40,
      backToNone: flips.every((f) => f.values[1] === null && f.values[3] === null),
    }).toStrictEqual({ env: true, backToNone: true });
  });

  it('moves an account from X to another parent Y and back, twice', () => {
    const parents = [{ id: 'r-root' }, { id: 'ou-x' }, { id: 'ou-y' }, { id: 'ou-z' }];
    const flips = seeds.map((random) => planMoveFlip(account('1', {}), parents, random));
    expect(
      flips.every((f) => {
        const [y, x, y2, x2] = f.parentIds;
        return x === 'ou-x' && x2 === 'ou-x' && y !== 'ou-x' && y2 === y;
      }),
    ).toBe(true);
  });

  it('flips active accounts when there are any', () => {
    const members = [
      account('1', {}, 'SUSPENDED'),
      account('2', {}),
      account('3', {}, 'SUSPENDED'),
    ];
    expect(new Set(seeds.map((random) => flipAccount(members, random).id))).toStrictEqual(
      new Set(['2']),
    );
  });

  it('changes the rules by dropping exactly one rule, leaving the original to revert to', () => {
    const targets: RuleTargets = {
      ouId: (id) => `moto-${id}`,
      memberAccountIds: () => ['111111111111', '222222222222'],
      managementAccountId: '100000000000',
      webhookUrl: 'https://hooks.test/x',
      webhookSecretArn: 'arn:aws:secretsmanager:us-east-1:100000000000:secret:x',
      notificationTopicArn: 'arn:aws:sns:us-east-1:100000000000:x',
    };
    const original = governanceVersion(0, new SeededRandom('rules'), targets);
    const ids = (c: typeof original) =>
      [...c.scpRules, ...c.assignmentRules].map((rule) => rule.id);
    const before = JSON.stringify(original);
    const changes = seeds.map((random) => planRuleFlip(original, random));
    expect({
      oneFewer: changes.every(
        (c) =>
          ids(c).length === ids(original).length - 1 &&
          ids(c).every((id) => ids(original).includes(id)),
      ),
      variety:
        new Set(changes.map((c) => ids(original).find((id) => !ids(c).includes(id)))).size > 3,
      originalUntouched: JSON.stringify(original) === before,
    }).toStrictEqual({ oneFewer: true, variety: true, originalUntouched: true });
  });
});
