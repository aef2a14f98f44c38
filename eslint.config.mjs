import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import * as jsoncParser from 'jsonc-eslint-parser';
import { IMPURE_GLOBALS as impureGlobals, IMPURE_PACKAGES } from './pure-core.cjs';

/** Modules the pure engine must never import: no AWS SDK, no CDK, no filesystem, no processes. */
const impureModules = [
  ...IMPURE_PACKAGES,
  'fs',
  'fs/promises',
  'node:fs',
  'node:fs/promises',
  'child_process',
  'node:child_process',
  'http',
  'https',
  'node:http',
  'node:https',
];

/** Node.js built-in modules by their bare names (`fs`, `timers`, …): the pure core imports none. */
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const BUILTIN_MESSAGE =
  'The pure core imports no Node.js built-in: I/O, time and processes belong to @org/governance-runtime and the adapters.';

/**
 * Extra rules for the pure core (contracts, event-schemas, scope-engine), spread into their own
 * eslint.config.mjs: the module-boundaries rule only knows npm packages in the graph, so Node
 * built-ins and transitive packages are banned here too, with a message that says why; no timers,
 * clock (`Date.now`, `new Date()`, `performance`), environment or process either.
 */
export const pureCore = [
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: impureModules,
              message:
                'event-schemas and scope-engine are pure: no AWS SDK, CDK, filesystem, network or processes (ARCHITECTURE.md). Take the data as input or add a port.',
            },
            {
              group: ['node:*'],
              message: BUILTIN_MESSAGE,
            },
          ],
          paths: nodeBuiltins.map((name) => ({ name, message: BUILTIN_MESSAGE })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...impureGlobals.map((name) => ({
          name,
          message: `The pure core has no ${name}: timers, clocks, the environment and processes belong to @org/governance-runtime (take the value as input).`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The pure core reads no clock: take the time as input.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'The pure core reads no clock: `new Date()` without arguments is now; take the time as input.',
        },
        {
          selector: `MemberExpression[object.name='globalThis'][property.name=/^(${impureGlobals.join('|')})$/]`,
          message:
            'The pure core has no timers, clock, environment or process (not through globalThis either).',
        },
      ],
    },
  },
];

/**
 * What counts as an assertion in a test: `expect`, and the repository's helpers that call it
 * (named, not `expect*`: `expectedRoles()` and the like only build data).
 */
const ASSERT_FUNCTION_NAMES = ['expect', 'expectTemplate'];

/**
 * Test files of every project: each test must prove its name. No conditional or standalone
 * `expect`, no test without an assertion, nothing skipped or focused.
 */
const testFiles = {
  files: ['**/*.spec.ts', '**/test/**/*.ts'],
  plugins: { jest },
  languageOptions: { globals: jest.environments.globals.globals },
  rules: {
    'jest/no-conditional-expect': 'error',
    'jest/expect-expect': ['error', { assertFunctionNames: ASSERT_FUNCTION_NAMES }],
    'jest/no-standalone-expect': 'error',
    'jest/no-disabled-tests': 'error',
    'jest/no-focused-tests': 'error',
    'jest/valid-expect': 'error',
    'jest/no-identical-title': 'error',
  },
};

/** The core layers, each allowed to use the ones before it: contracts, schemas, engine, runtime. */
const CORE_LAYERS = ['scope:contracts', 'scope:schemas', 'scope:engine', 'scope:runtime'];

/**
 * Module-boundary constraints of the projects above the core: each may use every core layer and
 * the tags listed for it.
 * @param {Record<string, string[]>} allowedByTag
 */
function layersAbove(allowedByTag) {
  return Object.entries(allowedByTag).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: [...CORE_LAYERS, ...allowed],
  }));
}

const baseConfig = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/cdk.out',
      '**/coverage',
      '**/node_modules',
      'packages/scp-automation-construct/assets',
      '**/jest.config.cjs',
      'jest.preset.cjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // The pure-core name lists (pure-core.cjs) are shared by this config and the engine's purity test.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/pure-core\\.cjs$'],
          depConstraints: [
            {
              sourceTag: 'scope:contracts',
              onlyDependOnLibsWithTags: CORE_LAYERS.slice(0, 1),
              bannedExternalImports: impureModules,
            },
            {
              sourceTag: 'scope:schemas',
              onlyDependOnLibsWithTags: CORE_LAYERS.slice(0, 2),
              bannedExternalImports: impureModules,
            },
            {
              sourceTag: 'scope:engine',
              onlyDependOnLibsWithTags: CORE_LAYERS.slice(0, 3),
              bannedExternalImports: impureModules,
            },
            {
              sourceTag: 'scope:runtime',
              onlyDependOnLibsWithTags: CORE_LAYERS,
              bannedExternalImports: ['@aws-sdk/*', '@smithy/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
            },
            ...layersAbove({
              'scope:adapters': ['scope:adapters', 'scope:testing'],
              'scope:handlers': ['scope:adapters', 'scope:handlers'],
              'scope:construct': ['scope:handlers', 'scope:construct', 'scope:testing'],
              'scope:deploy': ['scope:construct', 'scope:deploy', 'scope:testing'],
              'scope:cli': ['scope:adapters', 'scope:cli', 'scope:testing'],
              'scope:testing': ['scope:adapters', 'scope:testing'],
            }),
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  testFiles,
];

/** Files of every project whose imports are not the package's dependencies (tooling and tests). */
const DEPENDENCY_CHECK_IGNORED_FILES = [
  '{projectRoot}/eslint.config.{js,cjs,mjs}',
  '{projectRoot}/jest.config.cjs',
  '{projectRoot}/**/*.spec.ts',
  '{projectRoot}/test/**/*',
];

/**
 * The ESLint config of one project, for its own eslint.config.mjs: this base config, then the
 * pure-core rules when `pure`, the project's global `ignores`, its `extra` config objects, and
 * `@nx/dependency-checks` on its package.json (tests and tooling files plus `ignoredFiles` are not
 * scanned; `ignoredDependencies` are declared but not imported by the sources).
 * @param {{ pure?: boolean, ignores?: string[], ignoredFiles?: string[], ignoredDependencies?: string[], extra?: object[] }} [options]
 * @returns {object[]} The flat config array.
 */
export function projectConfig({
  pure = false,
  ignores = [],
  ignoredFiles = [],
  ignoredDependencies,
  extra = [],
} = {}) {
  return [
    ...baseConfig,
    ...(pure ? pureCore : []),
    ...(ignores.length > 0 ? [{ ignores }] : []),
    ...extra,
    {
      files: ['**/*.json'],
      rules: {
        '@nx/dependency-checks': [
          'error',
          {
            ignoredFiles: [...DEPENDENCY_CHECK_IGNORED_FILES, ...ignoredFiles],
            ...(ignoredDependencies ? { ignoredDependencies } : {}),
          },
        ],
      },
      languageOptions: { parser: jsoncParser },
    },
  ];
}

export default baseConfig;
