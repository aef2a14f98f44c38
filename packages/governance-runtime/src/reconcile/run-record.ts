/**
 * The record of the last reconcile run (`orgctl status` shows it): one item the reconciler and
 * `orgctl reconcile --apply` overwrite at the end of every run.
 */

/** What one reconcile run (or rules apply) did. */
export interface ReconcileRunRecord {
  readonly runId: string;
  /** ISO 8601 time the run finished planning. */
  readonly at: string;
  readonly dryRun: boolean;
  /** Operations the plan held. */
  readonly driftCount: number;
  /** Operations sent to the queue (or executed). */
  readonly enqueued: number;
  /** Detaches and deletes held for a confirmation (0: none). */
  readonly heldDestructive: number;
  /** The pause switch was on: nothing was enqueued. */
  readonly paused: boolean;
}

/**
 * Where the last run is kept.
 *
 * @example
 * ```ts
 * await runLog.recordRun({ runId, at, dryRun: false, driftCount: 3, enqueued: 3, heldDestructive: 0, paused: false });
 * const last = await runLog.lastRun();
 * ```
 */
export interface ReconcileRunLog {
  /** Replaces the last run's record. */
  recordRun(run: ReconcileRunRecord): Promise<void>;
  /** The last run's record, or `null` when no run was recorded. */
  lastRun(): Promise<ReconcileRunRecord | null>;
}
