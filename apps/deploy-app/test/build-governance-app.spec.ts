/**
 * The deployable app: a central stack and its forwarders, cdk-nag clean, with the outputs the
 * deploy target needs.
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEPLOYMENT_GRANTS } from '@org/scp-automation-construct';
import {
  buildGovernanceApp,
  CENTRAL_OUTPUTS,
  loadGovernanceConfig,
  parseDeploySettings,
  type GovernanceStacks,
} from '../src';

const CONFIG = loadGovernanceConfig(
  path.join(__dirname, '..', '..', '..', 'examples', 'governance.yaml'),
);
const SETTINGS = parseDeploySettings(
  {
    account: '222222222222',
    region: 'eu-west-1',
    managementAccountId: '111111111111',
    organizationId: 'o-exampleorg1',
    controlTowerHomeRegion: 'eu-central-1',
    failureNotificationEmails: ['platform-oncall@example.com'],
    organizationTrail: true,
  },
  'deploy.json',
);

let app: App;
let stacks: GovernanceStacks;
let central: Template;
beforeAll(() => {
  // cdk-nag's EventBridge rule reads a deprecated L1 property; keep the output clean.
  process.env['JSII_DEPRECATED'] = 'quiet';
  app = new App();
  stacks = buildGovernanceApp(app, SETTINGS, CONFIG);
  central = Template.fromStack(stacks.central);
});

describe('buildGovernanceApp', () => {
  it('creates the central stack and one forwarder per source region, each in its own environment', () => {
    expect(
      [stacks.central, ...stacks.forwarders].map((stack) => [
        stack.stackName,
        stack.account,
        stack.region,
      ]),
    ).toStrictEqual([
      ['OrgGovernance-Central', '222222222222', 'eu-west-1'],
      ['OrgGovernance-Forwarder-eu-central-1', '111111111111', 'eu-central-1'],
      ['OrgGovernance-Forwarder-us-east-1', '111111111111', 'us-east-1'],
    ]);
  });

  it('points the forwarders at the central bus through their role, with a dead-letter queue', () => {
    for (const forwarder of stacks.forwarders) {
      const template = Template.fromStack(forwarder);
      const [roleId] = Object.keys(template.findResources('AWS::IAM::Role'));
      const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue'));
      const rules = Object.values(template.findResources('AWS::Events::Rule')) as {
        Properties: { Targets: unknown[] };
      }[];
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) {
        expect(rule.Properties.Targets).toStrictEqual([
          {
            Id: 'Target0',
            Arn: 'arn:aws:events:eu-west-1:222222222222:event-bus/org-governance',
            RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          },
        ]);
      }
    }
  });

  it('admits the organization on the central bus and listens only to it (not the default bus)', () => {
    central.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorg1' } } },
    });
    const defaultBusRules = Object.values(
      central.findResources('AWS::Events::Rule') as Record<
        string,
        { Properties: { EventBusName?: unknown; EventPattern?: unknown } }
      >,
    ).filter(
      (rule) =>
        rule.Properties.EventBusName === undefined && rule.Properties.EventPattern !== undefined,
    );
    expect(defaultBusRules).toStrictEqual([]);
  });

  it('runs the daily reconcile as a Distributed Map of short invocations, keeping operations 14 days', () => {
    const machines = Object.entries(central.findResources('AWS::StepFunctions::StateMachine'));
    const [machineId, machine] = machines[0] ?? [];
    const definition = JSON.stringify(machine?.['Properties']?.['DefinitionString']);
    const reconcilers = Object.values(
      central.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^Compares the organization') },
      }),
    ).map((fn) => {
      const { Timeout, MemorySize } = (
        fn as { Properties: { Timeout: number; MemorySize: number } }
      ).Properties;
      return { fits: Timeout <= 600 && MemorySize <= 1024 };
    });
    expect({
      machines: machines.length,
      distributed: definition.includes('\\"Mode\\":\\"DISTRIBUTED\\"'),
      reconcilers,
    }).toStrictEqual({ machines: 1, distributed: true, reconcilers: [{ fits: true }] });
    central.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [Match.objectLike({ Arn: { Ref: machineId } })],
    });
    central.hasResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      MessageRetentionPeriod: 1_209_600,
      RedrivePolicy: Match.anyValue(),
    });
  });

  it('outputs the rules and state tables, queue, topic, bus, reconciler, reconcile state machine and the configuration hash', () => {
    const outputs = Object.keys(central.findOutputs('*'));
    // The construct's own output (its logical id carries the construct path and a hash).
    const hashOutput = outputs.filter((id) =>
      id.startsWith(`OrgGovernance${DEPLOYMENT_GRANTS.configHashOutput}`),
    );
    expect(hashOutput).toHaveLength(1);
    expect(outputs.filter((id) => !hashOutput.includes(id)).sort()).toStrictEqual(
      Object.values(CENTRAL_OUTPUTS).sort(),
    );
  });

  it('admits the operator roles of the settings, and no one else, to send to the operations queue', () => {
    const operator = 'arn:aws:iam::222222222222:role/PlatformOperator';
    const withOperator = buildGovernanceApp(
      new App(),
      { ...SETTINGS, operatorRoleArns: [operator] },
      CONFIG,
    );
    const senders = (template: Template): unknown[] =>
      Object.values(template.findResources('AWS::SQS::QueuePolicy')).flatMap((policy) =>
        (
          policy as {
            Properties: {
              PolicyDocument: { Statement: { Effect: string; Condition?: unknown }[] };
            };
          }
        ).Properties.PolicyDocument.Statement.filter((s) => s.Effect === 'Deny').flatMap((s) =>
          JSON.stringify(s.Condition ?? {}).includes('aws:PrincipalArn') ? [s.Condition] : [],
        ),
      );
    const before = JSON.stringify(senders(central));
    const after = JSON.stringify(senders(Template.fromStack(withOperator.central)));
    expect(before).not.toContain(operator);
    expect(after).toContain(operator);
  });

  it('passes cdk-nag AwsSolutions with nothing unacknowledged', () => {
    for (const stack of stacks.forwarders) Template.fromStack(stack);
    expect(new AwsSolutionsChecks().validateScope(app).violations).toStrictEqual([]);
  });
});
