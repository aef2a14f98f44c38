/**
 * The governance configuration (docs/configuration.md), as the engine uses it after validation.
 */
import type { PrincipalType } from './org-snapshot';
import type { DomainEventType } from '@org/event-schemas';

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

/** Attach these SCPs (names or ids) to every account in scope. */
export interface ScpRule {
  readonly id: string;
  readonly policies: readonly string[];
  readonly scope: Scope;
  readonly exclude: Exclusions;
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

/** Domain events a notification can listen to. */
export type NotifiableEvent = Extract<
  DomainEventType,
  'ManagedAccountVended' | 'AccountCreated' | 'AccountJoined' | 'CreateAccountFailed'
>;

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
  /** SCP slots per target. @default 10 */
  readonly maxScpsPerTarget: number;
  /** Assignment rules also apply to the management account. @default false */
  readonly includeManagementAccount: boolean;
  /**
   * Most detaches and deletes a reconcile run or a rules apply executes unconfirmed; a larger
   * plan holds all of them until confirmed. Read it with `maxDestructiveOperationsOf`.
   * @default 25 ({@link DEFAULT_MAX_DESTRUCTIVE_OPERATIONS})
   */
  readonly maxDestructiveOperations?: number;
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
  readonly scpRules: readonly ScpRule[];
  readonly assignmentRules: readonly AssignmentRule[];
  readonly notifications: readonly Notification[];
}
