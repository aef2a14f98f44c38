import * as fc from 'fast-check';
import { eventShapedJson } from '../arbitraries/event-shapes';
import { hostileJson } from '../arbitraries/json-values';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { checkParserContract } from '../support/parse-invariants';

reportFuzzRuns();

describe('parseOrgEvent / parse on random JSON', () => {
  it('never throw on any JSON value; parse throws only EventError', () => {
    const runs = runFuzz(
      'parseRandomJson',
      fc.property(hostileJson(5), (raw) => {
        checkParserContract(raw);
      }),
    );
    expect(runs).toBeGreaterThan(0);
  });

  it('never throw on random event-shaped objects that reach every schema', () => {
    const kinds = new Map<string, number>();
    runFuzz(
      'parseEventShapedJson',
      fc.property(eventShapedJson, (raw) => {
        const outcome = checkParserContract(raw);
        kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
      }),
    );
    // The generator reaches past routing: schema errors and every kind of ignore occur (valid
    // events come from the mutated real samples, parse-mutated-events.spec.ts).
    expect(kinds.get('error')).toBeGreaterThan(100);
    expect(kinds.get('ignored')).toBeGreaterThan(100);
  });
});
