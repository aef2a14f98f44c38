import {
  type FailureReporter,
  reconcile,
  reconcileAccounts,
  type ReconcileDependencies,
} from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import { reportRunFailure } from './report-run-failure';
import { METRIC_NAMES } from '@org/contracts';
import type { Observability } from '../shared/observability/observability';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import { parseReconcileRequest } from './reconcile-request';

/** Everything the reconciler uses, created once per container. */
export interface ReconcilerDependencies {
  readonly reconcile: ReconcileDependencies;
  readonly failures: FailureReporter;
  readonly observability: Observability;
  /** Plan only unless a request says otherwise. @default false */
  readonly dryRunByDefault: boolean;
}

/** What one run did (the function's result). */
export interface ReconcileSummary {
  readonly runId: string;
  readonly dryRun: boolean;
  readonly driftCount: number;
  readonly enqueued: number;
  readonly skipped: number;
  /** Detaches and deletes held for a confirmation (`confirmDestructive`). */
  readonly heldDestructive: number;
  /** The pause switch was on: nothing was enqueued. */
  readonly paused: boolean;
  readonly departedAccountIds: readonly string[];
}

/** The Lambda handler of the reconcile schedule and of on-demand runs. */
export type ReconcilerHandler = (event: unknown, context: Context) => Promise<ReconcileSummary>;

/**
 * The reconciler: reads the whole organization, plans every account, enqueues the repairs
 * (unless a dry run or paused; more detaches and deletes than `settings.maxDestructiveOperations`
 * are held, audited and alerted unless `confirmDestructive` covers them), publishes
 * `DriftOperations` and `DestructiveOperationsHeld`, and reports a failed run to the failure
 * topic before rethrowing it.
 *
 * @example
 * ```ts
 * export const handler = createReconcilerHandler(createReconcilerDependencies(process.env));
 * // on demand: aws lambda invoke --payload '{"dryRun":true}' …
 * ```
 */
export function createReconcilerHandler(deps: ReconcilerDependencies): ReconcilerHandler {
  const { logger, metrics } = deps.observability;
  return async (event, context) => {
    const runId = `reconcile-${context.awsRequestId}`;
    logger.appendKeys({ correlationId: runId });
    try {
      const request = parseReconcileRequest(event);
      const dryRun = request.dryRun ?? deps.dryRunByDefault;
      const confirm =
        request.confirmDestructive === undefined
          ? {}
          : { confirmDestructive: request.confirmDestructive };
      // Some accounts: read only those. The whole organization at scale: the state machine's steps.
      const result =
        request.accountIds === undefined
          ? await reconcile(deps.reconcile, { runId, dryRun, ...confirm })
          : await reconcileAccounts(deps.reconcile, {
              runId,
              dryRun,
              accountIds: request.accountIds,
              ...confirm,
            });
      const heldDestructive = result.held?.operations.length ?? 0;
      metrics.count(METRIC_NAMES.driftOperations, result.driftCount);
      if (!dryRun) metrics.count(METRIC_NAMES.destructiveOperationsHeld, heldDestructive);
      if (result.paused) {
        metrics.count(METRIC_NAMES.operationsPaused, result.driftCount - heldDestructive);
      }
      const held = new Set(result.held?.operations ?? []);
      const sent =
        dryRun || result.paused ? [] : result.plan.operations.filter((op) => !held.has(op));
      emitPlanMetrics(metrics, result.plan, sent, null);
      const summary: ReconcileSummary = {
        runId,
        dryRun,
        driftCount: result.driftCount,
        enqueued: result.enqueued,
        skipped: result.plan.skipped.length,
        heldDestructive,
        paused: result.paused,
        departedAccountIds: result.departedAccountIds,
      };
      // A summary: a plan of a large organization would make a log line of hundreds of MB (the
      // operations are in the audit table).
      logger.info('reconcile finished', {
        ...summary,
        departedAccountIds: summary.departedAccountIds.slice(0, 100),
      });
      return summary;
    } catch (error) {
      logger.error('reconcile failed', { error });
      await reportRunFailure(deps.failures, runId, error);
      throw error;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlationId']);
    }
  };
}
