/**
 * The chaos verdict's "what should have happened" comes from the oracle (`@org/reference-planner`),
 * never from the product: the model and the drift measurement call none of the engine's planning
 * functions or the runtime's use-cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Engine and runtime functions that plan or execute: the product's own answer to "what should happen". */
const PRODUCT_PLANNING = [
  'Planner',
  'planKnownEvent',
  'planIgnoredOutcome',
  'rereadEffect',
  'planEvent',
  'planReconcile',
  'planForEvent',
  'planForParseOutcome',
  'computeDesiredState',
  'planNotifications',
  'processEvent',
  'applyRules',
  'reconcile',
  'executeOperation',
  'matchScope',
  'RuleIndex',
];

/** The names a file imports from the product: `@org/scope-engine` and `@org/governance-runtime`. */
function productImports(file: string): string[] {
  const text = readFileSync(join(__dirname, '..', file), 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(
    /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@org\/(?:scope-engine|governance-runtime(?:\/testing)?)'/g,
  )) {
    names.push(...(m[1] ?? '').split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()));
  }
  return names.filter((n) => n !== '');
}

describe('the chaos oracle is independent of the product', () => {
  it.each(['model/reference-model.ts', 'model/oracle-operations.ts', 'run/run-chaos.ts'])(
    '%s imports no planning function or use-case of the product',
    (file) => {
      const imported = productImports(file);
      expect(imported.filter((name) => PRODUCT_PLANNING.includes(name))).toEqual([]);
      expect(readFileSync(join(__dirname, '..', file), 'utf8')).toContain('@org/reference-planner');
    },
  );

  it('reads the import list of a file that does import the product', () => {
    expect(productImports('verify/moto-state.ts')).toContain('readFullSnapshot');
  });
});
