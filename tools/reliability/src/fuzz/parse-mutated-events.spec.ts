import { MAX_EVENT_BYTES, parseOrgEvent } from '@org/event-schemas';
import * as fc from 'fast-check';
import { mutatedEvent } from '../arbitraries/event-mutations';
import { longString } from '../arbitraries/hostile-strings';
import { applyMutations } from '../arbitraries/mutations';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { pathsOf, setAt } from '../support/json-tree';
import { checkParserContract } from '../support/parse-invariants';
import { sampleEvents } from '../support/workspace';

reportFuzzRuns();

const samples = sampleEvents();

describe('parseOrgEvent / parse on mutated real events', () => {
  it('starts from every real sample (parser fixtures and examples/events)', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
    for (const { raw } of samples) expect(parseOrgEvent(raw).kind).not.toBe('error');
  });

  it('never throw: deleted keys, wrong types, hostile and huge strings, duplicated arrays, re-routed events', () => {
    const kinds = new Map<string, number>();
    runFuzz(
      'parseMutatedEvents',
      fc.property(mutatedEvent(samples), ({ sample, mutations }) => {
        const outcome = checkParserContract(applyMutations(sample.raw, mutations));
        kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
      }),
    );
    for (const kind of ['event', 'ignored', 'error']) expect(kinds.get(kind)).toBeGreaterThan(100);
  });

  it('refuses every event over 1 MiB with one issue at $ naming the limit', () => {
    runFuzz(
      'parseOversizedEvents',
      fc.property(
        fc.constantFrom(...samples),
        fc.nat(),
        longString(MAX_EVENT_BYTES + 1, MAX_EVENT_BYTES + 200_000),
        ({ raw }, pick, huge) => {
          const paths = pathsOf(raw);
          const copy = structuredClone(raw);
          setAt(copy, paths[pick % paths.length] ?? ['padding'], huge);
          const outcome = checkParserContract(copy);
          if (outcome.kind !== 'error')
            throw new Error(`accepted an oversized event (${outcome.kind})`);
          expect(outcome.error.issues).toHaveLength(1);
          expect(outcome.error.issues[0]?.path).toBe('$');
          expect(outcome.error.issues[0]?.expected).toMatch(/^at most 1,048,576 bytes of JSON/);
        },
      ),
    );
  });
});
