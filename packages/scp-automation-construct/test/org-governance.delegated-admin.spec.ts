/**
 * The README's delegated-administrator example (central stack in 222222222222/eu-west-1,
 * forwarders in the management account 111111111111), synthesized as written there, and the
 * delegated-admin rules: the trail is the management account's, the bus admits the organization,
 * organizationId is required, forwarder alarms notify.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ForwardedEvents, OrgEventForwarder, OrgGovernance } from '../src';
import { FULL_CONFIG } from './support/governance-config';
import { unacknowledgedNagFindings } from './support/nag';

const governanceConfig = FULL_CONFIG;
let app: App;
let central: Template;
let forwarder: Template;
beforeAll(() => {
  // README "Use it", from here to the cdk-nag line.
  app = new App();
  const centralStack = new Stack(app, 'OrgGovernance-Central', {
    env: { account: '222222222222', region: 'eu-west-1' },
  });
  const governance = new OrgGovernance(centralStack, 'OrgGovernance', {
    governanceConfig,
    managementAccountId: '111111111111',
    organizationId: 'o-exampleorg1', // the central bus admits only this organization
    consumeDefaultBus: false, // events do not reach this account's default bus
    failureNotificationEmails: ['platform-oncall@example.com'],
    organizationTrail: true,
  });
  const bus = OrgGovernance.centralEventBusArn(
    '222222222222',
    'eu-west-1',
    governance.eventBusName,
  );
  const usEast1 = new Stack(app, 'Forwarder-us-east-1', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  const pager = new sns.Topic(usEast1, 'Pager', {
    enforceSSL: true,
    masterKey: kms.Alias.fromAliasName(usEast1, 'SnsKey', 'alias/aws/sns'),
  });
  new OrgEventForwarder(usEast1, 'Forwarder', {
    targetEventBusArn: bus,
    forwardedEvents: [ForwardedEvents.ORGANIZATIONS],
    alarmActions: [new actions.SnsAction(pager)],
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  central = Template.fromStack(centralStack);
  forwarder = Template.fromStack(usEast1);
});

it('lets CloudTrail use the trail key only for the management account’s organization trail', () => {
  const trailKey = Object.values(
    central.findResources('AWS::KMS::Key', {
      Properties: { Description: 'Encrypts the organization trail log files' },
    }),
  )[0] as { Properties: { KeyPolicy: { Statement: { Sid?: string; Condition?: unknown }[] } } };
  const statement = trailKey.Properties.KeyPolicy.Statement.find(
    (s) => s.Sid === 'AllowCloudTrailToEncryptLogs',
  );
  expect(statement?.Condition).toStrictEqual({
    StringEquals: {
      'aws:SourceArn': {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':cloudtrail:',
            { Ref: 'AWS::Region' },
            expect.stringMatching(
              /^:111111111111:trail\/OrgGovernanceCentral-OrgGovernance-[A-F0-9]{8}$/,
            ),
          ],
        ],
      },
    },
  });
});

it('lets the management account’s trail write into the bucket', () => {
  const policies = Object.values(central.findResources('AWS::S3::BucketPolicy')) as {
    Properties: { PolicyDocument: { Statement: { Sid?: string; Action: string }[] } };
  }[];
  expect(
    policies
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((s) => s.Sid?.startsWith('AllowManagementAccount'))
      .map((s) => [s.Sid, s.Action]),
  ).toStrictEqual([
    ['AllowManagementAccountTrailAclCheck', 's3:GetBucketAcl'],
    ['AllowManagementAccountTrailWrite', 's3:PutObject'],
  ]);
});

it('admits the organization on the central bus and gives the forwarder alarm its action', () => {
  central.hasResourceProperties('AWS::Events::EventBusPolicy', {
    Statement: Match.objectLike({
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorg1' } },
    }),
  });
  const alarms = Object.values(forwarder.findResources('AWS::CloudWatch::Alarm')).map(
    (alarm) => (alarm as { Properties: { AlarmActions?: unknown[] } }).Properties.AlarmActions,
  );
  expect(alarms).toStrictEqual([[{ Ref: expect.stringMatching(/^Pager/) }]]);
});

it('is cdk-nag AwsSolutions clean', () => {
  expect(unacknowledgedNagFindings(app)).toStrictEqual([]);
});

it('requires organizationId when the stack is not in the management account', () => {
  const stack = new Stack(new App(), 'Central', {
    env: { account: '222222222222', region: 'eu-west-1' },
  });
  expect(
    () =>
      new OrgGovernance(stack, 'OrgGovernance', {
        governanceConfig,
        managementAccountId: '111111111111',
      }),
  ).toThrow(
    'organizationId is required when the stack (account 222222222222) is not in the management account 111111111111',
  );
});
