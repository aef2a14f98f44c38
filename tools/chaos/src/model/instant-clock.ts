/**
 * The reference model's clock: waiting costs nothing and moves time forward at once.
 */
import type { Clock } from '@org/scope-engine';

/**
 * A {@link Clock} whose `sleep` resolves immediately after advancing the time.
 *
 * @example
 * ```ts
 * const clock = new InstantClock(0);
 * await clock.sleep(800);
 * clock.now(); // 800
 * ```
 */
export class InstantClock implements Clock {
  constructor(private time: number) {}

  /** {@inheritDoc Clock.now} */
  now(): number {
    return this.time;
  }

  /** {@inheritDoc Clock.sleep} */
  sleep(ms: number): Promise<void> {
    if (ms > 0) this.time += ms;
    return Promise.resolve();
  }
}
