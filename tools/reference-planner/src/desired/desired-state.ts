/**
 * The desired state of one account: the union of what every rule whose scope takes in the
 * account asks for, each item with the sorted ids of the rules behind it (reference counting).
 */
import type { RefConfig } from '../model/config';
import type { RefSkip } from '../model/plan';
import type { RefAccount, RefSnapshot } from '../model/snapshot';
import { type RefPolicyType, SCP } from '../policy/policy-types';
import { ruleApplies } from '../scope/rule-applies';
import { permissionSetArnOf, policyIdOf, principalIdOf } from './resolve-names';

/** An assignment the account should have. */
export interface RefDesiredAssignment {
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
  readonly ruleIds: readonly string[];
}

/** What the rules ask for one account. */
export interface RefDesiredState {
  readonly accountId: string;
  /** `false` for an account that is not ACTIVE: no operations at all. */
  readonly active: boolean;
  /** `false` for the management account (and inactive accounts): its SCPs are never touched. */
  readonly managesPolicies: boolean;
  /** `false` for inactive accounts, and the management account unless it is included. */
  readonly managesAssignments: boolean;
  /** Sorted by policy id. */
  readonly attachments: readonly {
    readonly policyId: string;
    readonly policyType: RefPolicyType;
    readonly ruleIds: readonly string[];
  }[];
  /** Sorted by permission set ARN, principal type, principal id. */
  readonly assignments: readonly RefDesiredAssignment[];
  readonly skipped: readonly RefSkip[];
}

/** A key that sorts assignments by ARN, then principal type, then principal id. */
export function assignmentId(a: {
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
}): string {
  return `${a.permissionSetArn}\u0000${a.principalType}\u0000${a.principalId}`;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function addRule(map: Map<string, Set<string>>, key: string, ruleId: string): void {
  const ids = map.get(key) ?? new Set<string>();
  ids.add(ruleId);
  map.set(key, ids);
}

const sortedIds = (ids: Set<string>): string[] => [...ids].sort(byCodeUnits);

/**
 * The desired state of `account` under `config`, with the names resolved against `snapshot`.
 *
 * @example
 * ```ts
 * referenceDesiredState(snapshot, config, account).attachments; // [{ policyId: 'p-1', policyType: 'SERVICE_CONTROL_POLICY', ruleIds: ['baseline'] }]
 * ```
 */
export function referenceDesiredState(
  snapshot: RefSnapshot,
  config: RefConfig,
  account: RefAccount,
): RefDesiredState {
  const accountId = account.id;
  if (account.status !== 'ACTIVE') {
    const skip: RefSkip = { accountId, ruleId: null, reason: 'AccountNotActive' };
    return {
      accountId,
      active: false,
      managesPolicies: false,
      managesAssignments: false,
      attachments: [],
      assignments: [],
      skipped: [skip],
    };
  }
  const isManagement = accountId === snapshot.managementAccountId;
  const includeManagement = config.settings.includeManagementAccount;
  const skipped: RefSkip[] = [];
  const policies = new Map<string, Set<string>>();
  const typeOfPolicy = new Map<string, RefPolicyType>();
  // SCPs only when the snapshot does not say which types the root enables.
  const enabled = new Set<RefPolicyType>(snapshot.enabledPolicyTypes ?? [SCP]);
  const policyRules = [
    ...config.scpRules.map((rule) => ({ ...rule, type: SCP })),
    ...(config.policyRules ?? []),
  ];
  for (const rule of policyRules) {
    if (!ruleApplies(snapshot, account, rule.scope, rule.exclude)) continue;
    if (isManagement) {
      skipped.push({ accountId, ruleId: rule.id, reason: 'ManagementAccount' });
      continue;
    }
    if (!enabled.has(rule.type)) {
      skipped.push({ accountId, ruleId: rule.id, reason: 'PolicyTypeNotEnabled' });
      continue;
    }
    for (const ref of rule.policies) {
      const policyId = policyIdOf(snapshot, ref, rule.type);
      if (policyId === undefined) {
        skipped.push({ accountId, ruleId: rule.id, reason: 'PolicyNotFound' });
      } else {
        addRule(policies, policyId, rule.id);
        typeOfPolicy.set(policyId, rule.type);
      }
    }
  }
  const assignments = new Map<
    string,
    { target: Omit<RefDesiredAssignment, 'ruleIds'>; ids: Set<string> }
  >();
  for (const rule of config.assignmentRules) {
    if (!ruleApplies(snapshot, account, rule.scope, rule.exclude)) continue;
    if (isManagement && !includeManagement) {
      skipped.push({ accountId, ruleId: rule.id, reason: 'ManagementAccount' });
      continue;
    }
    const permissionSetArn = permissionSetArnOf(snapshot, rule.permissionSet);
    const principalId = principalIdOf(snapshot, rule.principal);
    if (permissionSetArn === undefined)
      skipped.push({ accountId, ruleId: rule.id, reason: 'PermissionSetNotFound' });
    if (principalId === undefined)
      skipped.push({ accountId, ruleId: rule.id, reason: 'PrincipalNotFound' });
    if (permissionSetArn === undefined || principalId === undefined) continue;
    const target = { permissionSetArn, principalType: rule.principal.type, principalId };
    const entry = assignments.get(assignmentId(target)) ?? { target, ids: new Set<string>() };
    entry.ids.add(rule.id);
    assignments.set(assignmentId(target), entry);
  }
  return {
    accountId,
    active: true,
    managesPolicies: !isManagement,
    managesAssignments: !isManagement || includeManagement,
    attachments: [...policies.keys()].sort(byCodeUnits).map((policyId) => ({
      policyId,
      policyType: typeOfPolicy.get(policyId) ?? SCP,
      ruleIds: sortedIds(policies.get(policyId) ?? new Set()),
    })),
    assignments: [...assignments.entries()]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([, entry]) => ({ ...entry.target, ruleIds: sortedIds(entry.ids) })),
    skipped,
  };
}
