/**
 * `@org/aws-adapters/reconcile-runs`: the sharded reconcile's AWS ports — Organizations reads
 * one page per call, and the run's checkpoints in DynamoDB.
 */
export {
  OrganizationReadsAdapter,
  type OrganizationReadsAdapterOptions,
} from './organization-reads-adapter';
export { DynamoDbRunStore, type DynamoDbRunStoreOptions } from './dynamodb-run-store';
