import { readReconcilerConfig, readWorkerConfig } from '../../src/shared/config/handler-config';
import { parseHandlerEnvironment } from '@org/contracts';
import { COMPLETE_ENVIRONMENT } from '../support/fixtures';

/** What both the worker and the reconciler read from {@link COMPLETE_ENVIRONMENT}, with the documented defaults. */
const READ_BY_BOTH = {
  region: 'us-east-1',
  rulesTable: 'rules',
  stateTable: 'state',
  auditTable: 'audit',
  auditRetentionDays: 365,
  operationsQueueUrl: COMPLETE_ENVIRONMENT.OPERATIONS_QUEUE_URL,
  failureTopicArn: COMPLETE_ENVIRONMENT.FAILURE_TOPIC_ARN,
  rulesCacheTtlMs: 60_000,
};

/** The Identity Center quota settings both read when only the rate may be set. */
const DEFAULT_QUOTA = {
  requestsPerSecond: 20,
  maxOutstandingCreates: 10,
  slotLeaseMs: 900_000,
  maxWaitMs: 30_000,
  slotRetryMs: 250,
};

describe('handler configuration', () => {
  it('reads a complete worker environment with the documented defaults', () => {
    expect(
      readWorkerConfig({
        ...COMPLETE_ENVIRONMENT,
        STATUS_WAIT_SECONDS: '45',
        OPERATIONS_MAX_RECEIVE_COUNT: '5',
      }),
    ).toStrictEqual({
      ...READ_BY_BOTH,
      idempotencyTable: 'idempotency',
      polling: {
        firstPollDelayMs: 1000,
        pollIntervalMs: 600,
        steadyPollingMs: 5000,
        pollBackoff: 1.5,
        maxPollIntervalMs: 5000,
        pollBudgetMs: 45_000,
      },
      quota: DEFAULT_QUOTA,
      maxReceiveCount: 5,
      organizationsRates: { readsPerSecond: 5, writesPerSecond: 2 },
    });
  });

  it('reads the Identity Center role to assume', () => {
    const roleArn = 'arn:aws:iam::222222222222:role/OrgGovernanceIdentityCenter';
    expect(
      readReconcilerConfig({ ...COMPLETE_ENVIRONMENT, SSO_ROLE_ARN: roleArn, DRY_RUN: 'TRUE' }),
    ).toMatchObject({ identityCenterRoleArn: roleArn, dryRun: true });
  });

  it('the reconciler reads no worker tunable, but the shared rates (published unless set) and its table', () => {
    expect(
      readReconcilerConfig({
        ...COMPLETE_ENVIRONMENT,
        STATUS_WAIT_SECONDS: 'never',
        IDENTITY_CENTER_REQUESTS_PER_SECOND: '15',
        ORGANIZATIONS_WRITES_PER_SECOND: '1',
      }),
    ).toStrictEqual({
      ...READ_BY_BOTH,
      dryRun: false,
      idempotencyTable: 'idempotency',
      quota: { ...DEFAULT_QUOTA, requestsPerSecond: 15 },
      organizationsRates: { readsPerSecond: 5, writesPerSecond: 1 },
    });
  });

  it('reports every problem at once, as the contract parser words them for its function', () => {
    // The problems themselves are the contract's: its spec lists every problem of a reconciler environment.
    const env = { AWS_REGION: 'us-east-1', RULES_TABLE: ' ', DRY_RUN: 'maybe' };
    let expected: unknown;
    try {
      parseHandlerEnvironment('reconciler', env);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(Error);
    expect(() => readReconcilerConfig(env)).toThrow(expected as Error);
  });
});
