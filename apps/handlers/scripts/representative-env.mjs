/**
 * The environment the construct gives every function, with representative values: the
 * bundle-size check requires each bundle with it, so the measured time includes cold-start
 * configuration parsing and client construction. Names and the set each function reads come from
 * `@org/contracts` (`constructEnvironment`), so this cannot drift from what the handlers read.
 */
import { createRequire } from 'node:module';

const { HANDLER_ENV, HANDLER_FUNCTIONS, constructEnvironment } = createRequire(import.meta.url)(
  '@org/contracts',
);

/** Representative values of every variable the construct sets, by contract key. */
const VALUES = Object.freeze({
  rulesTable: 'org-governance-rules',
  stateTable: 'org-governance-state',
  auditTable: 'org-governance-audit',
  auditRetentionDays: '365',
  idempotencyTable: 'org-governance-idempotency',
  operationsQueueUrl:
    'https://sqs.us-east-1.amazonaws.com/111111111111/org-governance-operations.fifo',
  failureTopicArn: 'arn:aws:sns:us-east-1:111111111111:org-governance-failures',
  rulesCacheTtlSeconds: '60',
  ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  identityStoreId: 'd-1111111111',
  statusWaitSeconds: '60',
  operationsMaxReceiveCount: '5',
  logLevel: 'INFO',
});

/** The union of every function's construct-set environment, plus what Lambda itself sets. */
export const REPRESENTATIVE_LAMBDA_ENV = Object.freeze(
  Object.assign(
    { [HANDLER_ENV.region]: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'org-governance-function' },
    ...HANDLER_FUNCTIONS.map((name) => constructEnvironment(name, VALUES)),
  ),
);
