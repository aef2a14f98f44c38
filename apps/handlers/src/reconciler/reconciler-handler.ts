import {
  type FailureReporter,
  reconcileAccounts,
  type ReconcileDependencies,
  runShardedReconcile,
  type ShardedReconcileDependencies,
} from '@org/governance-runtime';
import type { Context } from 'aws-lambda';
import { reportRunFailure } from './report-run-failure';
import { METRIC_NAMES } from '@org/contracts';
import type { Observability } from '../shared/observability/observability';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import {
  InvalidReconcileRequestError,
  parseReconcileRequest,
  type ReconcileRequest,
  WholeOrganizationDirectError,
} from './reconcile-request';
import { ACCOUNTS_RUN_STEP } from './reconcile-step';

/** Everything the reconciler uses, created once per container. */
export interface ReconcilerDependencies {
  /** The ports of a run of some accounts (`reconcileAccounts`: reads only those accounts). */
  readonly reconcile: ReconcileDependencies;
  /**
   * The ports of the sharded run's steps, for a whole-organization run in process (local stack,
   * chaos): `runShardedReconcile` — prepare, each shard, finish, the state machine's use-cases.
   */
  readonly wholeOrganization: ShardedReconcileDependencies;
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

/** The state machine's run of some accounts: the run id is the execution's name. */
interface AccountsRun {
  readonly step: typeof ACCOUNTS_RUN_STEP;
  readonly runId: string;
  readonly request?: unknown;
}

/** `true` for the state machine's run of some accounts (`{ step: 'accounts', runId, request }`). */
function isAccountsRun(event: unknown): event is AccountsRun {
  if (typeof event !== 'object' || event === null) return false;
  const { step, runId } = event as Readonly<Record<string, unknown>>;
  return step === ACCOUNTS_RUN_STEP && typeof runId === 'string' && /^[\w.:-]{1,80}$/.test(runId);
}

/** How {@link createReconcilerHandler} treats a request for the whole organization. */
export interface ReconcilerHandlerOptions {
  /**
   * Refuse a direct whole-organization request (`WholeOrganizationDirectError`): the deployed
   * function, where one invocation is bounded to 10 minutes and the state machine runs those.
   * In-process drivers without a state machine (the local stack, chaos) run it through the
   * sharded use-cases in turn (`runShardedReconcile`).
   * @default false
   */
  readonly refuseWholeOrganization?: boolean;
}

/**
 * The request: the state machine's run names its accounts; a direct whole-organization request
 * is refused when `refuseWholeOrganization` is set.
 */
function readRequest(event: unknown, options: ReconcilerHandlerOptions): ReconcileRequest {
  const request = parseReconcileRequest(isAccountsRun(event) ? (event.request ?? {}) : event);
  if (request.accountIds !== undefined) return request;
  if (isAccountsRun(event)) {
    throw new InvalidReconcileRequestError(
      '$.request.accountIds: expected the accounts of the run',
    );
  }
  if (options.refuseWholeOrganization === true) throw new WholeOrganizationDirectError();
  return request;
}

/**
 * The reconciler's run of some accounts (`accountIds`): reads only those accounts,
 * plans them, enqueues the repairs (unless a dry run or paused; more detaches and deletes than
 * `settings.maxDestructiveOperations` are held, audited and alerted unless `confirmDestructive`
 * covers them), publishes `DriftOperations` and `DestructiveOperationsHeld`. Invoked directly, it
 * reports a failed run to the failure topic before rethrowing it; the deployed function refuses a
 * whole-organization request (`refuseWholeOrganization`: the state machine runs those), an
 * in-process driver without a state machine (local stack, chaos) runs it through the state machine's
 * use-cases in turn (`runShardedReconcile` over `wholeOrganization`). Invoked by the state
 * machine (`{ step: 'accounts', runId, request }`) it rethrows without reporting: the state
 * machine reports the run's failure once, after its retries.
 *
 * @example
 * ```ts
 * export const handler = createReconcilerHandler(createReconcilerDependencies(process.env), {
 *   refuseWholeOrganization: true,
 * });
 * // on demand: aws lambda invoke --payload '{"dryRun":true,"accountIds":["222222222222"]}' …
 * ```
 */
export function createReconcilerHandler(
  deps: ReconcilerDependencies,
  options: ReconcilerHandlerOptions = {},
): ReconcilerHandler {
  const { logger, metrics } = deps.observability;
  return async (event, context) => {
    const fromStateMachine = isAccountsRun(event);
    const runId = fromStateMachine ? event.runId : `reconcile-${context.awsRequestId}`;
    logger.appendKeys({ correlationId: runId });
    try {
      const request = readRequest(event, options);
      const dryRun = request.dryRun ?? deps.dryRunByDefault;
      const confirm =
        request.confirmDestructive === undefined
          ? {}
          : { confirmDestructive: request.confirmDestructive };
      // Some accounts: read only those. The whole organization: the state machine's steps (in
      // process here; the deployed function refuses it above).
      const result =
        request.accountIds === undefined
          ? await runShardedReconcile(deps.wholeOrganization, { runId, dryRun, ...confirm })
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
      // The state machine reports its run's failure once, after its retries.
      if (!fromStateMachine) await reportRunFailure(deps.failures, runId, error);
      throw error;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlationId']);
    }
  };
}
