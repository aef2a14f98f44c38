/**
 * Resources of a default `OrgGovernance`: tables, queues, topic, functions, logs, schedule,
 * alarms and dashboard.
 */
import { Match } from 'aws-cdk-lib/assertions';
import {
  createTableInput,
  DEFAULT_STATUS_WAIT_SECONDS,
  HANDLER_ENV,
  TABLE_DESIGNS,
  type TableDesign,
} from '@org/contracts';
import { expectTemplate } from './support/expect-template';
import { DENY_INSECURE_TRANSPORT, tlsOnlyPolicies } from './support/policy-matchers';
import { synthGovernance, type SynthesizedGovernance } from './support/synth';

let synth: SynthesizedGovernance;
beforeAll(() => {
  synth = synthGovernance();
});

/** Logical id of the governance key. */
function keyId(): string {
  return synth.stack.getLogicalId(synth.governance.encryptionKey.node.defaultChild as never);
}

describe('encryption key', () => {
  it('is a customer-managed key with rotation, retained with the stack', () => {
    expectTemplate(synth.template).toHaveResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('lets CloudWatch Logs, alarms and EventBridge of this account use it', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsForThisAccountLogGroups',
            Condition: { ArnLike: Match.anyValue() },
          }),
          Match.objectLike({
            Sid: 'AllowAlarmsAndEventBridgeOfThisAccount',
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });
});

/** The key schema and indexes of a table design, as CloudFormation declares them. */
function keysOf(design: TableDesign) {
  const { KeySchema, GlobalSecondaryIndexes } = createTableInput(design, 'any');
  return { KeySchema, GlobalSecondaryIndexes };
}

describe('tables', () => {
  it.each([
    // The contract's design, whose keys and index its own spec pins.
    ['rules', keysOf(TABLE_DESIGNS.rules)],
    [
      'provisioned state',
      {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Match.absent(),
        TimeToLiveSpecification: Match.absent(),
      },
    ],
    ['audit log', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }],
    [
      'idempotency',
      {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    ],
    // Who last set each account tag: pk=ACCOUNT#<id>, sk=TAG#<key>, kept (no TTL).
    [
      'tag ledger',
      {
        ...keysOf(TABLE_DESIGNS.tagLedger),
        GlobalSecondaryIndexes: Match.absent(),
        TimeToLiveSpecification: Match.absent(),
      },
    ],
  ])('%s table is on-demand, PITR, KMS-encrypted with the governance key', (_name, specific) => {
    expectTemplate(synth.template).toHaveResource('AWS::DynamoDB::Table', {
      Properties: {
        ...specific,
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
        },
        DeletionProtectionEnabled: true,
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('creates exactly five tables', () => {
    expectTemplate(synth.template).toHaveResourceCount('AWS::DynamoDB::Table', 5);
  });
});

describe('operations queue', () => {
  it('is FIFO without content-based deduplication, KMS-encrypted, kept 14 days, with a 6x-timeout visibility and a DLQ', () => {
    // worker timeout = 20 s status wait (the worker's default) + 30 s; 6 x 50 s = 300 s
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      MessageRetentionPeriod: 1_209_600,
      ContentBasedDeduplication: false,
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
      VisibilityTimeout: 300,
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
  });

  it('has a FIFO dead-letter queue kept for 14 days, KMS-encrypted', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      MessageRetentionPeriod: 1_209_600,
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
      RedrivePolicy: Match.absent(),
    });
  });

  it('refuses non-TLS access on every queue', () => {
    const policies = tlsOnlyPolicies(synth.template, 'AWS::SQS::QueuePolicy');
    expect(Object.keys(policies)).toHaveLength(3);
  });
});

describe('failure topic', () => {
  it('is KMS-encrypted and TLS-only', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] },
    });
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([DENY_INSECURE_TRANSPORT]) },
    });
  });
});

describe('functions', () => {
  it.each([
    ['Plans SCP and assignment operations for one Organizations event', 512, 60, undefined],
    [
      'Executes queued operations: attach/detach SCPs, create/delete assignments',
      512,
      50,
      undefined,
    ],
    ['Notifies external systems of Control Tower account vending', 256, 60, undefined],
    [
      'Compares the organization with the rules and enqueues the drift repairs',
      1024,
      600,
      undefined,
    ],
  ])(
    '%s: nodejs22.x on ARM64, %i MB, %i s, reserved %p',
    (description, memory, timeout, reserved) => {
      expectTemplate(synth.template).toHaveResourceProperties('AWS::Lambda::Function', {
        Description: description,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: memory,
        Timeout: timeout,
        ReservedConcurrentExecutions: reserved ?? Match.absent(),
        LoggingConfig: { LogGroup: Match.anyValue() },
      });
    },
  );

  it("polls an assignment's status at most 20 s by default, as the worker does unconfigured", () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Executes queued operations'),
      Timeout: 50,
      Environment: {
        Variables: Match.objectLike({ [HANDLER_ENV.statusWaitSeconds]: '20' }),
      },
    });
    expect(DEFAULT_STATUS_WAIT_SECONDS).toBe(20);
  });

  it('gives the worker the table, queue and topic names and its status wait', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Executes queued operations'),
      Environment: {
        Variables: Match.exact({
          [HANDLER_ENV.rulesTable]: Match.anyValue(),
          [HANDLER_ENV.stateTable]: Match.anyValue(),
          [HANDLER_ENV.auditTable]: Match.anyValue(),
          [HANDLER_ENV.idempotencyTable]: Match.anyValue(),
          [HANDLER_ENV.operationsQueueUrl]: Match.anyValue(),
          [HANDLER_ENV.failureTopicArn]: Match.anyValue(),
          [HANDLER_ENV.statusWaitSeconds]: String(DEFAULT_STATUS_WAIT_SECONDS),
          [HANDLER_ENV.operationsMaxReceiveCount]: '5',
          [HANDLER_ENV.tagLedgerTable]: Match.anyValue(),
        }),
      },
    });
  });

  it('lets the reconciler repair drift unless reconcileDryRun is set (no DRY_RUN: its default)', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Compares the organization'),
      Environment: { Variables: Match.objectLike({ [HANDLER_ENV.dryRun]: Match.absent() }) },
    });
  });

  it('consumes the operations queue with partial batch responses and bounded concurrency', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('sends failed asynchronous invocations of processor, notifier and reconciler to the failed-events queue', () => {
    const failedEventsId = synth.stack.getLogicalId(
      synth.governance.failedEventsQueue.node.defaultChild as never,
    );
    const configs = synth.template.findResources('AWS::Lambda::EventInvokeConfig', {
      Properties: {
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [failedEventsId, 'Arn'] } },
        },
        MaximumEventAgeInSeconds: 21_600,
      },
    });
    expect(
      Object.values(configs)
        .map(
          (c) =>
            (c as { Properties: { MaximumRetryAttempts: number } }).Properties.MaximumRetryAttempts,
        )
        .sort(),
    ).toStrictEqual([0, 2, 2]);
  });

  it('logs into KMS-encrypted log groups kept for one year (four functions, the reconcile runs)', () => {
    const groups = synth.template.findResources('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] } },
    });
    expect(Object.keys(groups)).toHaveLength(5);
  });
});

describe('reconciler schedule', () => {
  it('runs daily, with retries and the failed-events queue as dead-letter queue', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [
        Match.objectLike({
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });
});

describe('alarms', () => {
  it('alarms on both dead-letter queues, each function’s errors and throttles, failed reconcile runs, failed operations, drift and changes made by hand', () => {
    const alarms = synth.template.findResources('AWS::CloudWatch::Alarm', {
      Properties: {
        AlarmActions: [
          {
            Ref: synth.stack.getLogicalId(synth.governance.failureTopic.node.defaultChild as never),
          },
        ],
      },
    });
    const metrics = Object.values(alarms)
      .map((a) => {
        const { MetricName, Metrics } = (
          a as { Properties: { MetricName?: string; Metrics?: { Expression?: string }[] } }
        ).Properties;
        return MetricName ?? Metrics?.find((m) => m.Expression !== undefined)?.Expression;
      })
      .sort();
    expect(metrics).toStrictEqual([
      'ApproximateNumberOfMessagesVisible',
      'ApproximateNumberOfMessagesVisible',
      'DriftOperations',
      'Errors',
      'Errors',
      'Errors',
      'Errors',
      'OperationsFailed',
      'OutOfBandChanges',
      'Throttles',
      'Throttles',
      'Throttles',
      'Throttles',
      'UntrustedTagSkipped',
      // The reconcile state machine: ExecutionsFailed + ExecutionsTimedOut.
      'failed + timedOut',
    ]);
  });

  it('raises the drift alarm on the Powertools metric of the reconciler', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'OrgGovernance',
      MetricName: 'DriftOperations',
      Dimensions: [{ Name: 'service', Value: 'org-governance' }],
      Period: 3600,
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it.each([
    ['UntrustedTag skip', 'UntrustedTagSkipped'],
    ['change made outside the product', 'OutOfBandChanges'],
  ])('warns on every %s (%s, 5-minute sum)', (_what, metricName) => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'OrgGovernance',
      MetricName: metricName,
      Dimensions: [{ Name: 'service', Value: 'org-governance' }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('creates a dashboard', () => {
    expectTemplate(synth.template).toHaveResourceCount('AWS::CloudWatch::Dashboard', 1);
  });

  it('exposes metric helpers on the Powertools namespace', () => {
    expect(
      synth.stack.resolve(synth.governance.metricOperationsFailed().toMetricConfig().metricStat),
    ).toStrictEqual(
      expect.objectContaining({
        namespace: 'OrgGovernance',
        metricName: 'OperationsFailed',
        statistic: 'Sum',
        dimensions: [{ name: 'service', value: 'org-governance' }],
      }),
    );
  });
});
