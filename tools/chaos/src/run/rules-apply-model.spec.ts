import type { Operation } from '@org/scope-engine';
import type { ModelRound } from '../model/model-round';
import type { PlannedRound } from '../model/reference-model';
import { rulesApplyRound } from './rules-apply-model';

const creation: Operation = {
  type: 'createAssignment',
  accountId: '222222222222',
  permissionSetArn: 'arn:ps/admin',
  principalType: 'GROUP',
  principalId: 'g-admins',
  ruleIds: ['admins'],
};
const OP_KEY = 'createAssignment#222222222222#arn:ps/admin#GROUP#g-admins';
const ITEM_KEY = '222222222222#arn:ps/admin#GROUP#g-admins';

/** A model whose reconcile asks again for the creation the change's pass could not make. */
function modelAfterFailedCreation() {
  const calls: ReadonlySet<string>[] = [];
  const model = {
    planReconcile: (): PlannedRound => ({ changes: [], notifications: [] }),
    execute: (round: number, _planned: PlannedRound, failing: ReadonlySet<string>): ModelRound => {
      calls.push(failing);
      const fails = failing.has(ITEM_KEY);
      return {
        round,
        changes: new Map(fails ? [] : [[OP_KEY, creation]]),
        failed: new Map(fails ? [[OP_KEY, creation]] : []),
        notifications: [],
      };
    },
  };
  return { model, calls };
}

const changed: ModelRound = {
  round: 101,
  changes: new Map(),
  failed: new Map([[OP_KEY, creation]]),
  notifications: [],
};

describe('rulesApplyRound', () => {
  it("a resumed run's reconcile fails the round's scripted creation again instead of expecting it", () => {
    const { model, calls } = modelAfterFailedCreation();
    const round = rulesApplyRound(model, 101, changed, true, new Set([ITEM_KEY]));
    expect(calls).toEqual([new Set([ITEM_KEY])]);
    expect([...round.changes.keys()]).toEqual([]);
    expect([...round.failed.keys()]).toEqual([OP_KEY]);
  });

  it('a run that saved the rules itself is the change alone (no reconcile pass)', () => {
    const { model, calls } = modelAfterFailedCreation();
    expect(rulesApplyRound(model, 101, changed, false, new Set([ITEM_KEY]))).toBe(changed);
    expect(calls).toEqual([]);
  });
});
