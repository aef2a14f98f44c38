import * as fc from 'fast-check';
import { asInput, configShaped, documentForm } from '../arbitraries/config-documents';
import { applyMutations, mutationArb } from '../arbitraries/mutations';
import { ALIAS_BOMB, applyTextEdits, textEdit } from '../arbitraries/yaml-text';
import { checkConfigContract } from '../support/document-invariants';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { exampleDocument } from '../support/examples';

reportFuzzRuns();

const { text: exampleText, data: example } = exampleDocument('governance.yaml');

/** Counts valid and invalid results, to show the generators reach both. */
function tally(): { ok: number; invalid: number } {
  return { ok: 0, invalid: 0 };
}

describe('parseGovernanceConfig never throws anything but ConfigError', () => {
  it('accepts the example configuration (the starting point of the mutations)', () => {
    expect(checkConfigContract(exampleText, 'governance.yaml').ok).toBe(true);
  });

  it('on random config-shaped documents, as data, YAML or JSON', () => {
    const seen = tally();
    runFuzz(
      'configDocuments',
      fc.property(configShaped, documentForm, (doc, form) => {
        const { input, source } = asInput(doc, form);
        const outcome = checkConfigContract(input, source);
        seen[outcome.ok ? 'ok' : 'invalid']++;
      }),
    );
    expect(seen.ok).toBeGreaterThan(20);
    expect(seen.invalid).toBeGreaterThan(200);
  });

  it('on mutated copies of examples/governance.yaml', () => {
    const seen = tally();
    runFuzz(
      'configMutations',
      fc.property(
        fc.array(mutationArb(), { minLength: 1, maxLength: 3 }),
        documentForm,
        (mutations, form) => {
          const { input, source } = asInput(applyMutations(example, mutations) as never, form);
          seen[checkConfigContract(input, source).ok ? 'ok' : 'invalid']++;
        },
      ),
    );
    expect(seen.ok).toBeGreaterThan(20);
    expect(seen.invalid).toBeGreaterThan(200);
  });

  it('on the example YAML text with anchors, tags, tabs, deleted and duplicated lines', () => {
    const seen = tally();
    runFuzz(
      'configYamlText',
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        seen[
          checkConfigContract(applyTextEdits(exampleText, edits), 'governance.yaml').ok
            ? 'ok'
            : 'invalid'
        ]++;
      }),
    );
    expect(seen.invalid).toBeGreaterThan(100);
  });

  it('refuses an alias bomb with a YAML problem instead of expanding it', () => {
    const outcome = checkConfigContract(ALIAS_BOMB, 'bomb.yaml');
    expect(outcome.ok).toBe(false);
  });
});
