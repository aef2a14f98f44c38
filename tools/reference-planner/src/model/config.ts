/**
 * The governance configuration as the reference planner reads it: the parsed `governance.yaml`
 * (SCP rules, policy rules of any type, assignment rules, notifications and settings), defaults
 * already filled in.
 */
import type { RefPolicyType } from '../policy/policy-types';

/** Where a rule applies. */
export type RefScope =
  | { readonly type: 'root' }
  | { readonly type: 'ou'; readonly id: string; readonly includeDescendants: boolean }
  | { readonly type: 'account'; readonly id: string }
  | { readonly type: 'accountTag'; readonly key: string; readonly value?: string };

/** Accounts and OU subtrees a rule never applies to. */
export interface RefExclusions {
  readonly accounts: readonly string[];
  readonly ous: readonly string[];
}

/** Attach these policies (names or ids) to every account in scope. */
export interface RefScpRule {
  readonly id: string;
  readonly policies: readonly string[];
  readonly scope: RefScope;
  readonly exclude: RefExclusions;
}

/** Attach these policies of `type` (names or ids) to every account in scope. */
export interface RefPolicyRule extends RefScpRule {
  readonly type: RefPolicyType;
}

/** A principal named by name or by id. */
export type RefPrincipalRef =
  { readonly type: string; readonly name: string } | { readonly type: string; readonly id: string };

/** Assign this permission set (name or ARN) to this principal on every account in scope. */
export interface RefAssignmentRule {
  readonly id: string;
  readonly permissionSet: string;
  readonly principal: RefPrincipalRef;
  readonly scope: RefScope;
  readonly exclude: RefExclusions;
}

/** A notification target: its type and optional subject and body templates. */
export interface RefNotificationTarget {
  readonly type: 'supportCase' | 'webhook' | 'sns';
  readonly subject?: string;
  readonly body?: string;
}

/** A notification sent when one of the `on` events happens. */
export interface RefNotification {
  readonly id: string;
  readonly on: readonly string[];
  readonly target: RefNotificationTarget;
}

/** The configuration. */
export interface RefConfig {
  readonly settings: {
    readonly maxScpsPerTarget: number;
    /** Slots per target by policy type (absent types: AWS's defaults). */
    readonly maxPoliciesPerTarget?: Readonly<Partial<Record<RefPolicyType, number>>>;
    readonly includeManagementAccount: boolean;
  };
  /** Rules of type `SERVICE_CONTROL_POLICY` (the v1 form). */
  readonly scpRules: readonly RefScpRule[];
  readonly policyRules?: readonly RefPolicyRule[];
  readonly assignmentRules: readonly RefAssignmentRule[];
  readonly notifications: readonly RefNotification[];
}
