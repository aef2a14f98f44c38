import type { FailureReporter } from '../failure-reporter';
import type { PauseSwitch } from '../pause/pause-switch';
import type { DirectoryViewStore } from '../state/directory-view-store';
import type { ReconcileRunLog } from './run-record';

/**
 * The optional ports of a whole reconcile run besides its reads, its queue and its audit log —
 * the same for the one-pass reconcile and the sharded run's finish step: where it keeps what it
 * read, alerts, checks the pause switch and records itself.
 */
export interface ReconcileRunPorts {
  /**
   * Where to keep the directory view (permission sets, principals the rules name) read on the
   * way, for planners without Identity Center clients (the processor). @default not kept
   */
  readonly directoryViews?: Pick<DirectoryViewStore, 'save'>;
  /** Where held detaches and deletes are alerted. @default not alerted (the caller reports them) */
  readonly failures?: Pick<FailureReporter, 'report'>;
  /** The pause switch: while on, a run plans and audits without enqueuing. @default never paused */
  readonly pauseSwitch?: Pick<PauseSwitch, 'read'>;
  /** Where the run is recorded for `orgctl status`. @default not recorded */
  readonly runLog?: Pick<ReconcileRunLog, 'recordRun'>;
}
