/**
 * First-run backlog pacing: a reconcile run enqueues no more than the worker drains before the
 * next run, so nothing waits in the operations queue long enough to expire.
 */
import type { Operation } from '@org/scope-engine';
import { PUBLISHED_SERVICE_RATES, type ServiceRateSettings } from '../quota/service-budgets';

/** How much work one reconcile run may leave on the operations queue. */
export interface EnqueuePacing {
  /** Time until the next scheduled run, in seconds: the enqueued work drains within it. */
  readonly windowSeconds: number;
  /** Assignment creations and deletions the worker settles per second. */
  readonly assignmentsPerSecond: number;
  /** Policy attaches and detaches per second (the Organizations write rate). */
  readonly policyWritesPerSecond: number;
  /**
   * Share of the window the run's operations may take; the rest is left for events, retries and
   * status checks. @default 0.5
   */
  readonly fill: number;
}

/**
 * Assumed time a creation holds one of the instance's outstanding-creation slots: AWS's usual
 * 1–5 s completion, plus half a status-poll interval.
 */
const ASSUMED_SLOT_SECONDS = 4;

/** A day: the construct's default reconcile schedule. */
const DAY_SECONDS = 86_400;

/**
 * The pacing the rates allow: creations at the outstanding-creation limit ÷ 4 s (10 ÷ 4 =
 * 2.5/s at the published 10), policy writes at the Organizations write rate, half of a
 * `windowSeconds` window (a day by default).
 *
 * @example
 * ```ts
 * const pacing = pacingForRates(PUBLISHED_SERVICE_RATES, 86_400); // ≈ 108,000 creates per run
 * ```
 */
export function pacingForRates(
  rates: ServiceRateSettings = PUBLISHED_SERVICE_RATES,
  windowSeconds = DAY_SECONDS,
): EnqueuePacing {
  return {
    windowSeconds,
    assignmentsPerSecond: rates.identityCenterMaxOutstandingCreates / ASSUMED_SLOT_SECONDS,
    policyWritesPerSecond: rates.organizationsWritesPerSecond,
    fill: 0.5,
  };
}

/** The default: published rates, a daily run. */
export const DEFAULT_ENQUEUE_PACING: EnqueuePacing = pacingForRates();

/** Seconds of worker time one operation takes under `pacing`. */
export function drainSeconds(operation: Operation, pacing: EnqueuePacing): number {
  return 'policyId' in operation
    ? 1 / pacing.policyWritesPerSecond
    : 1 / pacing.assignmentsPerSecond;
}

/**
 * Splits a shard's operations into what it enqueues now and what it leaves to the next run: the
 * shard's share of the run's drain time (`fill × windowSeconds`, in proportion to its accounts)
 * is filled in plan order (at least one operation). Execution is level-triggered and every run plans the whole drift, so
 * what is deferred is planned again — and enqueued — by a later run; nothing is lost.
 *
 * @example
 * ```ts
 * const { now, deferred } = paceShard(operations, { shardAccounts: 500, runAccounts: 50_000 }, pacing);
 * await queue.send(now.map((operation) => ({ eventId: runId, operation })));
 * ```
 */
export function paceShard(
  operations: readonly Operation[],
  share: { readonly shardAccounts: number; readonly runAccounts: number },
  pacing: EnqueuePacing,
): { now: Operation[]; deferred: number } {
  const budget = (runBudgetSeconds(pacing) * share.shardAccounts) / Math.max(1, share.runAccounts);
  const { now, deferred } = paceWithin(operations, budget, pacing);
  return { now, deferred };
}

/** Worker seconds `operations` take under `pacing`. */
export function drainSecondsOf(operations: readonly Operation[], pacing: EnqueuePacing): number {
  return operations.reduce((total, operation) => total + drainSeconds(operation, pacing), 0);
}

/** Worker seconds a whole run may fill: `fill × windowSeconds`. */
export function runBudgetSeconds(pacing: EnqueuePacing): number {
  return pacing.fill * pacing.windowSeconds;
}

/**
 * Splits operations into what fits in `budgetSeconds` of worker time, filled in plan order, and
 * how many are left to the next run; at least one operation goes now, so a tiny budget never
 * starves its operations.
 *
 * @example
 * ```ts
 * const { now, deferred } = paceWithin(detaches, runBudgetSeconds(pacing) - spentByShards, pacing);
 * ```
 */
export function paceWithin(
  operations: readonly Operation[],
  budgetSeconds: number,
  pacing: EnqueuePacing,
): { now: Operation[]; deferred: number } {
  const now: Operation[] = [];
  let spent = 0;
  for (const operation of operations) {
    const cost = drainSeconds(operation, pacing);
    if (spent + cost > budgetSeconds && now.length > 0) break;
    spent += cost;
    now.push(operation);
  }
  return { now, deferred: operations.length - now.length };
}
