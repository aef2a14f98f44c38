/**
 * What a consumer may change on the product's Lambda functions: the escape hatches of
 * `OrgGovernance` (`functionDefaults` and `functions`).
 */
import type { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';

/**
 * Settings of one function (or of all four, as `functionDefaults`). Every field is optional; a
 * per-function value wins over `functionDefaults`, which wins over the product's default.
 *
 * @example
 * ```ts
 * const options: GovernanceFunctionOptions = {
 *   tracing: lambda.Tracing.ACTIVE,
 *   vpc,
 *   vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
 * };
 * ```
 */
export interface GovernanceFunctionOptions {
  /**
   * Memory in MB (128 to 10,240).
   * @default - processor 512, worker 512, notifier 256, reconciler 1024
   */
  readonly memorySize?: number;

  /**
   * Longest run of one invocation (at most 15 minutes; the reconciler's at most 10: each step of
   * a reconcile run checkpoints within it). Not for the worker: its timeout is
   * `assignmentStatusWait` plus 30 seconds, and the queue's visibility timeout follows it
   * (`functionDefaults.timeout` leaves the worker alone; `functions.worker.timeout` is rejected).
   * @default - processor and notifier 60 seconds, reconciler 10 minutes
   */
  readonly timeout?: Duration;

  /**
   * X-Ray tracing. `ACTIVE` also grants `xray:PutTraceSegments` and `xray:PutTelemetryRecords`
   * (no resource-level permissions: `*`, acknowledged on that statement only).
   * @default lambda.Tracing.DISABLED
   */
  readonly tracing?: lambda.Tracing;

  /**
   * VPC to run the function in. The role gets the network-interface actions Lambda needs
   * (`ec2:CreateNetworkInterface`, `ec2:DescribeNetworkInterfaces`, `ec2:DeleteNetworkInterface`,
   * `ec2:AssignPrivateIpAddresses`, `ec2:UnassignPrivateIpAddresses`). The subnets need a route
   * to the AWS APIs the function calls (NAT or VPC endpoints: DynamoDB, SQS, SNS, KMS,
   * Organizations, SSO, Identity Store, Support, STS, Secrets Manager, CloudWatch Logs).
   * @default - not in a VPC
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Subnets of `vpc` the function's network interfaces go in.
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the function's network interfaces (only with `vpc`).
   * @default - one security group per function, all outbound traffic allowed
   */
  readonly securityGroups?: readonly ec2.ISecurityGroup[];

  /**
   * Instruction set the function runs on (the shipped bundles are plain JavaScript).
   * @default lambda.Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;

  /**
   * Node.js runtime. The shipped bundles target Node.js 22; a newer Node.js runtime works too.
   * @default lambda.Runtime.NODEJS_22_X
   */
  readonly runtime?: lambda.Runtime;

  /**
   * Retention of the function's log group.
   * @default - `logRetention` of `OrgGovernance` (one year)
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Concurrent executions reserved for (and capping) the function. Never required: a new
   * account's unreserved quota may be as low as 10. The worker's concurrency is bounded by the
   * queue's maximum concurrency (`workerMaxConcurrency`) without it.
   * @default - no reservation
   */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * Per-function overrides of {@link GovernanceFunctionOptions}.
 *
 * @example
 * ```ts
 * const functions: GovernanceFunctionOverrides = { reconciler: { memorySize: 2048 } };
 * ```
 */
export interface GovernanceFunctionOverrides {
  /**
   * The org events processor.
   * @default - `functionDefaults`
   */
  readonly processor?: GovernanceFunctionOptions;
  /**
   * The operations worker (`timeout` is not accepted here).
   * @default - `functionDefaults`
   */
  readonly worker?: GovernanceFunctionOptions;
  /**
   * The vending notifier.
   * @default - `functionDefaults`
   */
  readonly notifier?: GovernanceFunctionOptions;
  /**
   * The reconciler.
   * @default - `functionDefaults`
   */
  readonly reconciler?: GovernanceFunctionOptions;
}
