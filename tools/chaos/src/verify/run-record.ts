/**
 * Everything a chaos run collected, from which the report is computed.
 */
import type { OrgSnapshot } from '@org/scope-engine';
import type { StoredAuditEntry } from '@org/governance-runtime';
import type { WebhookDelivery } from '../deployment/webhook-receiver';
import type { LedgerCounts } from '../edge/edge-ledger';
import type { ForgeryVerdict } from '../forged/forgery-verdict';
import type { FlipRecord } from '../run/play-flips';
import type { RoundSummary } from '../run/round-summary';
import type { ChangeVerdict } from './change-check';
import type { FailureVerdict } from './failure-check';
import type { NotificationVerdict } from './notification-check';
import type { ObservedEffects } from './observed-effects';
import type { GuardVerdict } from './safety-guards';

/** Drift and model agreement at one point of the run. */
export interface StateCheck {
  /** Operations a reconcile of moto would plan. */
  readonly drift: number;
  /** Operations a reconcile of the reference model would plan. */
  readonly modelDrift: number;
  /** Differences between moto and the model. */
  readonly differences: readonly string[];
  /** Assignments moto lists more than once. */
  readonly duplicateAssignments: number;
  readonly final: OrgSnapshot;
}

/** A run's collected facts and check verdicts. */
export interface RunRecord {
  readonly events: number;
  readonly rounds: readonly RoundSummary[];
  readonly audit: readonly StoredAuditEntry[];
  readonly counts: LedgerCounts;
  /** `service n, …`, most called first. */
  readonly callsPerService: string;
  readonly outages: number;
  readonly observed: ObservedEffects;
  readonly webhooks: readonly WebhookDelivery[];
  readonly webhookRejections: number;
  readonly changes: ChangeVerdict;
  readonly notifications: NotificationVerdict;
  readonly failures: FailureVerdict;
  readonly guards: GuardVerdict;
  readonly afterEvents: StateCheck;
  readonly afterReconcile: StateCheck;
  /** Sends to the operations FIFO queue: delivered, and dropped by deduplication of sent ids. */
  readonly queue: { readonly delivered: number; readonly dropped: number };
  /** The flips played (tag, move, rules), with their timing on the run's clock. */
  readonly flips: readonly FlipRecord[];
  /** The forged messages sent straight to the operations queue, and what the worker made of them. */
  readonly forgery: ForgeryVerdict;
  /** Real seconds the run took. */
  readonly seconds: number;
}
