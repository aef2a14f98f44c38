/**
 * Trust boundaries in the synthesized template: only the product's own roles may send to the
 * operations queue (an explicit Deny for every other principal, next to the deny of non-TLS
 * requests); every role carries an explicit Deny of detaching FullAWSAccess and
 * RCPFullAWSAccess; every dead-letter and failed-events queue alarm has an action.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { OrgGovernance } from '../src';
import { expectTemplate } from './support/expect-template';
import { FULL_CONFIG } from './support/governance-config';
import { unacknowledgedNagFindings } from './support/nag';
import {
  MANAGEMENT_ACCOUNT,
  roleStatements,
  synthGovernance,
  type SynthesizedGovernance,
} from './support/synth';

/** `Fn::GetAtt` of a function's role ARN, as the template writes it. */
function roleArnOf(synth: SynthesizedGovernance, fn: lambda.IFunction): unknown {
  const role = fn.role as iam.Role;
  return { 'Fn::GetAtt': [synth.stack.getLogicalId(role.node.defaultChild as never), 'Arn'] };
}

/** An AWS-managed Organizations policy ARN as the template writes it. */
const managedPolicyArn = (path: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:organizations::aws:policy/${path}`]],
});

let synth: SynthesizedGovernance;
beforeAll(() => {
  synth = synthGovernance({ organizationId: 'o-exampleorg1' });
});

describe('the operations queue policy', () => {
  it('denies SendMessage to every principal but the processor, worker and reconciler roles, and denies non-TLS', () => {
    const { governance } = synth;
    const queueId = synth.stack.getLogicalId(governance.operationsQueue.node.defaultChild as never);
    expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          {
            Sid: 'DenySendExceptProductRoles',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
            Condition: {
              ArnNotEquals: {
                'aws:PrincipalArn': [
                  roleArnOf(synth, governance.orgEventsProcessor),
                  roleArnOf(synth, governance.operationsWorker),
                  roleArnOf(synth, governance.reconciler),
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('never admits the notifier, which sends no operations', () => {
    const policies = synth.template.findResources('AWS::SQS::QueuePolicy');
    const notifierRole = JSON.stringify(roleArnOf(synth, synth.governance.vendingNotifier));
    expect(JSON.stringify(policies).includes(notifierRole)).toBe(false);
  });

  it('admits a role outside the product only through admitOperationsSender', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Variant', {
      env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
    });
    const governance = new OrgGovernance(stack, 'OrgGovernance', {
      governanceConfig: FULL_CONFIG,
      organizationId: 'o-exampleorg1',
    });
    const operator = new iam.Role(stack, 'Operator', {
      assumedBy: new iam.AccountRootPrincipal(),
    });
    governance.admitOperationsSender(operator);
    const policies = Object.values(
      Template.fromStack(stack).findResources('AWS::SQS::QueuePolicy'),
    ) as {
      Properties: {
        PolicyDocument: {
          Statement: { Sid?: string; Condition?: Record<string, Record<string, unknown[]>> }[];
        };
      };
    }[];
    const senders = policies
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .find((statement) => statement.Sid === 'DenySendExceptProductRoles')?.Condition?.[
      'ArnNotEquals'
    ]?.['aws:PrincipalArn'];
    expect(senders).toHaveLength(4);
    expect(senders?.[3]).toStrictEqual({
      'Fn::GetAtt': [stack.getLogicalId(operator.node.defaultChild as never), 'Arn'],
    });
  });
});

describe('the explicit deny of detaching FullAWSAccess and RCPFullAWSAccess', () => {
  it.each([
    ['processor', (s: SynthesizedGovernance) => s.governance.orgEventsProcessor],
    ['worker', (s: SynthesizedGovernance) => s.governance.operationsWorker],
    ['notifier', (s: SynthesizedGovernance) => s.governance.vendingNotifier],
    ['reconciler', (s: SynthesizedGovernance) => s.governance.reconciler],
  ])('the %s role carries it, in a statement of its own', (_name, fnOf) => {
    const denies = roleStatements(synth, fnOf(synth).role as iam.IRole).filter(
      (statement) => statement.Effect === 'Deny',
    );
    expect(denies).toStrictEqual([
      {
        Sid: 'NeverDetachFullAccessPolicies',
        Effect: 'Deny',
        Action: ['organizations:DetachPolicy'],
        Resource: [
          managedPolicyArn('service_control_policy/p-FullAWSAccess'),
          managedPolicyArn('resource_control_policy/p-RCPFullAWSAccess'),
        ],
      },
    ]);
  });
});

describe('dead-letter and failed-events queue alarms', () => {
  it('notify the failure topic', () => {
    const topicId = synth.stack.getLogicalId(
      synth.governance.failureTopic.node.defaultChild as never,
    );
    const alarms = Object.values(
      synth.template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { MetricName: 'ApproximateNumberOfMessagesVisible' },
      }),
    ) as { Properties: { AlarmActions?: unknown[] } }[];
    expect(alarms.map((alarm) => alarm.Properties.AlarmActions)).toStrictEqual([
      [{ Ref: topicId }],
      [{ Ref: topicId }],
    ]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing unacknowledged with the queue policy and the denies', () => {
    expect(unacknowledgedNagFindings(synth.app)).toStrictEqual([]);
  });
});
