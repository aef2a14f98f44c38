/**
 * A simulated Lambda execution environment: its AWS clients share one of these, so the chaos run
 * can kill it (a worker crash) at a chosen point — after a number of completed records, or right
 * after a change took effect but before it was recorded. A dead container's calls never reach AWS.
 */
import { ContainerCrashedError } from '../errors';

/** Where a container dies. */
export interface CrashPlan {
  /** Die once this many operation audit entries were written (records completed). */
  readonly afterRecords: number;
  /** Then die only after the next change of the organization took effect (mid-record). */
  readonly midRecord: boolean;
}

/**
 * One container.
 *
 * @example
 * ```ts
 * const container = new SimulatedContainer('operations-worker#1');
 * container.plan({ afterRecords: 2, midRecord: false });
 * container.assertAlive(); // throws ContainerCrashedError once it died
 * ```
 */
export class SimulatedContainer {
  private alive = true;
  private crash: CrashPlan | null = null;
  private recordsLeft = 0;
  private dieOnNextChange = false;

  constructor(readonly name: string) {}

  /** `true` until it crashed. */
  get isAlive(): boolean {
    return this.alive;
  }

  /** Arms (or, with `null`, disarms) a crash for the current invocation. */
  plan(crash: CrashPlan | null): void {
    this.crash = crash;
    this.recordsLeft = crash?.afterRecords ?? 0;
    this.dieOnNextChange = false;
  }

  /** Throws {@link ContainerCrashedError} when the container is dead. */
  assertAlive(): void {
    if (!this.alive) throw new ContainerCrashedError(this.name);
  }

  /** An operation's audit entry was written: one more record completed. */
  recordCompleted(): void {
    if (this.crash === null || !this.alive) return;
    this.recordsLeft -= 1;
    if (this.recordsLeft > 0) return;
    if (this.crash.midRecord) this.dieOnNextChange = true;
    else this.alive = false;
  }

  /** A change of the organization took effect. */
  changeTookEffect(): void {
    if (this.dieOnNextChange) this.alive = false;
  }
}
