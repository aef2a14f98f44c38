/**
 * The encrypted resources every function of {@link OrgGovernance} uses: the governance key, the
 * tables, the operations and failed-events queues and the failure topic.
 */
import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { FailureTopic } from '../../notifications/failure-topic';
import { AsyncFailureQueue } from '../../queue/async-failure-queue';
import { OperationsQueue } from '../../queue/operations-queue';
import { allowServiceUse, GovernanceKey } from '../../storage/governance-key';
import { GovernanceTables } from '../../storage/governance-tables';
import { workerTimeout } from '../governance-functions';
import type { OrgGovernanceProps } from '../org-governance-props';
import type { ResolvedOrgGovernanceProps } from '../resolve-org-governance-props';

/** SQS guidance for Lambda consumers: visibility timeout at least six times the function timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;

/** What {@link createCoreResources} creates (or adopts: the key and the tables may be given). */
export interface CoreResources {
  /** Customer-managed key of the tables, queues, topic and logs. */
  readonly key: kms.IKey;
  /** The product's tables. */
  readonly tables: GovernanceTables;
  /** The operations FIFO queue with its dead-letter queue. */
  readonly operations: OperationsQueue;
  /** Dead-letter queue of failed asynchronous invocations and undeliverable rule targets. */
  readonly failedEvents: sqs.IQueue;
  /** Failure topic: function failures and every alarm. */
  readonly topic: sns.ITopic;
}

/**
 * Creates the key (unless `encryptionKey` is given, which is then opened to the services), the
 * tables, the operations queue (visibility timeout six times the worker's timeout), the
 * failed-events queue and the failure topic, in this order, under `scope`.
 *
 * @example
 * ```ts
 * const core = createCoreResources(this, props, resolveOrgGovernanceProps(this, props));
 * ```
 */
export function createCoreResources(
  scope: Construct,
  props: OrgGovernanceProps,
  settings: ResolvedOrgGovernanceProps,
): CoreResources {
  const removalPolicy = settings.removalPolicy;
  const key = props.encryptionKey ?? new GovernanceKey(scope, 'Key', { removalPolicy }).key;
  if (props.encryptionKey !== undefined) allowServiceUse(key);
  const tables = new GovernanceTables(scope, 'Tables', {
    encryptionKey: key,
    removalPolicy,
    existing: props.existingTables,
    backupPlan: props.backupPlan,
  });
  const operations = new OperationsQueue(scope, 'Operations', {
    encryptionKey: key,
    maxReceiveCount: settings.operationsMaxReceiveCount,
    visibilityTimeout: Duration.seconds(
      workerTimeout(settings.assignmentStatusWait).toSeconds() * VISIBILITY_TIMEOUT_FACTOR,
    ),
    removalPolicy,
  });
  const failedEvents = new AsyncFailureQueue(scope, 'FailedEvents', {
    encryptionKey: key,
    removalPolicy,
  }).queue;
  const topic = new FailureTopic(scope, 'Failures', {
    encryptionKey: key,
    emails: settings.failureNotificationEmails,
    httpsUrls: settings.failureNotificationUrls,
  }).topic;
  return { key, tables, operations, failedEvents, topic };
}
