import {
  type FailureReporter,
  type FinishRunDependencies,
  finishReconcileRun,
  type PrepareRunDependencies,
  prepareReconcileRun,
  reconcileShard,
  type ReconcileShardDependencies,
} from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import { reportRunFailure } from './report-run-failure';
import { METRIC_NAMES } from '@org/contracts';
import type { Observability } from '../shared/observability/observability';
import { parseReconcileStep } from './reconcile-step';

/** Everything the steps of a sharded run use, created once per container. */
export interface ReconcileStepDependencies {
  readonly prepare: PrepareRunDependencies;
  readonly shard: ReconcileShardDependencies;
  readonly finish: FinishRunDependencies;
  readonly failures: FailureReporter;
  readonly observability: Observability;
  /** Plan only unless a request says otherwise. @default false */
  readonly dryRunByDefault: boolean;
  /** Time an invocation keeps for checkpointing after it stops reading. @default 90000 */
  readonly checkpointMs?: number;
}

/** What a step returns to the state machine: small, whatever the organization's size. */
export type ReconcileStepResult =
  | {
      readonly runId: string;
      readonly dryRun: boolean;
      readonly confirmDestructive?: number;
      readonly done: boolean;
      /** The shards to map over (empty until the preparation is done). */
      readonly shards: readonly number[];
    }
  | {
      readonly runId: string;
      readonly dryRun: boolean;
      readonly shard: number;
      readonly done: boolean;
    }
  | {
      /** The run's failure was reported. */
      readonly runId: string;
      readonly reported: true;
    }
  | {
      readonly runId: string;
      readonly dryRun: boolean;
      readonly done: true;
      readonly driftCount: number;
      readonly enqueued: number;
      readonly heldDestructive: number;
      readonly departedAccounts: number;
    };

/**
 * The reconciler's steps of a sharded run (the construct's state machine): `prepare` reads the
 * organization until done (checkpointed: it stops with time to spare and is invoked again),
 * `shard` reconciles one shard (the same), `finish` aggregates, applies the blast-radius cap to
 * the run's detaches and deletes, forgets departed accounts and publishes `DriftOperations`. A
 * failed step rethrows without reporting: the state machine retries it and, when the run fails,
 * invokes `reportFailure`, which reports the run to the failure topic once. Logs
 * and results are summaries (counts), never plans: the plans are in the audit table.
 *
 * @example
 * ```ts
 * const step = createReconcileStepHandler(deps);
 * await step({ step: 'shard', runId: 'run-1', shard: 3, dryRun: false }, context);
 * ```
 */
export function createReconcileStepHandler(
  deps: ReconcileStepDependencies,
): (event: unknown, context: Context) => Promise<ReconcileStepResult> {
  const { logger, metrics } = deps.observability;
  return async (event, context) => {
    const step = parseReconcileStep(event);
    const { runId } = step;
    const deadlineMs =
      deps.prepare.clock.now() + context.getRemainingTimeInMillis() - (deps.checkpointMs ?? 90_000);
    logger.appendKeys({ correlationId: runId });
    try {
      if (step.step === 'reportFailure') {
        // The state machine caught the run's failure after the step's retries: one report per run.
        await reportRunFailure(deps.failures, runId, caughtError(step.error, step.cause));
        logger.error('reconcile run failed', { error: step.error });
        return { runId, reported: true };
      }
      if (step.step === 'shard') {
        const outcome = await reconcileShard(deps.shard, {
          runId,
          shard: step.shard,
          dryRun: step.dryRun,
          deadlineMs,
        });
        const summary = outcome.done
          ? { driftCount: outcome.summary.driftCount, enqueued: outcome.summary.enqueued }
          : { pendingAccounts: outcome.pendingAccounts };
        const untrusted = outcome.done ? (outcome.summary.untrustedTags ?? 0) : 0;
        if (untrusted > 0) metrics.count(METRIC_NAMES.untrustedTagSkipped, untrusted);
        logger.info('reconcile shard', { shard: step.shard, done: outcome.done, ...summary });
        return { runId, dryRun: step.dryRun, shard: step.shard, done: outcome.done };
      }
      const dryRun = step.request.dryRun ?? deps.dryRunByDefault;
      const confirmDestructive = step.request.confirmDestructive;
      const confirm = confirmDestructive === undefined ? {} : { confirmDestructive };
      if (step.step === 'prepare') {
        const outcome = await prepareReconcileRun(deps.prepare, { runId, deadlineMs });
        logger.info('reconcile prepare', {
          ...outcome,
          shards: outcome.done ? outcome.shards.length : 0,
        });
        return {
          runId,
          dryRun,
          ...confirm,
          done: outcome.done,
          shards: outcome.done ? outcome.shards : [],
        };
      }
      const summary = await finishReconcileRun(deps.finish, { runId, dryRun, ...confirm });
      metrics.count(METRIC_NAMES.driftOperations, summary.driftCount);
      if (!dryRun) metrics.count(METRIC_NAMES.destructiveOperationsHeld, summary.heldDestructive);
      logger.info('reconcile finished', {
        ...summary,
        departedAccountIds: summary.departedAccountIds.length,
      });
      return {
        runId,
        dryRun,
        done: true,
        driftCount: summary.driftCount,
        enqueued: summary.enqueued,
        heldDestructive: summary.heldDestructive,
        departedAccounts: summary.departedAccountIds.length,
      };
    } catch (error) {
      // No report here: the state machine retries the step, then reports the run's failure once.
      logger.error('reconcile step failed', { step: step.step, error });
      throw error;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlationId']);
    }
  };
}

/**
 * The error a state machine's catch names: its `Cause` is the function's error as JSON
 * (`errorMessage`) or a message of Step Functions itself.
 */
function caughtError(name: string, cause: string): Error {
  let message = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // A plain message (a timeout, a Distributed Map's failure).
  }
  return Object.assign(new Error(`${name}: ${message}`), { name });
}
