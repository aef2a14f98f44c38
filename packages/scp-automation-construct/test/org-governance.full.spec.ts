/**
 * A full deployment — central stack with every option, forwarders in us-east-1 and the Control
 * Tower home region — is cdk-nag clean, and the organization trail is locked down.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ForwardedEvents, OrgEventForwarder, OrgGovernance } from '../src';
import { expectTemplate } from './support/expect-template';
import { FULL_CONFIG } from './support/governance-config';
import { unacknowledgedNagFindings } from './support/nag';
import { DENY_INSECURE_TRANSPORT, tlsOnlyPolicies } from './support/policy-matchers';

let app: App;
let central: Template;
let centralStack: Stack;
beforeAll(() => {
  // Default App settings: CDK's built-in CloudFormation validation runs too and must pass.
  app = new App();
  centralStack = new Stack(app, 'Central', {
    env: { account: '222222222222', region: 'eu-west-1' },
  });
  new OrgGovernance(centralStack, 'OrgGovernance', {
    governanceConfig: {
      ...FULL_CONFIG,
      settings: { ...FULL_CONFIG.settings, includeManagementAccount: true },
    },
    managementAccountId: '111111111111',
    organizationId: 'o-exampleorg1',
    ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
    identityStoreId: 'd-1234567890',
    failureNotificationEmails: ['platform-oncall@example.com'],
    failureNotificationUrls: ['https://hooks.example.com/org-governance'],
    organizationTrail: true,
    consumeDefaultBus: true,
  });
  const bus = OrgGovernance.centralEventBusArn('222222222222', 'eu-west-1');
  const usEast1 = new Stack(app, 'ForwarderUsEast1', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  new OrgEventForwarder(usEast1, 'Forwarder', {
    targetEventBusArn: bus,
    forwardedEvents: [ForwardedEvents.ORGANIZATIONS],
  });
  const home = new Stack(app, 'ForwarderHome', {
    env: { account: '111111111111', region: 'eu-central-1' },
  });
  new OrgEventForwarder(home, 'Forwarder', {
    targetEventBusArn: bus,
    forwardedEvents: [ForwardedEvents.CONTROL_TOWER],
  });
  central = Template.fromStack(centralStack);
  Template.fromStack(usEast1);
  Template.fromStack(home);
});

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing unacknowledged for the whole app', () => {
    expect(unacknowledgedNagFindings(app)).toStrictEqual([]);
  });

  it('gives a written reason with every acknowledgement', () => {
    const reasons = centralStack.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata.filter(
          (entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
        ),
      )
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((reason) => reason.trim().length < 30)).toStrictEqual([]);
  });
});

describe('organization trail', () => {
  it('is a multi-region organization trail with file validation, KMS-encrypted', () => {
    expectTemplate(central).toHaveResourceProperties('AWS::CloudTrail::Trail', {
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: Match.anyValue(),
      TrailName: Match.stringLikeRegexp('^Central-OrgGovernance-[A-F0-9]{8}$'),
    });
  });

  it('writes into a KMS-encrypted, versioned, private bucket with lifecycle and access logs', () => {
    expectTemplate(central).toHaveResource('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: Match.anyValue(),
              },
            },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: {
          DestinationBucketName: Match.anyValue(),
          LogFilePrefix: 'trail-bucket/',
        },
        LifecycleConfiguration: {
          Rules: [
            Match.objectLike({
              ExpirationInDays: 365,
              NoncurrentVersionExpiration: { NoncurrentDays: 30 },
              Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
            }),
          ],
        },
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('admits the organization log prefix and refuses non-TLS access on both buckets', () => {
    expectTemplate(central).toHaveResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          DENY_INSECURE_TRANSPORT,
          Match.objectLike({
            Action: 's3:PutObject',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [Match.anyValue(), '/AWSLogs/o-exampleorg1/*']] },
          }),
        ]),
      },
    });
    expect(Object.keys(tlsOnlyPolicies(central, 'AWS::S3::BucketPolicy'))).toHaveLength(2);
  });

  it('lets CloudTrail use its key only for this trail', () => {
    expectTemplate(central).toHaveResourceProperties('AWS::KMS::Key', {
      Description: 'Encrypts the organization trail log files',
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudTrailToEncryptLogs',
            Action: ['kms:GenerateDataKey', 'kms:DescribeKey'],
            Condition: { StringEquals: { 'aws:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('Identity Center settings', () => {
  it('scope assignment writes to the configured instance and pass its ids to the functions', () => {
    expectTemplate(central).toHaveResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'ManageAccountAssignments',
            Resource: Match.arrayWith(['arn:aws:sso:::instance/ssoins-1111111111111111']),
          }),
        ]),
      },
    });
    expectTemplate(central).toHaveResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SSO_INSTANCE_ARN: 'arn:aws:sso:::instance/ssoins-1111111111111111',
          IDENTITY_STORE_ID: 'd-1234567890',
          MANAGEMENT_ACCOUNT_ID: Match.absent(),
        }),
      },
    });
  });

  it('subscribes the failure e-mail and https endpoint', () => {
    expectTemplate(central).toHaveResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'platform-oncall@example.com',
    });
    expectTemplate(central).toHaveResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'https',
      Endpoint: 'https://hooks.example.com/org-governance',
    });
  });
});
