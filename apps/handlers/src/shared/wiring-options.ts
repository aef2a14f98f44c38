import type { Clock, QuotaStore } from '@org/governance-runtime';
import type { WebhookNotifierOptions } from '@org/aws-adapters/notifiers';
import type { ClientCustomizer } from './aws/clients';
import type { Observability } from './observability/observability';

/**
 * Overrides for building a function's dependencies outside Lambda (the local pipeline, tests):
 * everything else comes from the environment.
 */
export interface WiringOptions {
  /** @default the Powertools logger and EMF metrics */
  readonly observability?: Observability;
  /** @default the system clock */
  readonly clock?: Clock;
  /**
   * Processor, worker and reconciler: where the shared rate budgets (Identity Center,
   * Organizations reads and writes) live. @default DynamoDB (`IDEMPOTENCY_TABLE`)
   */
  readonly quotaStore?: QuotaStore;
  /** Run on every AWS client created (e.g. to act as an emulator account). @default none */
  readonly customizeClient?: ClientCustomizer;
  /**
   * Vending notifier only: webhook delivery overrides for a local receiver (its address in
   * `allowAddresses`, its certificate in `trustedCa`). @default every destination check on
   */
  readonly webhook?: WebhookNotifierOptions;
}
