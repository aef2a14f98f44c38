/**
 * The optional organization trail of seed 000: CloudTrail records management events of every
 * account into an encrypted, versioned S3 bucket.
 */
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Log files move to Glacier Instant Retrieval after this many days. */
const ARCHIVE_AFTER_DAYS = 90;

/** Settings of {@link OrganizationTrail}. */
export interface OrganizationTrailProps {
  /** The organization id (the bucket policy admits the organization's log prefix). */
  readonly organizationId: string;
  /** Trail name (CloudTrail needs it in the bucket policy of an organization trail). */
  readonly trailName: string;
  /**
   * The management account: it owns an organization trail, also one a delegated administrator
   * creates, so the trail's ARN names it.
   */
  readonly managementAccountId: string;
  /** Log files older than this are deleted. */
  readonly logRetention: Duration;
  /** What happens to the key and buckets when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Organization trail → KMS-encrypted, versioned, private, TLS-only bucket with a lifecycle and
 * server access logging into a second bucket.
 *
 * @example
 * ```ts
 * new OrganizationTrail(this, 'Trail', { organizationId: 'o-exampleorg1', trailName: 'org-governance',
 *   logRetention: Duration.days(365), removalPolicy: RemovalPolicy.RETAIN });
 * ```
 */
export class OrganizationTrail extends Construct {
  /** The trail. */
  readonly trail: cloudtrail.Trail;
  /** The bucket holding the log files. */
  readonly bucket: s3.Bucket;
  /** The key encrypting the log files. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the organization trail log files',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    const trailArn = `arn:${Aws.PARTITION}:cloudtrail:${Aws.REGION}:${props.managementAccountId}:trail/${props.trailName}`;
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptLogs',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
      }),
    );
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // Server access logging supports only SSE-S3 on the destination bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // Object ownership is left to CDK: log delivery needs ACLs unless the app sets the
      // @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy feature flag.
      lifecycleRules: [
        { expiration: props.logRetention, noncurrentVersionExpiration: Duration.days(30) },
      ],
      removalPolicy: props.removalPolicy,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the server access log destination of the trail bucket; logging it again would recurse.',
    });
    Validations.of(accessLogs).acknowledge({
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: 'Server access logging supports only SSE-S3 on the destination bucket.',
    });
    Validations.of(this).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'Cross-region replication of the trail logs is the organization’s choice of a log archive; the ' +
        'buckets are versioned and retained.',
    });
    Validations.of(this).acknowledge({
      id: 'NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled',
      reason:
        'The trail delivers to the encrypted S3 bucket with log file validation; the product reacts to the ' +
        'same events through EventBridge, not CloudWatch Logs.',
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'trail-bucket/',
      lifecycleRules: [
        {
          // Older logs are read rarely: cheaper storage, unless they expire before then anyway.
          transitions:
            props.logRetention.toDays() > ARCHIVE_AFTER_DAYS
              ? [
                  {
                    storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
                    transitionAfter: Duration.days(ARCHIVE_AFTER_DAYS),
                  },
                ]
              : [],
          expiration: props.logRetention,
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: props.removalPolicy,
    });
    if (props.managementAccountId !== Stack.of(this).account) {
      this.allowDelegatedAdministratorTrail(props, trailArn);
    }
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: props.trailName,
      bucket: this.bucket,
      encryptionKey: this.key,
      isOrganizationTrail: true,
      orgId: props.organizationId,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
  }

  /**
   * CDK's bucket policy names the trail in the bucket's account; a delegated administrator's
   * organization trail belongs to the management account, so CloudTrail writes under that ARN.
   */
  private allowDelegatedAdministratorTrail(props: OrganizationTrailProps, trailArn: string): void {
    const principal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const condition = { StringEquals: { 'aws:SourceArn': trailArn } };
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowManagementAccountTrailAclCheck',
        principals: [principal],
        actions: ['s3:GetBucketAcl'],
        resources: [this.bucket.bucketArn],
        conditions: condition,
      }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowManagementAccountTrailWrite',
        principals: [principal],
        actions: ['s3:PutObject'],
        resources: [
          this.bucket.arnForObjects(`AWSLogs/${props.managementAccountId}/*`),
          this.bucket.arnForObjects(`AWSLogs/${props.organizationId}/*`),
        ],
        conditions: {
          StringEquals: { ...condition.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
        },
      }),
    );
  }
}
