/**
 * A simulated Lambda execution environment: its AWS clients share one of these, so the chaos run
 * can kill it (a worker crash) at a chosen point — after a number of completed records, or right
 * after a change took effect but before it was recorded. A dead container's calls never reach AWS.
 *
 * It also keeps the time its AWS calls were in flight. On the run's sped-up clock, an emulator
 * call's real latency would count `scale` times toward a Lambda's deadline (moto's 20–200 ms
 * become 2–20 s of product time at 100×, where AWS answers in tens to hundreds of milliseconds), so
 * a Lambda context credits that time back and an API call counts at its real latency.
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
  private callsInFlight = 0;
  private busySinceRealMs = 0;
  private creditedMs = 0;

  constructor(
    readonly name: string,
    /** Product milliseconds per real millisecond now (the run clock's scale). @default 1 */
    private readonly scale: () => number = () => 1,
  ) {}

  /** An AWS call of this container started (pair with {@link callEnded}). */
  callStarted(): void {
    if (this.callsInFlight === 0) this.busySinceRealMs = performance.now();
    this.callsInFlight += 1;
  }

  /** An AWS call of this container ended (answered or failed). */
  callEnded(): void {
    this.callsInFlight -= 1;
    if (this.callsInFlight === 0) this.creditedMs += this.busyCredit();
  }

  /**
   * Product milliseconds this container's AWS calls have taken beyond their real latency so far
   * (real time with at least one call in flight × (scale − 1)): what a deadline gives back so
   * that an emulator call counts at its real latency.
   */
  apiTimeCreditMs(): number {
    return this.creditedMs + (this.callsInFlight > 0 ? this.busyCredit() : 0);
  }

  private busyCredit(): number {
    return (performance.now() - this.busySinceRealMs) * Math.max(0, this.scale() - 1);
  }

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
