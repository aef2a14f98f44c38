import { readReconcilerConfig, readWorkerConfig } from '../../src/shared/config/handler-config';
import { HandlerEnvironmentError } from '../../src/shared/errors';

const COMPLETE = {
  AWS_REGION: 'us-east-1',
  RULES_TABLE: 'rules',
  STATE_TABLE: 'state',
  AUDIT_TABLE: 'audit',
  IDEMPOTENCY_TABLE: 'idempotency',
  OPERATIONS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/operations.fifo',
  FAILURE_TOPIC_ARN: 'arn:aws:sns:us-east-1:111111111111:failures',
};

describe('handler configuration', () => {
  it('reads a complete worker environment with the documented defaults', () => {
    expect(
      readWorkerConfig({
        ...COMPLETE,
        STATUS_WAIT_SECONDS: '45',
        OPERATIONS_MAX_RECEIVE_COUNT: '5',
      }),
    ).toStrictEqual({
      region: 'us-east-1',
      rulesTable: 'rules',
      stateTable: 'state',
      auditTable: 'audit',
      auditRetentionDays: 365,
      idempotencyTable: 'idempotency',
      operationsQueueUrl: COMPLETE.OPERATIONS_QUEUE_URL,
      failureTopicArn: COMPLETE.FAILURE_TOPIC_ARN,
      rulesCacheTtlMs: 60_000,
      polling: {
        firstPollDelayMs: 800,
        pollIntervalMs: 1000,
        pollBackoff: 1.5,
        maxPollIntervalMs: 5000,
        pollBudgetMs: 45_000,
      },
      quota: {
        requestsPerSecond: 20,
        maxOutstandingCreates: 10,
        slotLeaseMs: 900_000,
        maxWaitMs: 30_000,
        slotRetryMs: 250,
      },
      maxReceiveCount: 5,
    });
  });

  it('reads the Identity Center role to assume', () => {
    const roleArn = 'arn:aws:iam::222222222222:role/OrgGovernanceIdentityCenter';
    expect(
      readReconcilerConfig({ ...COMPLETE, SSO_ROLE_ARN: roleArn, DRY_RUN: 'TRUE' }),
    ).toMatchObject({ identityCenterRoleArn: roleArn, dryRun: true });
  });

  it('the reconciler reads no worker tunable and no idempotency table', () => {
    expect(
      readReconcilerConfig({ ...COMPLETE, IDEMPOTENCY_TABLE: '', STATUS_WAIT_SECONDS: 'never' }),
    ).toStrictEqual({
      region: 'us-east-1',
      rulesTable: 'rules',
      stateTable: 'state',
      auditTable: 'audit',
      auditRetentionDays: 365,
      operationsQueueUrl: COMPLETE.OPERATIONS_QUEUE_URL,
      failureTopicArn: COMPLETE.FAILURE_TOPIC_ARN,
      rulesCacheTtlMs: 60_000,
      dryRun: false,
    });
  });

  it('lists every problem at once', () => {
    const env = {
      AWS_REGION: 'us-east-1',
      RULES_TABLE: ' ',
      AUDIT_RETENTION_DAYS: '1.5',
      IDENTITY_CENTER_MAX_OUTSTANDING_CREATES: '0',
      SSO_INSTANCE_ARN: 'arn:aws:sso:::instance/ssoins-1',
      SSO_ROLE_ARN: 'arn:aws:iam::111111111111:user/sso-admin',
      DRY_RUN: 'maybe',
    };
    expect(() => readReconcilerConfig(env)).toThrow(
      new HandlerEnvironmentError('reconciler', [
        { variable: 'RULES_TABLE', problem: 'is required' },
        { variable: 'AUDIT_TABLE', problem: 'is required' },
        { variable: 'AUDIT_RETENTION_DAYS', problem: 'must be an integer >= 1, got "1.5"' },
        { variable: 'FAILURE_TOPIC_ARN', problem: 'is required' },
        { variable: 'STATE_TABLE', problem: 'is required' },
        { variable: 'OPERATIONS_QUEUE_URL', problem: 'is required' },
        {
          variable: 'SSO_ROLE_ARN',
          problem: 'must be an IAM role ARN, got "arn:aws:iam::111111111111:user/sso-admin"',
        },
        { variable: 'DRY_RUN', problem: 'must be true or false, got "maybe"' },
        {
          variable: 'IDENTITY_STORE_ID',
          problem: 'is required when the other of SSO_INSTANCE_ARN / IDENTITY_STORE_ID is set',
        },
      ]),
    );
  });
});
