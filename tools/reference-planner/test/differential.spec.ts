/**
 * Differential property test: the engine's `Planner` against the reference planner on generated
 * organizations, rules, items and events. Every difference fails with the generated world, the
 * differing lines and the seed to replay it (`FC_SEED=<seed> FC_PATH=<path>`).
 */
import fc from 'fast-check';
import { Planner } from '@org/scope-engine';
import {
  applyReferenceChanges,
  referenceDesiredState,
  referencePlanForEvent,
  referenceReconcile,
  type RefChange,
} from '../src';
import { lineDifference, operationLines, skipLines } from './support/compare';
import { engineConfig, engineEvent, engineSnapshot } from './support/engine-world';
import { eventArb, type World, worldArb } from './support/world-arbitrary';

const SEED = Number(process.env['FC_SEED'] ?? 18_18_18);
const PATH = process.env['FC_PATH'];
/** Generated cases per property in CI (each property has its own). */
const RUNS = Number(process.env['FC_NUM_RUNS'] ?? 1000);

/** Runs a property; on failure the error names the seed, the replay path and the counterexample. */
function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void): number {
  let ran = 0;
  const details = fc.check(
    fc.property(arb, (value) => {
      ran += 1;
      predicate(value);
    }),
    { seed: SEED, numRuns: RUNS, ...(PATH === undefined ? {} : { path: PATH }) },
  );
  if (details.failed) {
    throw new Error(
      `${name}: the engine and the reference planner disagree (replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''})\n` +
        `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
        `counterexample: ${fc.stringify(details.counterexample)}`,
    );
  }
  return ran;
}

function differences(world: World): string {
  const planner = Planner.create(engineSnapshot(world.snapshot), engineConfig(world.config));
  const engine = planner.planReconcile();
  const reference = referenceReconcile(world.snapshot, world.config);
  const desired = planner.snapshot.accounts.map((account) => {
    const e = planner.desiredState(account);
    const r = referenceDesiredState(world.snapshot, world.config, account);
    return lineDifference(
      `desired state of ${account.id}`,
      [JSON.stringify({ ...e, skipped: skipLines(e.skipped) })],
      [JSON.stringify({ ...r, skipped: skipLines(r.skipped) })],
    );
  });
  return [
    lineDifference(
      'reconcile operations',
      operationLines(engine.operations),
      operationLines(reference.operations),
    ),
    lineDifference('reconcile skips', skipLines(engine.skipped), skipLines(reference.skipped)),
    ...desired,
  ]
    .filter((d) => d !== '')
    .join('\n');
}

describe('engine Planner vs reference planner', () => {
  it(`reconcile plans and desired states agree on ${RUNS} generated worlds`, () => {
    const ran = check('reconcile', worldArb, (world) => {
      expect(differences(world)).toBe('');
    });
    expect(ran).toBe(RUNS);
  });

  it(`per-event plans agree on ${RUNS} generated worlds and events`, () => {
    const arb = worldArb.chain((world) => fc.tuple(fc.constant(world), eventArb(world)));
    const ran = check('planForEvent', arb, ([world, event]) => {
      const engine = Planner.create(
        engineSnapshot(world.snapshot),
        engineConfig(world.config),
      ).planForEvent(engineEvent(event));
      const reference = referencePlanForEvent(world.snapshot, world.config, event);
      const diff = [
        lineDifference(
          `operations of ${event.type}`,
          operationLines(engine.operations),
          operationLines(reference.operations),
        ),
        lineDifference(
          `skips of ${event.type}`,
          skipLines(engine.skipped),
          skipLines(reference.skipped),
        ),
      ].filter((d) => d !== '');
      expect(diff.join('\n')).toBe('');
    });
    expect(ran).toBe(RUNS);
  });

  it(`after the reference plan is applied both planners see a converged world (${RUNS} worlds)`, () => {
    const ran = check('converged', worldArb, (world) => {
      const changes = referenceReconcile(world.snapshot, world.config).operations as RefChange[];
      const after = { ...world, snapshot: applyReferenceChanges(world.snapshot, changes) };
      expect(differences(after)).toBe('');
    });
    expect(ran).toBe(RUNS);
  });

  it('reports a difference readably', () => {
    expect(lineDifference('x', ['a', 'b'], ['b', 'c'])).toBe(
      'x differ:\n  only in engine:    a\n  only in reference: c',
    );
  });
});
