/**
 * What the chaos edge saw: every call of the product per service, every injected fault, every
 * attempted change of the organization (for the safety guards) and every change that took effect
 * (for "applied exactly once").
 */
import type { ServiceName } from './services';

/** A change of the organization the product attempted (before any fault decision). */
export interface AttemptedChange {
  readonly round: number;
  readonly container: string;
  readonly command:
    'AttachPolicy' | 'DetachPolicy' | 'CreateAccountAssignment' | 'DeleteAccountAssignment';
  /** Account (or, if the product ever tried, OU/root) the change targets. */
  readonly targetId: string;
  /** The policy id, or `permissionSetArn#principalType#principalId`. */
  readonly item: string;
}

/** Counters of one run. */
export interface LedgerCounts {
  readonly calls: number;
  readonly faults: number;
  readonly throttled: number;
  readonly serverErrors: number;
  readonly lostResponses: number;
  readonly outageFaults: number;
  readonly crashedCalls: number;
  readonly slowRequests: number;
  readonly failedRequests: number;
  readonly redundantCreates: number;
}

/**
 * The edge's record of a run.
 *
 * @example
 * ```ts
 * ledger.call('organizations');
 * ledger.effective(3, 'attachPolicy#111122223333#p-1');
 * ledger.effectiveChanges(3).get('attachPolicy#111122223333#p-1'); // 1
 * ```
 */
export class EdgeLedger {
  private readonly callsByService = new Map<ServiceName, number>();
  private readonly changes = new Map<number, Map<string, number>>();
  readonly attempts: AttemptedChange[] = [];
  private counts: { -readonly [K in keyof LedgerCounts]: number } = {
    calls: 0,
    faults: 0,
    throttled: 0,
    serverErrors: 0,
    lostResponses: 0,
    outageFaults: 0,
    crashedCalls: 0,
    slowRequests: 0,
    failedRequests: 0,
    redundantCreates: 0,
  };

  /** Counts one call of the product. */
  call(service: ServiceName): void {
    this.counts.calls += 1;
    this.callsByService.set(service, (this.callsByService.get(service) ?? 0) + 1);
  }

  /** Counts an injected fault. */
  fault(kind: 'throttling' | 'server', afterEffect: boolean, outage: boolean): void {
    this.counts.faults += 1;
    if (kind === 'throttling') this.counts.throttled += 1;
    else this.counts.serverErrors += 1;
    if (afterEffect) this.counts.lostResponses += 1;
    if (outage) this.counts.outageFaults += 1;
  }

  /** Counts one of the other events the edge injects or observes. */
  bump(counter: 'crashedCalls' | 'slowRequests' | 'failedRequests' | 'redundantCreates'): void {
    this.counts[counter] += 1;
  }

  /** Records an attempted change of the organization. */
  attempt(change: AttemptedChange): void {
    this.attempts.push(change);
  }

  /** Records a change that took effect in `round` (`key` as the verifier's operation keys). */
  effective(round: number, key: string): void {
    const byKey = this.changes.get(round) ?? new Map<string, number>();
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    this.changes.set(round, byKey);
  }

  /** Changes that took effect in `round`, by operation key. */
  effectiveChanges(round: number): ReadonlyMap<string, number> {
    return this.changes.get(round) ?? new Map();
  }

  /** Every round that had changes. */
  rounds(): number[] {
    return [...this.changes.keys()].sort((a, b) => a - b);
  }

  /** The counters. */
  totals(): LedgerCounts {
    return { ...this.counts };
  }

  /** Calls per service. */
  callsPerService(): ReadonlyMap<ServiceName, number> {
    return this.callsByService;
  }
}
