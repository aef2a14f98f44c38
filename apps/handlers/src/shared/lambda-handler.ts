import type { Context } from 'aws-lambda';

/**
 * A promise-returning Lambda handler of `Event`, resolving to `Result`.
 *
 * @example
 * ```ts
 * export type OperationsWorkerHandler = LambdaHandler<SQSEvent, SQSBatchResponse>;
 * ```
 */
export type LambdaHandler<Event, Result> = (event: Event, context: Context) => Promise<Result>;
