import type { Clock } from '../clock';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** How a task run by {@link VirtualClock.run} ended. */
type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** `true` when timer `a` fires before timer `b`. */
function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Lets every queued promise reaction run (they all run before the next macrotask). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A simulated {@link Clock} for tests and benchmarks: `sleep` costs no real time. {@link run}
 * drives asynchronous code to completion, and whenever everything in flight is waiting on a
 * `sleep`, jumps virtual time to the earliest wake-up. Timers due at the same instant fire in
 * the order they were set, so runs are deterministic.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock(0);
 * await clock.run(async () => { await clock.sleep(60_000); });
 * clock.now(); // 60000, in a few microseconds of real time
 * ```
 */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly heap: Timer[] = [];

  constructor(startMs = 0) {
    this.time = startMs;
  }

  /** {@inheritDoc Clock.now} */
  now(): number {
    return this.time;
  }

  /** {@inheritDoc Clock.sleep} */
  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.push({ at: this.time + ms, seq: this.seq++, resolve });
    });
  }

  /** Sleeps currently waiting. */
  pendingTimers(): number {
    return this.heap.length;
  }

  /**
   * Runs `task`, advancing virtual time while it waits, and returns (or throws) its result.
   * Throws when the task waits on something that is not this clock (nothing would ever wake it).
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const box: { outcome: Outcome<T> | null } = { outcome: null };
    task().then(
      (value) => {
        box.outcome = { ok: true, value };
      },
      (error: unknown) => {
        box.outcome = { ok: false, error };
      },
    );
    for (;;) {
      await settle();
      const outcome = box.outcome;
      if (outcome !== null) {
        if (outcome.ok) return outcome.value;
        throw outcome.error;
      }
      const next = this.pop();
      if (next === undefined) {
        throw new Error(
          'VirtualClock.run: the task is waiting on something other than the virtual clock',
        );
      }
      this.time = next.at;
      next.resolve();
    }
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
        if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}
