import { projectConfig } from '../../eslint.config.mjs';

export default projectConfig({
  ignoredFiles: ['{projectRoot}/bench/**/*'],
  // The peer of @aws-sdk/lib-dynamodb: callers build the DynamoDBClient that the document
  // client these adapters take wraps (the sources import only lib-dynamodb).
  ignoredDependencies: ['@aws-sdk/client-dynamodb'],
});
