/**
 * The escape hatches: function settings (defaults and per function), bring-your-own key and
 * tables, alarm actions by severity, the metrics namespace, generated names, concrete classes.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { HANDLER_ENV } from '@org/contracts';
import { OrgGovernance, type OrgGovernanceProps } from '../src';
import { FULL_CONFIG } from './support/governance-config';

/** A stack in the management account with whatever `build` adds. */
function stackWith(build: (stack: Stack) => void): { stack: Stack; template: Template } {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Governance', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  build(stack);
  return { stack, template: Template.fromStack(stack) };
}

/** How many resources of `type` have (at least) these properties. */
function count(template: Template, type: string, properties: Record<string, unknown>): number {
  return Object.keys(template.findResources(type, { Properties: properties })).length;
}

/** One `OrgGovernance` with `FULL_CONFIG` and the given props. */
function governanceIn(stack: Stack, id: string, props: Partial<OrgGovernanceProps> = {}) {
  return new OrgGovernance(stack, id, { governanceConfig: FULL_CONFIG, ...props });
}

describe('functionDefaults and functions', () => {
  let governance: OrgGovernance;
  let template: Template;
  beforeAll(() => {
    ({ template } = stackWith((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
      governance = governanceIn(stack, 'OrgGovernance', {
        functionDefaults: {
          tracing: lambda.Tracing.ACTIVE,
          vpc,
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          logRetention: logs.RetentionDays.THREE_MONTHS,
          runtime: lambda.Runtime.NODEJS_LATEST,
        },
        functions: {
          worker: { memorySize: 1024, reservedConcurrentExecutions: 3 },
          reconciler: { architecture: lambda.Architecture.X86_64, timeout: Duration.minutes(10) },
        },
      });
    }));
  });

  it('applies the defaults to every function and the overrides to one', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const settings = Object.values(fns).map((fn) => {
      const p = (fn as { Properties: Record<string, unknown> }).Properties;
      return [
        p['Description'],
        p['MemorySize'],
        p['Timeout'],
        p['Architectures'],
        p['ReservedConcurrentExecutions'],
      ];
    });
    expect(settings.sort()).toStrictEqual(
      [
        [
          'Compares the organization with the rules and enqueues the drift repairs',
          1024,
          600,
          ['x86_64'],
          undefined,
        ],
        [
          'Executes queued operations: attach/detach SCPs, create/delete assignments',
          1024,
          50,
          ['arm64'],
          3,
        ],
        [
          'Notifies external systems of Control Tower account vending',
          256,
          60,
          ['arm64'],
          undefined,
        ],
        [
          'Plans SCP and assignment operations for one Organizations event',
          512,
          60,
          ['arm64'],
          undefined,
        ],
      ].sort(),
    );
    expect(
      count(template, 'AWS::Lambda::Function', {
        TracingConfig: { Mode: 'Active' },
        VpcConfig: { SubnetIds: Match.anyValue(), SecurityGroupIds: Match.anyValue() },
        Runtime: lambda.Runtime.NODEJS_LATEST.name,
      }),
    ).toBe(4);
    expect(count(template, 'AWS::Logs::LogGroup', { RetentionInDays: 90 })).toBe(4);
  });

  it('grants X-Ray and the network-interface actions in policies of their own', () => {
    expect(
      count(template, 'AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [
            {
              Sid: 'WriteTraces',
              Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
              Resource: '*',
              Effect: 'Allow',
            },
          ],
        },
      }),
    ).toBe(4);
    expect(
      count(template, 'AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [Match.objectLike({ Sid: 'ManageVpcNetworkInterfaces', Resource: '*' })],
        },
      }),
    ).toBe(4);
  });

  it('exposes functions as lambda.Function (environment can be added)', () => {
    governance.operationsWorker.addEnvironment('PLATFORM_TEAM', 'cloud');
    expect(governance.operationsWorker).toBeInstanceOf(lambda.Function);
    expect(governance.operationsWorker.runtime.name).toBe(lambda.Runtime.NODEJS_LATEST.name);
  });
});

describe('encryptionKey and existingTables', () => {
  it('uses the given key for every table, queue, topic and log group, and the given table', () => {
    let key: kms.Key | undefined;
    const { stack, template } = stackWith((s) => {
      key = new kms.Key(s, 'PlatformKey');
      const rules = dynamodb.Table.fromTableName(s, 'Rules', 'existing-rules');
      governanceIn(s, 'OrgGovernance', { encryptionKey: key, existingTables: { rules } });
    });
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(key?.node.defaultChild as never), 'Arn'] };
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 4);
    expect(
      count(template, 'AWS::DynamoDB::Table', { SSESpecification: { KMSMasterKeyId: keyArn } }),
    ).toBe(4);
    expect(count(template, 'AWS::SQS::Queue', { KmsMasterKeyId: keyArn })).toBe(3);
    expect(count(template, 'AWS::SNS::Topic', { KmsMasterKeyId: keyArn })).toBe(1);
    // The four functions' log groups and the reconcile state machine's.
    expect(count(template, 'AWS::Logs::LogGroup', { KmsKeyId: keyArn })).toBe(5);
    expect(
      count(template, 'AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({ [HANDLER_ENV.rulesTable]: 'existing-rules' }),
        },
      }),
    ).toBe(4);
  });
});

describe('alarmActions', () => {
  it('adds each severity’s actions to its alarms, next to the failure topic', () => {
    let governance: OrgGovernance | undefined;
    const { stack } = stackWith((s) => {
      const pager = new sns.Topic(s, 'Pager');
      const chat = new sns.Topic(s, 'Chat');
      governance = governanceIn(s, 'OrgGovernance', {
        alarmActions: {
          critical: [new actions.SnsAction(pager)],
          warning: [new actions.SnsAction(chat)],
        },
      });
    });
    const actionsOf = (alarms: readonly { node: { defaultChild?: unknown } }[]) =>
      alarms.map((alarm) =>
        (
          stack.resolve((alarm.node.defaultChild as { alarmActions: unknown }).alarmActions) as {
            Ref: string;
          }[]
        ).map((ref) => ref.Ref.replace(/[A-F0-9]{8}$/, '')),
      );
    const critical = actionsOf(governance?.criticalAlarms ?? []);
    const warning = actionsOf(governance?.warningAlarms ?? []);
    expect({ critical: critical.length, warning: warning.length }).toStrictEqual({
      critical: 8,
      warning: 7,
    });
    expect(new Set(critical.map((a) => a.join(',')))).toStrictEqual(
      new Set(['OrgGovernanceFailuresTopic,Pager']),
    );
    expect(new Set(warning.map((a) => a.join(',')))).toStrictEqual(
      new Set(['OrgGovernanceFailuresTopic,Chat']),
    );
  });
});

describe('two instances in one stack', () => {
  it('synthesize with distinct names and separate metrics', () => {
    const { template } = stackWith((s) => {
      governanceIn(s, 'Production');
      governanceIn(s, 'Sandbox', { metricsNamespace: 'OrgGovernance/Sandbox' });
    });
    const busNames = Object.values(template.findResources('AWS::Events::EventBus')).map(
      (bus) => (bus as { Properties: { Name: string } }).Properties.Name,
    );
    const namespaces = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => (alarm as { Properties: { Namespace?: string } }).Properties.Namespace)
      .filter((namespace) => namespace !== undefined && !namespace.startsWith('AWS/'));
    expect({
      busNames: busNames.sort(),
      namespaces: [...new Set(namespaces)].sort(),
    }).toStrictEqual({
      busNames: [
        expect.stringMatching(/^Governance-Production-/),
        expect.stringMatching(/^Governance-Sandbox-/),
      ],
      namespaces: ['OrgGovernance', 'OrgGovernance/Sandbox'],
    });
  });

  it('refuses a repeated metrics namespace, naming the other instance', () => {
    expect(() =>
      stackWith((s) => {
        governanceIn(s, 'Production');
        governanceIn(s, 'Sandbox');
      }),
    ).toThrow(
      "metricsNamespace 'OrgGovernance' is already used by the OrgGovernance at 'Governance/Production' in this stack",
    );
  });
});

it('rejects unsafe function settings, every one in the same error', () => {
  expect(() =>
    stackWith((s) =>
      governanceIn(s, 'OrgGovernance', {
        functionDefaults: { memorySize: 64 },
        functions: {
          worker: { timeout: Duration.minutes(5) },
          notifier: { securityGroups: [] },
          reconciler: { reservedConcurrentExecutions: -1, timeout: Duration.minutes(15) },
        },
        workerMaxConcurrency: 1,
        metricsNamespace: 'AWS/Lambda',
      }),
    ),
  ).toThrow(
    [
      'memorySize must be whole MB from 128 to 10240, in functionDefaults',
      "functions.worker.timeout is not accepted: the worker's timeout is assignmentStatusWait + 30 s (set assignmentStatusWait)",
      "the reconciler's timeout must be at most 600 seconds (each step of a reconcile run checkpoints within it), got 900 from functions.reconciler",
      'reservedConcurrentExecutions must be an integer from 0 to 1000, in functions.reconciler',
      'vpcSubnets and securityGroups need vpc (give it in the same options), in functions.notifier',
      "metricsNamespace must be 1-255 letters, digits, . - _ / # : or spaces, not starting with AWS/, got 'AWS/Lambda'",
      'workerMaxConcurrency must be an integer from 2 to 10 (SQS allows at least 2; Identity Center allows 10 outstanding assignment creations), got 1',
    ].join('\n  - '),
  );
});
