import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import type { StoredDirectoryView } from '@org/governance-runtime';
import type { BenchOptions } from './bench-options';

const ROOT = 'r-bench';
/** Permission sets the creations spread over. */
const PERMISSION_SETS = 5;
/** The OU tree the accounts are spread over: top-level OUs, and OUs under each. */
const TOP_OUS = 5;
const CHILD_OUS = 10;

/** The permission set ARN of index `i`. */
const permissionSetArn = (i: number): string =>
  `arn:aws:sso:::permissionSet/ssoins-bench/ps-${String(i).padStart(16, '0')}`;

/** What the worker bench runs against: the organization, the rules and their creations. */
export interface BenchWorld {
  readonly snapshot: OrgSnapshot;
  readonly config: GovernanceConfig;
  readonly directoryView: StoredDirectoryView;
  /** The creations the rules ask for, `creates` of them. */
  readonly operations: readonly Operation[];
}

/**
 * An organization of `accounts` accounts spread over 50 OUs two levels deep (5 × 10: what the
 * worker's level check reads of the OU path) and one root-scoped assignment rule per
 * group (`creates ÷ accounts` groups, spread over 5 permission sets): the rules justify exactly
 * the bench's creations, so the level-triggered worker executes each of them (none is Stale or
 * refused as NotJustified).
 *
 * @example
 * ```ts
 * const { operations } = benchWorld(DEFAULT_BENCH_OPTIONS); // 5,000 createAssignment operations
 * ```
 */
export function benchWorld(options: Pick<BenchOptions, 'creates' | 'accounts'>): BenchWorld {
  const groups = Math.ceil(options.creates / options.accounts);
  const accountId = (a: number) => String(100_000_000_000 + a);
  const rule = (g: number) => `bench-group-${g}`;
  const operations: Operation[] = Array.from({ length: options.creates }, (_, i) => ({
    type: 'createAssignment',
    accountId: accountId(Math.floor(i / groups)),
    permissionSetArn: permissionSetArn((i % groups) % PERMISSION_SETS),
    principalType: 'GROUP',
    principalId: `group-${i % groups}`,
    ruleIds: [rule(i % groups)],
  }));
  const accounts = Math.ceil(options.creates / groups);
  const permissionSets = Array.from({ length: PERMISSION_SETS }, (_, i) => ({
    name: `bench-ps-${i}`,
    arn: permissionSetArn(i),
  }));
  const principals = Array.from({ length: groups }, (_, g) => ({
    type: 'GROUP' as const,
    name: `group-${g}`,
    id: `group-${g}`,
  }));
  const top = (t: number) => `ou-bench-top${t}`;
  const child = (c: number) => `ou-bench-${Math.floor(c / CHILD_OUS)}-${c % CHILD_OUS}`;
  const organizationalUnits = [
    ...Array.from({ length: TOP_OUS }, (_, t) => ({
      id: top(t),
      name: `top-${t}`,
      parentId: ROOT,
    })),
    ...Array.from({ length: TOP_OUS * CHILD_OUS }, (_, c) => ({
      id: child(c),
      name: `team-${c}`,
      parentId: top(Math.floor(c / CHILD_OUS)),
    })),
  ];
  const snapshot: OrgSnapshot = {
    managementAccountId: '999999999999',
    rootId: ROOT,
    organizationalUnits,
    accounts: Array.from({ length: accounts }, (_, a) => ({
      id: accountId(a),
      name: `bench-${a}`,
      parentId: child(a % (TOP_OUS * CHILD_OUS)),
      status: 'ACTIVE',
      tags: {},
    })),
    policies: [],
    permissionSets,
    principals,
    attachments: [],
    assignments: [],
  };
  const config: GovernanceConfig = {
    settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
    scpRules: [],
    assignmentRules: principals.map((principal, g) => ({
      id: rule(g),
      permissionSet: permissionSetArn(g % PERMISSION_SETS),
      principal: { type: 'GROUP', id: principal.id },
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    })),
    notifications: [],
  };
  return {
    snapshot,
    config,
    directoryView: { permissionSets, principals, readAt: '2026-01-01T00:00:00.000Z' },
    operations,
  };
}
