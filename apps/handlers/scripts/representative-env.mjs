/**
 * The environment the construct gives every function (names from `HANDLER_ENV`), with
 * representative values: the bundle-size check requires each bundle with it, so the measured
 * time includes cold-start configuration parsing and client construction.
 */
export const REPRESENTATIVE_LAMBDA_ENV = Object.freeze({
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'org-governance-function',
  RULES_TABLE: 'org-governance-rules',
  STATE_TABLE: 'org-governance-state',
  STATE_TAG_KEY_INDEX: 'byAccountTagKey',
  AUDIT_TABLE: 'org-governance-audit',
  AUDIT_RETENTION_DAYS: '400',
  IDEMPOTENCY_TABLE: 'org-governance-idempotency',
  OPERATIONS_QUEUE_URL:
    'https://sqs.us-east-1.amazonaws.com/111111111111/org-governance-operations.fifo',
  FAILURE_TOPIC_ARN: 'arn:aws:sns:us-east-1:111111111111:org-governance-failures',
  MANAGEMENT_ACCOUNT_ID: '111111111111',
  SSO_INSTANCE_ARN: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  IDENTITY_STORE_ID: 'd-1111111111',
  STATUS_WAIT_SECONDS: '60',
  POWERTOOLS_SERVICE_NAME: 'org-governance',
  POWERTOOLS_METRICS_NAMESPACE: 'OrgGovernance',
  POWERTOOLS_LOG_LEVEL: 'INFO',
});
