/**
 * `@org/aws-adapters/sqs`: the operations FIFO queue producer and its message format.
 */
export { SqsOperationQueue, type SqsOperationQueueOptions } from './sqs-operation-queue';
export {
  SqsQueueAdmin,
  type QueueDepth,
  type QueueStatus,
  type RedriveTask,
  type SqsQueueAdminOptions,
} from './queue-admin';
export {
  MAX_VISIBILITY_SECONDS,
  retryDelaySeconds,
  SqsMessageVisibility,
  type SqsMessageVisibilityOptions,
} from './message-visibility';
export {
  decodeOperationMessage,
  deduplicationIdOf,
  encodeOperationMessage,
} from './operation-message';
