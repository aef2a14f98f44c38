import type { Clock } from '@org/governance-runtime';

/** How the simulated IAM Identity Center instance behaves. */
export interface SimulatedIdentityCenterSettings {
  /** Admin API requests per second the instance accepts (token bucket, burst = one second). */
  readonly requestsPerSecond: number;
  /** Creation requests outstanding at once; one more is throttled. */
  readonly maxOutstandingCreates: number;
  /** Completion latency of a creation request, uniform in [min, max] milliseconds. */
  readonly completionLatencyMs: readonly [number, number];
  /** Round-trip time of every API call, in milliseconds. */
  readonly callLatencyMs: number;
  /** Probability that any call is throttled regardless of the quotas. */
  readonly throttleRate: number;
  /** Probability that a creation request ends `FAILED`. */
  readonly failureRate: number;
}

/** What the simulated instance saw. */
export interface SimulatedIdentityCenterStats {
  readonly requests: number;
  readonly createRequests: number;
  readonly statusRequests: number;
  /** `ListAccountAssignments` calls (the worker's check before a first creation). */
  readonly listRequests: number;
  /** Calls throttled because the caller exceeded the request rate. */
  readonly rateViolations: number;
  /** Creates throttled because 10 (or the configured limit) were outstanding. */
  readonly outstandingViolations: number;
  /** Calls throttled at random (`throttleRate`). */
  readonly injectedThrottles: number;
  /** Create calls for an assignment that already existed or was being created. */
  readonly duplicateCreates: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly peakOutstanding: number;
}

/** An AWS-style service error (what the SDK would throw). */
export class SimulatedServiceError extends Error {
  readonly $metadata = { httpStatusCode: 400 };

  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface Request {
  readonly id: string;
  readonly key: string;
  readonly completesAt: number;
  readonly fails: boolean;
}

/**
 * An IAM Identity Center instance on a virtual clock, enforcing the admin API quotas (request
 * rate, outstanding creations), with random completion latency, throttling and failures. It
 * keeps the truth the benchmark checks against: which assignments exist and how often each was
 * requested.
 *
 * @example
 * ```ts
 * const service = new SimulatedIdentityCenter(clock, random, settings);
 * const { requestId } = service.create('222222222222#arn…#GROUP#g-1');
 * ```
 */
export class SimulatedIdentityCenter {
  private tokens: number;
  private refilledAt: number;
  private nextId = 0;
  private readonly requests = new Map<string, Request>();
  private readonly inFlight = new Map<string, Request>();
  private readonly existing = new Set<string>();
  private readonly counters = {
    requests: 0,
    createRequests: 0,
    statusRequests: 0,
    listRequests: 0,
    rateViolations: 0,
    outstandingViolations: 0,
    injectedThrottles: 0,
    duplicateCreates: 0,
    succeeded: 0,
    failed: 0,
    peakOutstanding: 0,
  };

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number,
    /** The instance's behaviour. */
    readonly settings: SimulatedIdentityCenterSettings,
  ) {
    this.tokens = settings.requestsPerSecond;
    this.refilledAt = clock.now();
  }

  /** `CreateAccountAssignment`: a new request id, or an error as AWS would answer. */
  create(key: string): { requestId: string; status: 'IN_PROGRESS' } {
    this.admit();
    this.counters.createRequests += 1;
    this.settle();
    if (this.existing.has(key) || [...this.inFlight.values()].some((r) => r.key === key)) {
      this.counters.duplicateCreates += 1;
      throw new SimulatedServiceError(
        'ConflictException',
        `assignment ${key} exists or is being created`,
      );
    }
    if (this.inFlight.size >= this.settings.maxOutstandingCreates) {
      this.counters.outstandingViolations += 1;
      throw new SimulatedServiceError(
        'ThrottlingException',
        'too many outstanding creation requests',
      );
    }
    const [min, max] = this.settings.completionLatencyMs;
    const request: Request = {
      id: `req-${++this.nextId}`,
      key,
      completesAt: this.clock.now() + min + this.random() * (max - min),
      fails: this.random() < this.settings.failureRate,
    };
    this.requests.set(request.id, request);
    this.inFlight.set(request.id, request);
    this.counters.peakOutstanding = Math.max(this.counters.peakOutstanding, this.inFlight.size);
    return { requestId: request.id, status: 'IN_PROGRESS' };
  }

  /** `DescribeAccountAssignmentCreationStatus`. */
  status(requestId: string): {
    requestId: string;
    status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
    failureReason?: string;
  } {
    this.admit();
    this.counters.statusRequests += 1;
    this.settle();
    const request = this.requests.get(requestId);
    if (request === undefined) {
      throw new SimulatedServiceError('ResourceNotFoundException', `no request ${requestId}`);
    }
    if (this.inFlight.has(requestId)) return { requestId, status: 'IN_PROGRESS' };
    return request.fails
      ? { requestId, status: 'FAILED', failureReason: 'Simulated failure' }
      : { requestId, status: 'SUCCEEDED' };
  }

  /** Whether an assignment exists now. */
  exists(key: string): boolean {
    this.settle();
    return this.existing.has(key);
  }

  /**
   * `ListAccountAssignments`: the keys (`account#permissionSetArn#type#principal`) of the
   * assignments existing on an account for one permission set. A request like any other: it
   * takes a token of the instance's rate and can be throttled.
   */
  existingOn(accountId: string, permissionSetArn: string): string[] {
    this.admit();
    this.counters.listRequests += 1;
    this.settle();
    const prefix = `${accountId}#${permissionSetArn}#`;
    return [...this.existing].filter((key) => key.startsWith(prefix));
  }

  /** What the instance saw so far. */
  stats(): SimulatedIdentityCenterStats {
    return { ...this.counters };
  }

  /** Takes a request token, or throttles the call (quota exceeded, or at random). */
  private admit(): void {
    const now = this.clock.now();
    const rate = this.settings.requestsPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) * rate) / 1000);
    this.refilledAt = now;
    this.counters.requests += 1;
    if (this.tokens < 1) {
      this.counters.rateViolations += 1;
      throw new SimulatedServiceError('ThrottlingException', 'Rate exceeded');
    }
    this.tokens -= 1;
    if (this.random() < this.settings.throttleRate) {
      this.counters.injectedThrottles += 1;
      throw new SimulatedServiceError('ThrottlingException', 'Rate exceeded (injected)');
    }
  }

  /** Completes the requests whose latency has passed. */
  private settle(): void {
    const now = this.clock.now();
    for (const request of this.inFlight.values()) {
      if (request.completesAt <= now) {
        this.inFlight.delete(request.id);
        if (request.fails) this.counters.failed += 1;
        else {
          this.counters.succeeded += 1;
          this.existing.add(request.key);
        }
      }
    }
  }
}
