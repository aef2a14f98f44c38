import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RECONCILE_PERMANENT_ERRORS } from '@org/contracts';
import { PERMANENT_ERRORS } from '../src/reconcile/reconcile-definition';
import { ReconcileStateMachine } from '../src/reconcile/reconcile-state-machine';
import { stateMachineEncryptionContext } from './support/policy-matchers';

/** The state machine around a stand-in reconciler, and its definition. */
function synth(options: { readonly encrypted?: boolean } = {}) {
  const stack = new Stack(new App(), 'Reconcile', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  const reconciler = new lambda.Function(stack, 'Reconciler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const encryptionKey = options.encrypted ? new kms.Key(stack, 'Key') : undefined;
  const reconcile = new ReconcileStateMachine(stack, 'Reconcile', { reconciler, encryptionKey });
  if (options.encrypted) {
    const operator = new iam.Role(stack, 'Operator', {
      assumedBy: new iam.AccountRootPrincipal(),
    });
    reconcile.grantStartExecution(operator);
  }
  const template = Template.fromStack(stack);
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const parts = (machine?.['Properties']?.['DefinitionString']?.['Fn::Join']?.[1] ??
    []) as unknown[];
  const definition = JSON.parse(
    parts.map((part) => (typeof part === 'string' ? part : 'ARN')).join(''),
  ) as { StartAt: string; States: Record<string, Record<string, unknown>> };
  return { template, definition };
}

describe('ReconcileStateMachine', () => {
  const { template, definition } = synth();

  it('is a Standard state machine, traced, logging every event without execution data', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    expect(Object.keys(template.findResources('AWS::Logs::LogGroup'))).toHaveLength(1);
  });

  it('prepares until done, maps the shards with a Distributed Map (each shard until done), then finishes', () => {
    const shards = definition.States['Shards'] as {
      ItemProcessor: { ProcessorConfig: unknown; StartAt: string; States: Record<string, unknown> };
      MaxConcurrency: number;
      ToleratedFailurePercentage: number;
      Next: string;
    };
    expect({
      startAt: definition.States['Scope'],
      prepared: definition.States['Prepared'],
      mode: shards.ItemProcessor.ProcessorConfig,
      shardStart: shards.ItemProcessor.StartAt,
      shardDone: shards.ItemProcessor.States['ShardDone'],
      maxConcurrency: shards.MaxConcurrency,
      tolerated: shards.ToleratedFailurePercentage,
      after: shards.Next,
      finishEnds: definition.States['Finish']?.['End'],
      // The task invokes the function with the payload itself (payloadResponseOnly).
      payload: definition.States['Prepare']?.['Parameters'],
    }).toStrictEqual({
      startAt: {
        Type: 'Choice',
        Choices: [{ Variable: '$.accountIds', IsPresent: true, Next: 'ReconcileAccounts' }],
        Default: 'Prepare',
      },
      prepared: {
        Type: 'Choice',
        Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Prepare' }],
        Default: 'Shards',
      },
      mode: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
      shardStart: 'ReconcileShard',
      shardDone: {
        Type: 'Choice',
        Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'ReconcileShard' }],
        Default: 'ShardReconciled',
      },
      maxConcurrency: 2,
      // Absent: AWS's default, no failed shard tolerated (the run fails, the shard is redriven).
      tolerated: undefined,
      after: 'Finish',
      finishEnds: true,
      payload: { step: 'prepare', 'runId.$': '$$.Execution.Name', 'request.$': '$' },
    });
  });

  it('runs a request naming accounts as one invocation of the reconciler with the request itself', () => {
    expect({
      startAt: definition.StartAt,
      accounts: definition.States['ReconcileAccounts']?.['Parameters'],
      output: definition.States['ReconcileAccounts']?.['OutputPath'],
      ends: definition.States['ReconcileAccounts']?.['End'],
    }).toStrictEqual({
      startAt: 'Scope',
      // The task invokes the function with the payload itself (payloadResponseOnly).
      accounts: { step: 'accounts', 'runId.$': '$$.Execution.Name', 'request.$': '$' },
      output: undefined,
      ends: true,
    });
  });

  it('retries every step with backoff (a checkpointed step starts over from its checkpoint), never a permanent error', () => {
    const shards = definition.States['Shards'] as {
      ItemProcessor: { States: Record<string, Record<string, unknown>> };
    };
    const retries = [
      definition.States['ReconcileAccounts'],
      definition.States['Prepare'],
      shards.ItemProcessor.States['ReconcileShard'],
      definition.States['Finish'],
    ].map((state) => state?.['Retry']);
    expect(retries).toStrictEqual(
      Array.from({ length: 4 }, () => [
        {
          ErrorEquals: ['ReconcileRequestInvalid', 'ReconcileWholeOrganizationNotDirect'],
          MaxAttempts: 0,
        },
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 30,
          MaxAttempts: 4,
          BackoffRate: 2,
          JitterStrategy: 'FULL',
        },
      ]),
    );
    expect(PERMANENT_ERRORS).toStrictEqual(Object.values(RECONCILE_PERMANENT_ERRORS));
  });

  it('reports a failed run once: every top-level step and the map catch into ReportFailure, then RunFailed', () => {
    const shards = definition.States['Shards'] as {
      ItemProcessor: { States: Record<string, Record<string, unknown>> };
    };
    const toReport = [{ ErrorEquals: ['States.ALL'], Next: 'ReportFailure' }];
    expect({
      accounts: definition.States['ReconcileAccounts']?.['Catch'],
      prepare: definition.States['Prepare']?.['Catch'],
      shards: definition.States['Shards']?.['Catch'],
      finish: definition.States['Finish']?.['Catch'],
      // A shard's failure fails the map (its child execution), whose catch reports.
      shard: shards.ItemProcessor.States['ReconcileShard']?.['Catch'],
      report: definition.States['ReportFailure']?.['Parameters'],
      reportResult: definition.States['ReportFailure']?.['ResultPath'],
      reportNext: definition.States['ReportFailure']?.['Next'],
      reportRetry: (definition.States['ReportFailure']?.['Retry'] as unknown[]).length,
      failed: definition.States['RunFailed'],
    }).toStrictEqual({
      accounts: toReport,
      prepare: toReport,
      shards: toReport,
      finish: toReport,
      shard: undefined,
      report: {
        step: 'reportFailure',
        'runId.$': '$$.Execution.Name',
        'error.$': '$.Error',
        'cause.$': '$.Cause',
      },
      reportResult: null,
      reportNext: 'RunFailed',
      reportRetry: 1,
      failed: { Type: 'Fail', ErrorPath: '$.Error', CausePath: '$.Cause' },
    });
  });

  it('gives its role the explicit deny of detaching FullAWSAccess and RCPFullAWSAccess', () => {
    const denies = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (
        policy['Properties']['PolicyDocument']['Statement'] as {
          Effect: string;
          Action: string;
        }[]
      ).filter((statement) => statement.Effect === 'Deny'),
    );
    expect(denies.map((statement) => statement.Action)).toStrictEqual([
      'organizations:DetachPolicy',
    ]);
  });
});

describe('ReconcileStateMachine under a customer-managed key', () => {
  const { template } = synth({ encrypted: true });
  const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const name = machine?.['Properties']?.['StateMachineName'] as string;
  const thisMachine = stateMachineEncryptionContext(name);
  /** The KMS statements of the policies attached to the role whose logical id starts with `role`. */
  const kmsStatements = (role: string): unknown[] =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) =>
        (policy['Properties']['Roles'] as { Ref: string }[]).some((ref) =>
          ref.Ref.startsWith(role),
        ),
      )
      .flatMap((policy) => policy['Properties']['PolicyDocument']['Statement'] as unknown[])
      .filter((statement) => JSON.stringify(statement).includes('"kms:'));

  it('encrypts the execution history and definition with the key, not the AWS-owned key', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      EncryptionConfiguration: {
        Type: 'CUSTOMER_MANAGED_KMS_KEY',
        KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it("lets its role use the key for this state machine's executions only, and for its execution logs", () => {
    expect(kmsStatements('ReconcileRole')).toStrictEqual([
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: thisMachine,
      },
      {
        Sid: 'EncryptExecutionLogs',
        Effect: 'Allow',
        Action: 'kms:GenerateDataKey',
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: {
          StringEquals: {
            'kms:EncryptionContext:SourceArn': {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:111111111111:*'],
              ],
            },
          },
        },
      },
    ]);
  });

  it("grantStartExecution adds the key's GenerateDataKey and Decrypt for this state machine's executions only", () => {
    expect(kmsStatements('Operator')).toStrictEqual([
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: thisMachine,
      },
    ]);
  });
});
