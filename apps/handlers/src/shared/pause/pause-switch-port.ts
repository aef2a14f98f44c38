/**
 * The pause switch and the last-run record: control items of the provisioned-state table.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbPauseSwitch } from '@org/aws-adapters/dynamodb';
import type { ProcessorConfig } from '../config/handler-config';

/**
 * The pause switch (and the last reconcile run) in the function's provisioned-state table.
 *
 * @example
 * ```ts
 * const control = pauseSwitch(documents, config);
 * if ((await control.read()).paused) …
 * ```
 */
export function pauseSwitch(
  documents: DynamoDBDocumentClient,
  config: Pick<ProcessorConfig, 'stateTable'>,
): DynamoDbPauseSwitch {
  return new DynamoDbPauseSwitch(documents, { tableName: config.stateTable });
}
