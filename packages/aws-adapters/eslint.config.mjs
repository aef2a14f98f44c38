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
            '{projectRoot}/bench/**/*',
          ],
          // The peer of @aws-sdk/lib-dynamodb: callers build the DynamoDBClient that the document
          // client these adapters take wraps (the sources import only lib-dynamodb).
          ignoredDependencies: ['@aws-sdk/client-dynamodb'],
        },
      ],
    },
    languageOptions: { parser: jsoncParser },
  },
];
