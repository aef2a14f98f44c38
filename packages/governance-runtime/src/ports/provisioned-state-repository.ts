/**
 * What the product itself provisioned: which rules justify each attachment and assignment. This
 * is where the snapshot's `managedBy` comes from.
 */
import type { PolicyType } from '@org/scope-engine';
import type { AssignmentKey } from './identity-center-port';

/**
 * A policy attachment or account assignment on one account (the account id is implied). An
 * attachment's `policyType` tells the readers which policy type to read so that a managed
 * attachment is still seen (and detached) after the last rule of its type is gone; an attachment
 * recorded without one (before policy types) is an SCP attachment.
 */
export type ProvisionedItemKey =
  | {
      readonly kind: 'attachment';
      readonly policyId: string;
      /** @default 'SERVICE_CONTROL_POLICY' */
      readonly policyType?: PolicyType;
    }
  | ({ readonly kind: 'assignment' } & Omit<AssignmentKey, 'accountId'>);

/** A provisioned item with the rule ids that justify it and the tag keys those rules use. */
export type ProvisionedItem = ProvisionedItemKey & {
  /** Sorted, non-empty. */
  readonly ruleIds: readonly string[];
  /** Sorted tag keys of `accountTag` rules among `ruleIds` (for tag-change look-ups). */
  readonly tagKeys: readonly string[];
};

/** Everything provisioned on one account. */
export interface ProvisionedAccountState {
  readonly accountId: string;
  readonly items: readonly ProvisionedItem[];
}

/**
 * Per-account provisioned state. Implementations never lose an update when several workers
 * record items of the same account at once.
 *
 * @example
 * ```ts
 * await state.recordApplied('222222222222', {
 *   kind: 'attachment', policyId: 'p-aaaa1111', policyType: 'SERVICE_CONTROL_POLICY',
 *   ruleIds: ['baseline-guardrails'], tagKeys: [],
 * });
 * const byTag = await state.findByTagKey('222222222222', 'env');
 * ```
 */
export interface ProvisionedStateRepository {
  /** The account's provisioned items (empty when none). */
  getAccount(accountId: string): Promise<ProvisionedAccountState>;

  /** The account's items justified by a rule on this tag key. */
  findByTagKey(accountId: string, tagKey: string): Promise<readonly ProvisionedItem[]>;

  /** Every account with at least one provisioned item (for reconciliation). */
  listAll(): Promise<readonly ProvisionedAccountState[]>;

  /**
   * Records that an item exists because of these rules. Rule ids and tag keys are merged with
   * those already recorded (concurrent records of the same item keep every rule id).
   */
  recordApplied(accountId: string, item: ProvisionedItem): Promise<void>;

  /** Records that an item was removed; removing an unknown item is a no-op. */
  recordRemoved(accountId: string, key: ProvisionedItemKey): Promise<void>;

  /** Forgets every item of an account (it left the organization). */
  forgetAccount(accountId: string): Promise<void>;
}
