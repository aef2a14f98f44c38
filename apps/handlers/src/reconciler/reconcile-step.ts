import {
  InvalidReconcileRequestError,
  parseReconcileRequest,
  type ReconcileRequest,
} from './reconcile-request';

/** One step of a sharded reconcile run, as the state machine invokes it. */
export type ReconcileStep =
  | {
      /** Read the organization (checkpointed), cut it into shards. */
      readonly step: 'prepare' | 'finish';
      readonly runId: string;
      /** The run's request (the execution's input: a schedule's event, or an on-demand payload). */
      readonly request: ReconcileRequest;
    }
  | {
      readonly step: 'shard';
      readonly runId: string;
      readonly shard: number;
      readonly dryRun: boolean;
    }
  | {
      /** The run failed (the state machine caught it): report it once. */
      readonly step: 'reportFailure';
      readonly runId: string;
      /** The error's name (`Error` of the state machine's catch). */
      readonly error: string;
      /** The error's cause (`Cause`: the function's error as JSON, or a message). */
      readonly cause: string;
    };

/** The state machine's run of some accounts: `{ step: 'accounts', runId, request }`. */
export const ACCOUNTS_RUN_STEP = 'accounts';

/**
 * `true` when the event is a step of a sharded run or its failure report (it names a `step`
 * other than {@link ACCOUNTS_RUN_STEP}, which the direct handler runs).
 */
export function isReconcileStep(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    'step' in event &&
    (event as { step: unknown }).step !== ACCOUNTS_RUN_STEP
  );
}

/**
 * Reads a step of a sharded run: `{ step: 'prepare' | 'finish', runId, request }`,
 * `{ step: 'shard', runId, shard, dryRun }` or `{ step: 'reportFailure', runId, error, cause }`.
 *
 * @throws {InvalidReconcileRequestError} naming the field that is wrong.
 * @example
 * ```ts
 * parseReconcileStep({ step: 'shard', runId: 'r-1', shard: 3, dryRun: false });
 * ```
 */
export function parseReconcileStep(event: unknown): ReconcileStep {
  const input = (typeof event === 'object' && event !== null ? event : {}) as Readonly<
    Record<string, unknown>
  >;
  const { step, runId, shard, dryRun } = input;
  if (typeof runId !== 'string' || !/^[\w.:-]{1,80}$/.test(runId)) {
    throw new InvalidReconcileRequestError('$.runId: expected a run id');
  }
  if (step === 'prepare' || step === 'finish') {
    return { step, runId, request: parseReconcileRequest(input['request'] ?? {}) };
  }
  if (step === 'reportFailure') {
    const { error, cause } = input;
    return {
      step,
      runId,
      error: typeof error === 'string' ? error : 'Unknown',
      cause: typeof cause === 'string' ? cause : '',
    };
  }
  if (step !== 'shard') {
    throw new InvalidReconcileRequestError(
      '$.step: expected prepare, shard, finish or reportFailure',
    );
  }
  if (typeof shard !== 'number' || !Number.isInteger(shard) || shard < 0) {
    throw new InvalidReconcileRequestError('$.shard: expected a shard number');
  }
  if (typeof dryRun !== 'boolean') {
    throw new InvalidReconcileRequestError('$.dryRun: expected true or false');
  }
  return { step, runId, shard, dryRun };
}
