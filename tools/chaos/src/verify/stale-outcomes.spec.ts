import type { Operation } from '@org/scope-engine';
import type { ModelRound } from '../model/model-round';
import { changeKey } from '../edge/operation-key';
import { checkChanges } from './change-check';
import { outcomeLabel, type OutcomeLabel } from './round-audit';

const KEY = changeKey('createAssignment', '111122223333', 'arn:ps#GROUP#g-1');

const round: ModelRound = {
  round: 1,
  changes: new Map([[KEY, { type: 'createAssignment' } as Operation]]),
  failed: new Map(),
  notifications: [],
};

const judge = (seen: OutcomeLabel[], times: number) =>
  checkChanges(
    [round],
    new Map([[1, new Map([[KEY, seen]])]]),
    () => new Map(times === 0 ? [] : [[KEY, times]]),
  );

describe('Stale and NotJustified outcomes of the level-triggered worker', () => {
  it.each([
    { entry: { outcome: 'Stale' }, label: 'Stale' },
    { entry: { outcome: 'stale' }, label: 'Stale' },
    {
      entry: { outcome: 'skipped', detail: 'Stale: the account is no longer tagged prod' },
      label: 'Stale',
    },
    { entry: { outcome: 'NotJustified' }, label: 'NotJustified' },
    {
      entry: { outcome: 'failed', detail: 'NotJustified: rule break-glass does not exist' },
      label: 'NotJustified',
    },
    { entry: { outcome: 'applied', detail: 'request r-1' }, label: 'applied' },
  ])('labels $entry.outcome $entry.detail as $label', ({ entry, label }) => {
    expect(outcomeLabel(entry as Parameters<typeof outcomeLabel>[0])).toBe(label);
  });

  it('counts an expected change audited Stale as applied when it took effect (the redelivered copy found it done)', () => {
    expect({ applied: judge(['Stale'], 1).applied, lost: judge(['Stale'], 1).lost }).toStrictEqual({
      applied: 1,
      lost: [],
    });
  });

  it('counts an expected change audited only Stale and never done as lost: the desired state was not reached', () => {
    expect(judge(['Stale'], 0).lost).toStrictEqual([
      `round 1: ${KEY} (audit: Stale, took effect 0×)`,
    ]);
  });
});
