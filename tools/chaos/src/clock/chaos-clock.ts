/**
 * The chaos run's time: real time, sped up. Everything the product waits for (status polls,
 * retry backoff, Lambda's asynchronous retry delays, quota windows) is measured on this clock, so
 * a minute of product time passes in a fraction of a real second while moto still answers at its
 * own pace.
 */
import type { Clock } from '@org/governance-runtime';

/**
 * A {@link Clock} running `scale` times faster than real time, which can also jump ahead
 * (e.g. past the rules cache TTL after a rules change).
 *
 * @example
 * ```ts
 * const clock = new ChaosClock(10, Date.parse('2026-11-01T00:00:00Z'));
 * await clock.sleep(1000); // 100 ms of real time
 * clock.advance(60_000);   // one minute later, at once
 * clock.setScale(2);       // from now on 2× real time
 * ```
 */
export class ChaosClock implements Clock {
  private realStart = performance.now();
  private offsetMs = 0;
  private currentScale: number;

  constructor(
    /** Product milliseconds per real millisecond. */
    scale: number,
    /** Epoch milliseconds the clock starts at. */
    private startMs: number,
  ) {
    ChaosClock.check(scale);
    this.currentScale = scale;
  }

  private static check(scale: number): void {
    if (!(scale >= 1)) throw new RangeError(`ChaosClock scale must be ≥ 1, got ${scale}`);
  }

  /** Product milliseconds per real millisecond, now. */
  get scale(): number {
    return this.currentScale;
  }

  /** {@inheritDoc Clock.now} */
  now(): number {
    return Math.floor(
      this.startMs + (performance.now() - this.realStart) * this.currentScale + this.offsetMs,
    );
  }

  /** {@inheritDoc Clock.sleep} */
  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, ms / this.currentScale));
  }

  /** Jumps `ms` product milliseconds ahead. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * Runs product time `scale` times faster than real time from now on (time so far is kept);
   * returns the previous scale.
   */
  setScale(scale: number): number {
    ChaosClock.check(scale);
    const previous = this.currentScale;
    this.startMs = this.now();
    this.realStart = performance.now();
    this.offsetMs = 0;
    this.currentScale = scale;
    return previous;
  }

  /** Real milliseconds that `ms` product milliseconds take. */
  realMs(ms: number): number {
    return ms / this.currentScale;
  }
}
