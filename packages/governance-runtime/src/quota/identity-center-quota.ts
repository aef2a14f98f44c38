import type { Clock } from '../clock';
import { QuotaUnavailableError } from '../errors';
import type { LeaseRequest } from './lease-table';
import type { QuotaStore } from './quota-store';
import { RateBudget } from './rate-budget';

/** Limits of one IAM Identity Center instance and how long callers wait for them. */
export interface IdentityCenterQuotaSettings {
  /** Admin API requests per second for the whole instance. @default 20 */
  readonly requestsPerSecond: number;
  /** Asynchronous `CreateAccountAssignment` requests outstanding at once. @default 10 */
  readonly maxOutstandingCreates: number;
  /** A creation slot not released (a crashed worker) is reclaimed after this. @default 900000 */
  readonly slotLeaseMs: number;
  /** Longest wait for a token or a slot before {@link QuotaUnavailableError}. @default 30000 */
  readonly maxWaitMs: number;
  /** How often a waiting caller retries for a slot. @default 250 */
  readonly slotRetryMs: number;
}

/** The documented Identity Center quotas (docs/execution-semantics.md#quotas). */
export const DEFAULT_IDENTITY_CENTER_QUOTA: IdentityCenterQuotaSettings = {
  requestsPerSecond: 20,
  maxOutstandingCreates: 10,
  slotLeaseMs: 15 * 60_000,
  maxWaitMs: 30_000,
  slotRetryMs: 250,
};

/**
 * Keeps every worker of an Identity Center instance within its quotas: a request rate (tokens
 * per quarter-second window, so bursts stay small) and a semaphore of outstanding creations.
 * A creation slot is a lease named after the assignment, held from the create request until
 * its status settles — across re-queued status checks — and reclaimed after `slotLeaseMs`
 * if its holder vanished. Waiting callers are served first come, first served, so a busy worker
 * releasing and re-acquiring cannot starve the others.
 *
 * @example
 * ```ts
 * const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock);
 * await quota.acquireCreateSlot(leaseId);
 * await quota.beforeRequest();
 * const state = await identityCenter.createAssignment(key);
 * ```
 */
export class IdentityCenterQuota {
  /** Tokens per rate window. */
  readonly tokensPerWindow: number;
  /** Rate window length in milliseconds. */
  readonly windowMs: number;
  private readonly settings: IdentityCenterQuotaSettings;
  private readonly rate: RateBudget;

  constructor(
    private readonly store: QuotaStore,
    private readonly clock: Clock,
    settings: Partial<IdentityCenterQuotaSettings> = {},
  ) {
    this.settings = { ...DEFAULT_IDENTITY_CENTER_QUOTA, ...settings };
    const { requestsPerSecond, maxOutstandingCreates } = this.settings;
    if (
      !(requestsPerSecond > 0) ||
      !Number.isInteger(maxOutstandingCreates) ||
      maxOutstandingCreates < 1
    ) {
      throw new RangeError(
        `Identity Center quota needs requestsPerSecond > 0 and maxOutstandingCreates >= 1, got ${requestsPerSecond} and ${maxOutstandingCreates}`,
      );
    }
    this.rate = new RateBudget(store, clock, undefined, {
      requestsPerSecond,
      maxWaitMs: this.settings.maxWaitMs,
    });
    this.tokensPerWindow = this.rate.tokensPerWindow;
    this.windowMs = this.rate.windowMs;
  }

  /** Waits until one admin API request may be sent (the instance's shared rate budget). */
  beforeRequest(): Promise<void> {
    return this.rate.beforeRequest();
  }

  /**
   * Waits for an outstanding-creation slot named `leaseId` (holding it already is fine): at least
   * `maxWaitMs`, and until `waitUntilMs` (epoch ms) when given — a worker waits for as long as
   * its invocation allows, because every give-up costs the message one of its queue receives.
   */
  async acquireCreateSlot(leaseId: string, waitUntilMs?: number): Promise<void> {
    const started = this.clock.now();
    const giveUpAt = Math.max(started + this.settings.maxWaitMs, waitUntilMs ?? 0);
    for (;;) {
      const now = this.clock.now();
      const acquired = await this.store.tryAcquireLease(this.leaseRequest(leaseId, now));
      if (acquired) {
        return;
      }
      if (now >= giveUpAt) {
        throw new QuotaUnavailableError('outstanding-creation slot', now - started);
      }
      await this.clock.sleep(this.settings.slotRetryMs);
    }
  }

  /**
   * Extends a held slot's lease (the creation is still in progress and was re-queued). Best
   * effort: a lease that expired and was handed to another caller meanwhile is not taken back.
   */
  async renewCreateSlot(leaseId: string): Promise<void> {
    await this.store.tryAcquireLease(this.leaseRequest(leaseId, this.clock.now()));
  }

  private leaseRequest(leaseId: string, now: number): LeaseRequest {
    return {
      leaseId,
      limit: this.settings.maxOutstandingCreates,
      now,
      expiresAt: now + this.settings.slotLeaseMs,
      waiterTtlMs: 4 * this.settings.slotRetryMs,
    };
  }

  /** Frees a slot once its creation settled (or was never accepted). */
  async releaseCreateSlot(leaseId: string): Promise<void> {
    await this.store.releaseLease(leaseId);
  }
}
