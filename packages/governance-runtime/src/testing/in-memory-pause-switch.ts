import { NOT_PAUSED, type PauseState, type PauseSwitch } from '../pause/pause-switch';
import type { ReconcileRunLog, ReconcileRunRecord } from '../reconcile/run-record';

/**
 * A {@link PauseSwitch} and {@link ReconcileRunLog} in memory (the control items of the
 * provisioned-state table), for tests and single-process runs.
 *
 * @example
 * ```ts
 * const control = new InMemoryPauseSwitch();
 * await control.set({ ...NOT_PAUSED, paused: true });
 * await reconcile({ ...deps, pauseSwitch: control, runLog: control }, { runId });
 * ```
 */
export class InMemoryPauseSwitch implements PauseSwitch, ReconcileRunLog {
  private state: PauseState = NOT_PAUSED;
  private last: ReconcileRunRecord | null = null;

  /** {@inheritDoc PauseSwitch.read} */
  async read(): Promise<PauseState> {
    return this.state;
  }

  /** {@inheritDoc PauseSwitch.set} */
  async set(state: PauseState): Promise<void> {
    this.state = state;
  }

  /** {@inheritDoc ReconcileRunLog.recordRun} */
  async recordRun(run: ReconcileRunRecord): Promise<void> {
    this.last = run;
  }

  /** {@inheritDoc ReconcileRunLog.lastRun} */
  async lastRun(): Promise<ReconcileRunRecord | null> {
    return this.last;
  }
}
