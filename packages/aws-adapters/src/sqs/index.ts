/**
 * `@org/aws-adapters/sqs`: the operations FIFO queue producer and its message format.
 */
export { SqsOperationQueue, type SqsOperationQueueOptions } from './sqs-operation-queue';
export {
  decodeOperationMessage,
  deduplicationIdOf,
  encodeOperationMessage,
} from './operation-message';
