import baseConfig from '../../eslint.config.mjs';
import * as jsoncParser from 'jsonc-eslint-parser';

export default [
  ...baseConfig,
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
          ],
          // Resolved by name (require.resolve) and imported in a child process, so not seen.
          ignoredDependencies: ['@sparticuz/chromium'],
        },
      ],
    },
    languageOptions: { parser: jsoncParser },
  },
];
