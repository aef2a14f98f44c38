import { HANDLER_ENV } from '@org/contracts';
import { UsageError } from '../errors';
import type { CliIo } from '../io/cli-io';
import type { AwsConnection } from './aws-clients';

/** The options every live command shares (see `addLiveOptions`). */
export interface LiveOptions {
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly dynamodbEndpointUrl?: string;
  readonly stateTable?: string;
  readonly auditTable?: string;
  readonly queueUrl?: string;
}

/** The live options resolved against the environment. */
export interface LiveSettings {
  readonly connection: AwsConnection;
  /** Provisioned-state table (which rules justify each attachment and assignment). */
  readonly stateTable: string;
  /** Audit-log table; without it the run is not audited. */
  readonly auditTable?: string;
  /** Operations FIFO queue; without it `--apply` executes the operations itself. */
  readonly queueUrl?: string;
}

/** Environment variables that stand in for the options. */
export const LIVE_ENV = {
  region: [HANDLER_ENV.region, 'AWS_DEFAULT_REGION'],
  endpointUrl: [HANDLER_ENV.endpointUrl],
  rulesTable: ['ORGCTL_RULES_TABLE'],
  stateTable: ['ORGCTL_STATE_TABLE'],
  auditTable: ['ORGCTL_AUDIT_TABLE'],
  queueUrl: ['ORGCTL_QUEUE_URL'],
} as const;

/** The option's value, else the first environment variable set (non-empty). */
export function optionOrEnv(
  io: CliIo,
  value: string | undefined,
  names: readonly string[],
): string | undefined {
  if (value !== undefined) return value;
  for (const name of names) {
    const fromEnv = io.env[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  }
  return undefined;
}

/**
 * Resolves the shared live options: region (`--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`,
 * else `us-east-1`, where Organizations events arrive), endpoints, tables and queue.
 *
 * @throws {UsageError} when no provisioned-state table is given.
 * @example
 * ```ts
 * const settings = resolveLiveSettings(io, { stateTable: 'org-gov-state' });
 * ```
 */
export function resolveLiveSettings(io: CliIo, options: LiveOptions): LiveSettings {
  const stateTable = optionOrEnv(io, options.stateTable, LIVE_ENV.stateTable);
  if (stateTable === undefined) {
    throw new UsageError(
      'give the provisioned-state table: --state-table <name> (or ORGCTL_STATE_TABLE)',
    );
  }
  const auditTable = optionOrEnv(io, options.auditTable, LIVE_ENV.auditTable);
  const queueUrl = optionOrEnv(io, options.queueUrl, LIVE_ENV.queueUrl);
  return {
    connection: resolveConnection(io, options),
    stateTable,
    ...(auditTable === undefined ? {} : { auditTable }),
    ...(queueUrl === undefined ? {} : { queueUrl }),
  };
}

/**
 * Where the live commands connect: region (`--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, else
 * `us-east-1`) and endpoints.
 *
 * @example
 * ```ts
 * resolveConnection(io, { endpointUrl: 'http://127.0.0.1:5000' });
 * ```
 */
export function resolveConnection(
  io: CliIo,
  options: Pick<LiveOptions, 'region' | 'endpointUrl' | 'dynamodbEndpointUrl'>,
): AwsConnection {
  const endpoint = optionOrEnv(io, options.endpointUrl, LIVE_ENV.endpointUrl);
  return {
    region: optionOrEnv(io, options.region, LIVE_ENV.region) ?? 'us-east-1',
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(options.dynamodbEndpointUrl === undefined
      ? {}
      : { dynamodbEndpoint: options.dynamodbEndpointUrl }),
  };
}
