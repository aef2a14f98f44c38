import nx from '@nx/eslint-plugin';

/** Modules the pure engine must never import: no AWS SDK, no CDK, no filesystem, no processes. */
const impureModules = [
  '@aws-sdk/*',
  '@smithy/*',
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
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

/**
 * Extra rules for the pure core (event-schemas, scope-engine), spread into their own
 * eslint.config.mjs: the module-boundaries rule only knows npm packages in the graph, so Node
 * built-ins and transitive packages are banned here too, with a message that says why.
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
          ],
        },
      ],
    },
  },
];

export default [
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
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            {
              sourceTag: 'scope:schemas',
              onlyDependOnLibsWithTags: ['scope:schemas'],
              bannedExternalImports: impureModules,
            },
            {
              sourceTag: 'scope:engine',
              onlyDependOnLibsWithTags: ['scope:schemas', 'scope:engine'],
              bannedExternalImports: impureModules,
            },
            {
              sourceTag: 'scope:adapters',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:adapters',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:handlers',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:adapters',
                'scope:handlers',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:construct',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:handlers',
                'scope:construct',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:deploy',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:construct',
                'scope:deploy',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:cli',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:adapters',
                'scope:cli',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: [
                'scope:schemas',
                'scope:engine',
                'scope:adapters',
                'scope:testing',
              ],
            },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
];
