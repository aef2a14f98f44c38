import type { Operation } from '@org/scope-engine';
import type { AuditOutcome } from '@org/governance-runtime';
import type { ModelRound } from '../model/model-round';
import { checkChanges, type ChangeVerdict } from './change-check';

const attach: Operation = {
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: '111122223333',
  policyId: 'p-1',
  ruleIds: ['baseline'],
};
const ATTACH = 'attachPolicy#111122223333#p-1';
const DETACH = 'detachPolicy#111122223333#p-2';

function round(changes: string[]): ModelRound {
  return {
    round: 1,
    changes: new Map(changes.map((key) => [key, attach])),
    failed: new Map(),
    notifications: [],
  };
}

/** The verdict for one expected change applied once, with the given fields replaced. */
function judged(overrides: Partial<ChangeVerdict>): ChangeVerdict {
  return {
    expected: 1,
    applied: 1,
    lost: [],
    duplicated: 0,
    duplicates: [],
    unexpected: [],
    ...overrides,
  };
}

describe('checkChanges', () => {
  describe.each([
    {
      name: 'applied once, audited applied',
      audit: { [ATTACH]: ['applied'] },
      effects: { [ATTACH]: 1 },
      expected: judged({}),
    },
    {
      name: 'applied once, audited already in state after a crash',
      audit: { [ATTACH]: ['alreadyInState'] },
      effects: { [ATTACH]: 1 },
      expected: judged({}),
    },
    {
      name: 'never took effect',
      audit: { [ATTACH]: ['inProgress'] },
      effects: {},
      expected: judged({
        applied: 0,
        lost: [`round 1: ${ATTACH} (audit: inProgress, took effect 0×)`],
      }),
    },
    {
      name: 'took effect twice, and an unexpected change',
      audit: { [ATTACH]: ['applied', 'applied'] },
      effects: { [ATTACH]: 3, [DETACH]: 1 },
      expected: judged({
        duplicated: 2,
        duplicates: [`round 1: ${ATTACH} took effect 3×`],
        unexpected: [`round 1: ${DETACH} took effect 1× (not expected)`],
      }),
    },
  ])('$name', ({ audit, effects, expected }) => {
    it('judges', () => {
      const outcomes = new Map([
        [1, new Map(Object.entries(audit as Record<string, AuditOutcome[]>))],
      ]);
      const verdict = checkChanges(
        [round([ATTACH])],
        outcomes,
        () => new Map(Object.entries(effects)),
      );
      expect(verdict).toStrictEqual(expected);
    });
  });
});
