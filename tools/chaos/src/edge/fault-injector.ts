/**
 * Decides which of the product's AWS calls fail: each call independently with probability
 * `rate` (half throttling, half 5xx), plus short outages — a service answering its next calls
 * (a burst of 6 to 20) with errors — that outlast the adapters' own retries, so failures also
 * reach the pipeline (records failed back, asynchronous invocations retried).
 */
import type { SeededRandom } from '../random/seeded-random';
import { sdkError, type SdkServiceError } from './sdk-errors';
import {
  type ErrorShape,
  LOST_RESPONSE_COMMANDS,
  SERVER_ERRORS,
  type ServiceName,
  THROTTLING,
} from './services';

/** An injected failure: the error, and whether the call took effect before it came back. */
export interface Fault {
  readonly error: SdkServiceError;
  readonly kind: 'throttling' | 'server';
  /** The call reached the service and took effect; only the response was lost. */
  readonly afterEffect: boolean;
  readonly outage: boolean;
}

/** Settings of a {@link FaultInjector}. */
export interface FaultSettings {
  /** Probability that a call fails. */
  readonly rate: number;
  /** Probability, per call, that its service starts an outage. @default rate / 500 */
  readonly outageRate?: number;
  /** Calls an outage fails, [min, max]. @default [6, 20] */
  readonly outageCalls?: readonly [number, number];
}

/**
 * Seeded fault decisions.
 *
 * @example
 * ```ts
 * const faults = new FaultInjector({ rate: 0.2 }, random.fork('faults'));
 * const fault = faults.decide('organizations', 'AttachPolicy');
 * if (fault && !fault.afterEffect) throw fault.error;
 * ```
 */
export class FaultInjector {
  private readonly outageLeft = new Map<ServiceName, number>();
  private readonly outageRate: number;
  private readonly outageCalls: readonly [number, number];
  /** Outages started, per service. */
  readonly outages = new Map<ServiceName, number>();

  constructor(
    private readonly settings: FaultSettings,
    private readonly random: SeededRandom,
  ) {
    this.outageRate = settings.outageRate ?? settings.rate / 500;
    this.outageCalls = settings.outageCalls ?? [6, 20];
  }

  private error(kind: Fault['kind'], service: ServiceName, command: string): SdkServiceError {
    const shapes: readonly ErrorShape[] = (kind === 'throttling' ? THROTTLING : SERVER_ERRORS)[
      service
    ];
    const shape = this.random.pick(shapes);
    return sdkError(shape.name, shape.status, `${command}: injected by the chaos run`);
  }

  private inOutage(service: ServiceName): boolean {
    const left = this.outageLeft.get(service) ?? 0;
    if (left > 0) {
      this.outageLeft.set(service, left - 1);
      return true;
    }
    if (this.settings.rate > 0 && this.random.chance(this.outageRate)) {
      const [min, max] = this.outageCalls;
      this.outageLeft.set(service, this.random.int(min, max) - 1);
      this.outages.set(service, (this.outages.get(service) ?? 0) + 1);
      return true;
    }
    return false;
  }

  /** The fault of one call, or `null` when it goes through. */
  decide(service: ServiceName, command: string): Fault | null {
    const outage = this.inOutage(service);
    if (!outage && !this.random.chance(this.settings.rate)) return null;
    const kind = this.random.chance(0.5) ? 'throttling' : 'server';
    const afterEffect =
      kind === 'server' && LOST_RESPONSE_COMMANDS.has(command) && this.random.chance(0.5);
    return { error: this.error(kind, service, command), kind, afterEffect, outage };
  }
}
