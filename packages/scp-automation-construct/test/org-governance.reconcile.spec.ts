/**
 * The reconcile run of a default `OrgGovernance`: the schedule starts the state machine, which
 * fans the organization out over a Distributed Map; every invocation of the reconciler stays
 * within 10 minutes and 1 GB; a failed run raises a critical alarm; the backlog cannot expire.
 */
import { Match } from 'aws-cdk-lib/assertions';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { expectTemplate } from './support/expect-template';
import { stateMachineEncryptionContext } from './support/policy-matchers';
import { synthGovernance, type SynthesizedGovernance } from './support/synth';

/** The consumer's pager, an extra action of the critical alarms. */
const PAGER = 'arn:aws:sns:us-east-1:111111111111:pager';

let synth: SynthesizedGovernance;
let paged: SynthesizedGovernance;
beforeAll(() => {
  synth = synthGovernance();
  paged = synthGovernance({
    alarmActions: { critical: [{ bind: () => ({ alarmActionArn: PAGER }) }] },
  });
});

/** Logical id of a construct's CloudFormation resource in the default synthesis. */
function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return synth.stack.getLogicalId(construct.node.defaultChild as never);
}

/** The state machine's definition (its ARNs replaced by `ARN`). */
function definition(): { States: Record<string, Record<string, unknown>> } {
  const [machine] = Object.values(synth.template.findResources('AWS::StepFunctions::StateMachine'));
  const parts = (machine?.['Properties']?.['DefinitionString']?.['Fn::Join']?.[1] ??
    []) as unknown[];
  return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'ARN')).join('')) as {
    States: Record<string, Record<string, unknown>>;
  };
}

describe('the reconcile run', () => {
  it('is one Standard state machine fanning the shards out with a Distributed Map', () => {
    const shards = definition().States['Shards'] as {
      Type: string;
      ItemProcessor: { ProcessorConfig: unknown };
    };
    expectTemplate(synth.template).toHaveResourceCount('AWS::StepFunctions::StateMachine', 1);
    expect({ type: shards.Type, mode: shards.ItemProcessor.ProcessorConfig }).toStrictEqual({
      type: 'Map',
      mode: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    });
  });

  it('invokes only the reconciler, which runs at most 600 s with at most 1,024 MB', () => {
    const invoked = new Set(
      JSON.stringify(synth.template.findResources('AWS::StepFunctions::StateMachine')).match(
        /OrgGovernanceFunctions\w+Function\w+/g,
      ),
    );
    const reconciler = synth.template.toJSON().Resources[
      logicalId(synth.governance.reconciler)
    ] as {
      Properties: { Timeout: number; MemorySize: number };
    };
    expect([...invoked]).toStrictEqual([logicalId(synth.governance.reconciler)]);
    expect(reconciler.Properties.Timeout).toBeLessThanOrEqual(600);
    expect(reconciler.Properties.MemorySize).toBeLessThanOrEqual(1024);
  });

  it('is started by the daily schedule with an empty request, through a role of its own', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [
        Match.objectLike({
          Arn: { Ref: logicalId(synth.governance.reconcileStateMachine) },
          Input: '{}',
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ReconcileScheduleRole'), 'Arn'] },
        }),
      ],
    });
  });

  it('logs every event, without execution data, to a log group encrypted with the governance key; traced', () => {
    const key = logicalId(synth.governance.encryptionKey);
    expectTemplate(synth.template).toHaveResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: {
                'Fn::GetAtt': [Match.stringLikeRegexp('ReconcileExecutionLogs'), 'Arn'],
              },
            },
          },
        ],
      },
    });
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
      RetentionInDays: 365,
    });
  });

  it('keeps operations 14 days in the queue (a large first run drains before anything expires)', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      MessageRetentionPeriod: 1_209_600,
      RedrivePolicy: Match.anyValue(),
    });
  });
});

describe('a failed run', () => {
  it('raises a critical alarm on failed or timed-out executions, notifying the failure topic', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^\\[critical\\] A Reconcile run failed'),
      AlarmActions: [{ Ref: logicalId(synth.governance.failureTopic) }],
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'failed + timedOut' }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'ExecutionsFailed' }),
          }),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'ExecutionsTimedOut' }),
          }),
        }),
      ]),
    });
  });

  it('is among the critical alarms, with the consumer’s critical actions', () => {
    const alarm = paged.governance.criticalAlarms.find(
      (a) => a.node.id === 'ReconcileExecutionsFailed',
    ) as cloudwatch.Alarm;
    const resource = paged.template.toJSON().Resources[
      paged.stack.getLogicalId(alarm.node.defaultChild as never)
    ] as { Properties: { AlarmActions: unknown[] } };
    expect(resource.Properties.AlarmActions).toStrictEqual([
      { Ref: paged.stack.getLogicalId(paged.governance.failureTopic.node.defaultChild as never) },
      PAGER,
    ]);
  });
});

describe('the dashboard', () => {
  it('charts the reconcile runs that succeeded, failed and timed out', () => {
    const [dashboard] = Object.values(synth.template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.['Properties']?.['DashboardBody']);
    expect(
      ['Reconcile runs', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut'].filter(
        (text) => !body.includes(text),
      ),
    ).toStrictEqual([]);
  });
});

describe('on demand', () => {
  it('grantStartReconcile lets a principal start runs of exactly this state machine, under the key for its executions only', () => {
    const { governance, stack } = synthGovernance();
    const role = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    governance.grantStartReconcile(role);
    const statements = stack.resolve(
      (role.node.findChild('DefaultPolicy') as iam.Policy).document,
    ) as { Statement: unknown[] };
    const machine = governance.reconcileStateMachine.node.defaultChild as sfn.CfnStateMachine;
    expect(statements.Statement).toStrictEqual([
      {
        Action: 'states:StartExecution',
        Effect: 'Allow',
        Resource: { Ref: stack.getLogicalId(machine) },
      },
      {
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Effect: 'Allow',
        Resource: {
          'Fn::GetAtt': [
            stack.getLogicalId(governance.encryptionKey.node.defaultChild as never),
            'Arn',
          ],
        },
        Condition: stateMachineEncryptionContext(String(machine.stateMachineName)),
      },
    ]);
  });

  it('encrypts the execution history with the deployment key', () => {
    const { governance, stack } = synthGovernance();
    const machine = governance.reconcileStateMachine.node.defaultChild as sfn.CfnStateMachine;
    expect(stack.resolve(machine.encryptionConfiguration)).toStrictEqual({
      type: 'CUSTOMER_MANAGED_KMS_KEY',
      kmsKeyId: {
        'Fn::GetAtt': [
          stack.getLogicalId(governance.encryptionKey.node.defaultChild as never),
          'Arn',
        ],
      },
      kmsDataKeyReusePeriodSeconds: 300,
    });
  });
});
