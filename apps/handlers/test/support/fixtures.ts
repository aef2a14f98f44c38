/**
 * Test fixtures of the handlers: the repository's examples (org.yaml, governance.yaml, events)
 * and in-memory stand-ins for the AWS side.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type GovernanceConfig,
  type OrgSnapshot,
  parseGovernanceConfig,
  parseOrgSnapshot,
} from '@org/scope-engine';
import { type FailureReport, type FailureReporter } from '@org/governance-runtime';
import type { Context, SQSRecord } from 'aws-lambda';
import { MemoryMetricsRecorder } from '../../src/shared/observability/metrics-recorder';
import { createLogger, type Observability } from '../../src/shared/observability/observability';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

/** examples/org.yaml */
export function exampleOrg(): OrgSnapshot {
  return parseOrgSnapshot(readFileSync(path.join(EXAMPLES, 'org.yaml'), 'utf8'), 'org.yaml');
}

/** examples/governance.yaml */
export function exampleConfig(): GovernanceConfig {
  return parseGovernanceConfig(
    readFileSync(path.join(EXAMPLES, 'governance.yaml'), 'utf8'),
    'governance.yaml',
  );
}

/** examples/events/<name>.json, as the raw EventBridge event. */
export function exampleEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(EXAMPLES, 'events', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Silent logs and in-memory metrics. */
export function testObservability(): Observability & { readonly metrics: MemoryMetricsRecorder } {
  return { logger: createLogger('test', {}, 'SILENT'), metrics: new MemoryMetricsRecorder() };
}

/** A failure reporter that keeps what it is given. */
export function collectingFailures(): FailureReporter & { readonly reports: FailureReport[] } {
  const reports: FailureReport[] = [];
  return { reports, report: async (failure) => void reports.push(failure) };
}

/** A Lambda context with `remainingMs` left. */
export function lambdaContext(remainingMs = 300_000, requestId = 'request-1'): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:test',
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What {@link operationsQueueRecord} may set; the rest is fixed. */
export interface QueueRecordOptions {
  /** @default '{}' */
  readonly body?: string;
  /** @default 'g' */
  readonly groupId?: string;
  /** @default the record id */
  readonly deduplicationId?: string;
  /** @default 1 */
  readonly receiveCount?: number;
}

/** A record of the operations FIFO queue as Lambda's SQS event source delivers it. */
export function operationsQueueRecord(id: string, options: QueueRecordOptions = {}): SQSRecord {
  return {
    messageId: id,
    receiptHandle: `rh-${id}`,
    body: options.body ?? '{}',
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: '0',
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: '0',
      MessageGroupId: options.groupId ?? 'g',
      MessageDeduplicationId: options.deduplicationId ?? id,
      SequenceNumber: id,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:111111111111:operations.fifo',
    awsRegion: 'us-east-1',
  };
}

/** A complete environment of the processor (and the reconciler): every required variable set. */
export const COMPLETE_ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  RULES_TABLE: 'rules',
  STATE_TABLE: 'state',
  AUDIT_TABLE: 'audit',
  IDEMPOTENCY_TABLE: 'idempotency',
  OPERATIONS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/operations.fifo',
  FAILURE_TOPIC_ARN: 'arn:aws:sns:us-east-1:111111111111:failures',
};
