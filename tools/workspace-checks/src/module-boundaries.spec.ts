import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

const probe = (specifier: string) =>
  `import * as probe from '${specifier}';\nexport const p = probe;\n`;

const engine = 'packages/scope-engine/src/boundary-probe.ts';
const schemas = 'packages/event-schemas/src/boundary-probe.ts';

/** [file the probe pretends to be, import it makes, text the lint error must contain]. */
const rejected: ReadonlyArray<readonly [string, string, string]> = [
  [
    engine,
    '@aws-sdk/client-organizations',
    'not allowed to import "@aws-sdk/client-organizations"',
  ],
  [
    engine,
    '@smithy/util-retry',
    "no-restricted-imports: '@smithy/util-retry' import is restricted",
  ],
  [engine, 'aws-cdk-lib', 'not allowed to import "aws-cdk-lib"'],
  [engine, 'node:fs', "no-restricted-imports: 'node:fs' import is restricted"],
  [engine, 'child_process', "no-restricted-imports: 'child_process' import is restricted"],
  [engine, '@org/aws-adapters', 'scope-engine -> aws-adapters'],
  [schemas, '@org/scope-engine', 'scope-engine'],
  [schemas, '@aws-sdk/client-sns', 'not allowed to import "@aws-sdk/client-sns"'],
  ['packages/aws-adapters/src/boundary-probe.ts', '@org/handlers', 'aws-adapters'],
  ['apps/cli/src/boundary-probe.ts', '@org/scp-automation-construct', 'scope:cli'],
  ['apps/handlers/src/boundary-probe.ts', '@org/scp-automation-construct', 'handlers'],
  // Shipped code never depends on a test harness or a tools project.
  ['apps/handlers/src/boundary-probe.ts', '@org/emulators', 'handlers'],
  ['apps/handlers/src/boundary-probe.ts', '@org/local-stack', 'handlers'],
];

/** [file the probe pretends to be, import it makes] that the dependency direction allows. */
const allowed: ReadonlyArray<readonly [string, string]> = [
  [engine, '@org/event-schemas'],
  [engine, 'yaml'],
  ['packages/aws-adapters/src/boundary-probe.ts', '@org/scope-engine'],
  ['packages/aws-adapters/src/boundary-probe.ts', '@aws-sdk/client-organizations'],
  ['apps/handlers/src/boundary-probe.ts', '@org/aws-adapters'],
  ['apps/cli/src/boundary-probe.ts', '@org/aws-adapters'],
  ['apps/deploy-app/src/boundary-probe.ts', '@org/scp-automation-construct'],
];

/** Boundary-rule messages per probe, from one real ESLint run over every probe. */
const violations = new Map<string, readonly string[]>();
const key = (file: string, specifier: string) => `${file} -> ${specifier}`;

beforeAll(() => {
  const pairs = [...rejected, ...allowed];
  const output = execFileSync('node', [join(__dirname, 'lint-probes.mjs')], {
    cwd: workspaceRoot,
    input: JSON.stringify(
      pairs.map(([filePath, specifier]) => ({ filePath, code: probe(specifier) })),
    ),
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const results = JSON.parse(output.toString('utf8')) as string[][];
  pairs.forEach(([file, specifier], i) => violations.set(key(file, specifier), results[i]));
});

describe('module boundaries (ARCHITECTURE.md dependency direction)', () => {
  describe.each(rejected)('%s importing %s', (file, specifier, expected) => {
    it('is rejected by lint', () => {
      const messages = violations.get(key(file, specifier));
      expect(messages?.length).toBeGreaterThanOrEqual(1);
      expect(messages?.join('\n')).toContain(expected);
    });
  });

  describe.each(allowed)('%s importing %s', (file, specifier) => {
    it('is allowed', () => {
      expect(violations.get(key(file, specifier))).toStrictEqual([]);
    });
  });
});
