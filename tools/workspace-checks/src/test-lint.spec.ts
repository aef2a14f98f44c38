/**
 * Every project lints its tests with the shared test rules (root eslint.config.mjs): a test
 * without an assertion, a conditional `expect` and a skipped test are errors, in `src/` specs and
 * in `test/` folders alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

const RULES = ['jest/expect-expect', 'jest/no-conditional-expect', 'jest/no-disabled-tests'];

/** A spec with one violation of each rule, in this order. */
const PROBE = [
  "it('asserts nothing', () => {",
  "  JSON.parse('{}');",
  '});',
  "it('asserts only sometimes', () => {",
  '  if (Date.now() > 0) expect(1).toBe(1);',
  '});',
  // Spelled in two parts so this file itself holds no skipped test, only the probe does.
  `it.${'skip'}('is skipped', () => {`,
  '  expect(1).toBe(1);',
  '});',
  '',
].join('\n');

/** Every project of the workspace (a folder of apps/, packages/ or tools/ with an ESLint config). */
const projects = ['apps', 'packages', 'tools'].flatMap((group) =>
  readdirSync(join(workspaceRoot, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${group}/${entry.name}`)
    .filter((root) => existsSync(join(workspaceRoot, root, 'eslint.config.mjs'))),
);
const probes = projects.flatMap((root) => [
  `${root}/src/lint-probe.spec.ts`,
  `${root}/test/lint-probe.ts`,
]);

/** Rule ids reported per probe file, from one real ESLint run over every probe. */
const reported = new Map<string, readonly string[]>();

beforeAll(() => {
  const output = execFileSync('node', [join(__dirname, 'lint-probes.mjs'), JSON.stringify(RULES)], {
    cwd: workspaceRoot,
    input: JSON.stringify(probes.map((filePath) => ({ filePath, code: PROBE }))),
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const results = JSON.parse(output.toString('utf8')) as string[][];
  probes.forEach((file, i) =>
    reported.set(
      file,
      (results[i] ?? []).map((message) => message.slice(0, message.indexOf(':'))),
    ),
  );
});

describe('test lint rules', () => {
  it('cover the projects of the workspace', () => {
    expect(projects.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(probes)('%s', (file) => {
    it('reports a test without assertion, a conditional expect and a skipped test', () => {
      expect(reported.get(file)).toStrictEqual(RULES);
    });
  });
});
