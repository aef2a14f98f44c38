import baseConfig, { pureCore } from '../../eslint.config.mjs';
import * as jsoncParser from 'jsonc-eslint-parser';

export default [
  ...baseConfig,
  ...pureCore,
  {
    // Benchmarks are a tool, not part of the published engine: they may spawn the CLI and write
    // temporary files (the engine itself may not).
    files: ['bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs}',
            '{projectRoot}/jest.config.cjs',
            '{projectRoot}/**/*.spec.ts',
            '{projectRoot}/test/**/*',
            '{projectRoot}/bench/**/*',
          ],
        },
      ],
    },
    languageOptions: { parser: jsoncParser },
  },
];
