/**
 * The governance configuration (docs/configuration.md), as the engine uses it after validation.
 */
import type { PrincipalType } from './org-snapshot';
import type { PolicyType } from '../policy/policy-types';
import type { NotificationTrigger } from '@org/event-schemas';

/** Where a rule applies. */
export type Scope =
  | { readonly type: 'root' }
  | { readonly type: 'ou'; readonly id: string; readonly includeDescendants: boolean }
  | { readonly type: 'account'; readonly id: string }
  | { readonly type: 'accountTag'; readonly key: string; readonly value?: string };

/** Accounts and OU subtrees a rule never applies to (exclusions win). */
export interface Exclusions {
  readonly accounts: readonly string[];
  readonly ous: readonly string[];
}

/** Attach these SCPs (names or ids) to every account in scope (the v1 form of a policy rule). */
export interface ScpRule {
  readonly id: string;
  readonly policies: readonly string[];
  readonly scope: Scope;
  readonly exclude: Exclusions;
}

/** Attach these policies of `type` (names or ids) to every account in scope. */
export interface PolicyRule extends ScpRule {
  readonly type: PolicyType;
}

/** How a rule names its principal: by name or by id. */
export type PrincipalRef =
  | { readonly type: PrincipalType; readonly name: string }
  | { readonly type: PrincipalType; readonly id: string };

/** Assign this permission set (name or ARN) to this principal on every account in scope. */
export interface AssignmentRule {
  readonly id: string;
  readonly permissionSet: string;
  readonly principal: PrincipalRef;
  readonly scope: Scope;
  readonly exclude: Exclusions;
}

/**
 * The names a notification can listen to: `ManagedAccountVended` (every successful vending),
 * `ManagedAccountCreated` / `ManagedAccountUpdated` (its `created` or `updated` lifecycle),
 * `AccountCreated`, `AccountJoined`, `CreateAccountFailed`.
 */
export type NotifiableEvent = NotificationTrigger;

/** Where a notification goes. */
export type NotificationTarget =
  | {
      readonly type: 'supportCase';
      readonly subject: string;
      readonly body: string;
      readonly serviceCode: string;
      readonly categoryCode: string;
      readonly severityCode: string;
    }
  | {
      readonly type: 'webhook';
      readonly url: string;
      readonly secretArn: string;
      /** Allow destinations in private ranges (10/8, 172.16/12, 192.168/16, fc00::/7…). @default false */
      readonly allowPrivateNetwork?: boolean;
      readonly subject?: string;
      readonly body?: string;
    }
  | {
      readonly type: 'sns';
      readonly topicArn: string;
      readonly subject?: string;
      readonly body?: string;
    };

/** A notification sent when one of `on` happens. */
export interface Notification {
  readonly id: string;
  readonly on: readonly NotifiableEvent[];
  readonly target: NotificationTarget;
}

/** Global settings. */
export interface Settings {
  /** SCP slots per target (`maxPoliciesPerTarget.SERVICE_CONTROL_POLICY` wins). @default 10 */
  readonly maxScpsPerTarget: number;
  /** Slots per target for each policy type; a type not listed has AWS's default. */
  readonly maxPoliciesPerTarget?: Readonly<Partial<Record<PolicyType, number>>>;
  /** Assignment rules also apply to the management account. @default false */
  readonly includeManagementAccount: boolean;
  /**
   * Most detaches and deletes a reconcile run or a rules apply executes unconfirmed; a larger
   * plan holds all of them until confirmed. Read it with `maxDestructiveOperationsOf`.
   * @default 25 ({@link DEFAULT_MAX_DESTRUCTIVE_OPERATIONS})
   */
  readonly maxDestructiveOperations?: number;
  /**
   * IAM role or user ARN patterns (`*` wildcard) whose tags `accountTag` rules trust: with any
   * listed, such a rule applies to an account only when the tag ledger says a trusted principal
   * set the account's current value (else the plan skips it, `UntrustedTag`). Absent or empty:
   * every tagger is trusted.
   */
  readonly trustedTagPrincipals?: readonly string[];
}

/** The blast-radius cap when `settings.maxDestructiveOperations` is absent. */
export const DEFAULT_MAX_DESTRUCTIVE_OPERATIONS = 25;

/**
 * The blast-radius cap of a configuration: `settings.maxDestructiveOperations`, else 25.
 *
 * @example
 * ```ts
 * maxDestructiveOperationsOf(config.settings); // 25 unless the configuration sets it
 * ```
 */
export function maxDestructiveOperationsOf(settings: Settings): number {
  return settings.maxDestructiveOperations ?? DEFAULT_MAX_DESTRUCTIVE_OPERATIONS;
}

/** The validated governance configuration. */
export interface GovernanceConfig {
  readonly settings: Settings;
  /** Rules of type SERVICE_CONTROL_POLICY in the v1 form. */
  readonly scpRules: readonly ScpRule[];
  /** Rules of any policy type (absent = none). */
  readonly policyRules?: readonly PolicyRule[];
  readonly assignmentRules: readonly AssignmentRule[];
  readonly notifications: readonly Notification[];
}
