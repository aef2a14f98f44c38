/**
 * Scripted Identity Center behaviour on top of moto (whose requests complete at once): requests
 * that stay `IN_PROGRESS` for a number of status polls, and assignments whose creation ends
 * `FAILED` — terminal, for the whole round it is scripted in.
 */
import type { SeededRandom } from '../random/seeded-random';

/** How a status poll of a request should be answered. */
export type ScriptedStatus =
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'inProgress' }
  | { readonly kind: 'real' };

/**
 * The script.
 *
 * @example
 * ```ts
 * script.failCreation(3, assignmentKey);
 * script.isFailing(3, assignmentKey); // true during round 3 only
 * ```
 */
export class IdentityCenterScript {
  private readonly failing = new Map<number, Set<string>>();
  private readonly failureReasons = new Map<string, string>();
  private readonly slow = new Map<string, number>();
  private readonly answered = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly random: SeededRandom,
    /** Probability that a request stays IN_PROGRESS for a while. */
    private readonly slowRate: number,
    /** Most polls a slow request stays IN_PROGRESS. */
    private readonly maxSlowPolls = 9,
  ) {}

  /** Every creation of `assignmentKey` during `round` ends FAILED. */
  failCreation(round: number, assignmentKey: string): void {
    const keys = this.failing.get(round) ?? new Set<string>();
    keys.add(assignmentKey);
    this.failing.set(round, keys);
  }

  /** The assignments (`account#arn#type#principal`) whose creations fail in `round`. */
  failingIn(round: number): ReadonlySet<string> {
    return new Set(this.failing.get(round) ?? []);
  }

  /** `true` when creations of `assignmentKey` fail in `round`. */
  isFailing(round: number, assignmentKey: string): boolean {
    return this.failing.get(round)?.has(assignmentKey) ?? false;
  }

  /** A request id for a scripted FAILED creation in `round` (never sent to moto). */
  failedRequest(round: number, assignmentKey: string): string {
    this.counter += 1;
    const answered = `${round}#${assignmentKey}`;
    this.answered.set(answered, (this.answered.get(answered) ?? 0) + 1);
    const requestId = `chaos-failed-${this.counter}`;
    this.failureReasons.set(
      requestId,
      `Received a 403 status error: access denied provisioning ${assignmentKey} (injected by the chaos run)`,
    );
    return requestId;
  }

  /** How many creations of `assignmentKey` were answered with a FAILED request in `round`. */
  failedRequests(round: number, assignmentKey: string): number {
    return this.answered.get(`${round}#${assignmentKey}`) ?? 0;
  }

  /** Decides whether a real request stays IN_PROGRESS; `true` when it does. */
  maybeSlow(requestId: string): boolean {
    if (!this.random.chance(this.slowRate)) return false;
    this.slow.set(requestId, this.random.int(1, this.maxSlowPolls));
    return true;
  }

  /** How to answer a status poll of `requestId` (counts the poll). */
  poll(requestId: string): ScriptedStatus {
    const reason = this.failureReasons.get(requestId);
    if (reason !== undefined) return { kind: 'failed', reason };
    const remaining = this.slow.get(requestId);
    if (remaining === undefined || remaining <= 0) return { kind: 'real' };
    this.slow.set(requestId, remaining - 1);
    return { kind: 'inProgress' };
  }
}
