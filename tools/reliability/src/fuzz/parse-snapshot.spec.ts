import * as fc from 'fast-check';
import { asInput, documentForm } from '../arbitraries/config-documents';
import { applyMutations, mutationArb } from '../arbitraries/mutations';
import { applyTextEdits, textEdit } from '../arbitraries/yaml-text';
import { checkSnapshotContract } from '../support/document-invariants';
import { exampleDocument } from '../support/examples';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';

reportFuzzRuns();

const example = exampleDocument('org.yaml');

describe('parseOrgSnapshot never throws anything but SnapshotError', () => {
  it('accepts the example snapshot (the starting point of the mutations)', () => {
    expect(checkSnapshotContract(example.text, example.name).ok).toBe(true);
  });

  it('on mutated copies of examples/org.yaml, as data, YAML or JSON', () => {
    const seen = { ok: 0, invalid: 0 };
    runFuzz(
      'snapshotMutations',
      fc.property(
        fc.array(mutationArb(), { minLength: 1, maxLength: 3 }),
        documentForm,
        (mutations, form) => {
          const { input, source } = asInput(applyMutations(example.data, mutations) as never, form);
          seen[checkSnapshotContract(input, source).ok ? 'ok' : 'invalid']++;
        },
      ),
    );
    expect(seen.ok).toBeGreaterThan(10);
    expect(seen.invalid).toBeGreaterThan(100);
  });

  it('on the example YAML text with anchors, tags, tabs, deleted and duplicated lines', () => {
    const seen = { ok: 0, invalid: 0 };
    runFuzz(
      'snapshotYamlText',
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        seen[
          checkSnapshotContract(applyTextEdits(example.text, edits), example.name).ok
            ? 'ok'
            : 'invalid'
        ]++;
      }),
    );
    expect(seen.invalid).toBeGreaterThan(50);
  });
});
