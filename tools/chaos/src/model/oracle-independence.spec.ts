/**
 * The chaos verdict's "what should have happened" comes from the oracle (`@org/reference-planner`),
 * never from the product: the model and the drift measurement call none of the engine's planning
 * or pipeline use-cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Engine functions that plan or execute: the product's own answer to "what should happen". */
const PRODUCT_PLANNING = [
  'Planner',
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

/** The names a file imports from `@org/scope-engine`. */
function engineImports(file: string): string[] {
  const text = readFileSync(join(__dirname, '..', file), 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(
    /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@org\/scope-engine'/g,
  )) {
    names.push(...(m[1] ?? '').split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()));
  }
  return names.filter((n) => n !== '');
}

describe('the chaos oracle is independent of the product', () => {
  it.each(['model/reference-model.ts', 'model/oracle-operations.ts', 'run/run-chaos.ts'])(
    '%s imports no planning or pipeline use-case of the engine',
    (file) => {
      const imported = engineImports(file);
      expect(imported.filter((name) => PRODUCT_PLANNING.includes(name))).toEqual([]);
      expect(readFileSync(join(__dirname, '..', file), 'utf8')).toContain('@org/reference-planner');
    },
  );

  it('reads the import list of a file that does import the engine', () => {
    expect(engineImports('verify/moto-state.ts')).toContain('readFullSnapshot');
  });
});
