import { notificationTriggersOf, type DomainEvent } from '@org/event-schemas';
import {
  FULL_AWS_ACCESS_POLICY_ID,
  FULL_AWS_ACCESS_POLICY_NAME,
  OPERATION_TYPE_ORDER,
  operationTarget,
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  type Plan,
} from '@org/scope-engine';
import { check } from './parse-invariants';
import { oracleTrusts } from '../arbitraries/tag-trust';

/** Every skip reason a plan may carry. */
const SKIP_REASONS = new Set([
  'PrincipalNotFound',
  'PermissionSetNotFound',
  'PolicyNotFound',
  'ScpLimitExceeded',
  'AccountNotActive',
  'ManagementAccount',
  'UntrustedTag',
  'NotInSnapshot',
]);

const TYPE_RANK = new Map(OPERATION_TYPE_ORDER.map((type, i) => [type, i]));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Plan order: account id, type, target. */
function inOrder(a: Operation, b: Operation): boolean {
  const byAccount = cmp(a.accountId, b.accountId);
  if (byAccount !== 0) return byAccount < 0;
  const byType = (TYPE_RANK.get(a.type) ?? 0) - (TYPE_RANK.get(b.type) ?? 0);
  if (byType !== 0) return byType < 0;
  return cmp(operationTarget(a), operationTarget(b)) < 0;
}

const isSortedUnique = (ids: readonly string[]) =>
  ids.every((id, i) => i === 0 || cmp(ids[i - 1] ?? '', id) < 0);

/** What the checks need to know about the organization the plan is for. */
export interface PlanContext {
  /** The snapshot after the event (the plan's "before" state). */
  readonly after: OrgSnapshot;
  readonly config: GovernanceConfig;
  /** The event, for an event plan. */
  readonly event?: DomainEvent;
  /**
   * Accounts the event names that the snapshot lacks: planned with partial knowledge (the rules
   * depending on the unknown part skipped `NotInSnapshot`), checked as ACTIVE accounts with no
   * items. @default none
   */
  readonly partial?: ReadonlySet<string>;
}

/** A tag ledger entry as the invariants read it. */
interface SetBy {
  readonly value: string;
  readonly setBy: string;
}

/**
 * The value of `key` on `accountId` after the event and who set it: from the snapshot after the
 * event, or — for an account the snapshot lacks — from the event itself (a `TagResource` names
 * its caller; an `aws.tag` event nobody).
 */
function taggedBy(ctx: PlanContext, accountId: string, key: string) {
  const account = ctx.after.accounts.find((a) => a.id === accountId);
  if (account !== undefined) {
    const entry = ctx.after.tagLedger?.find((e) => e.accountId === accountId && e.key === key);
    return { value: account.tags[key], entry };
  }
  const event = ctx.event;
  if (event?.type !== 'AccountTagsChanged' || event.change.kind === 'remove')
    return { value: undefined, entry: undefined };
  const value = event.change.tags[key];
  const setBy = event.change.kind === 'set' ? event.actor?.arn : undefined;
  const entry: SetBy | undefined =
    value === undefined || typeof setBy !== 'string' ? undefined : { value, setBy };
  return { value, entry };
}

/**
 * With trusted tag principals, every `accountTag` rule behind a grant has a tag ledger entry that
 * holds the account's current value and was set by a principal the fuzz oracle trusts.
 */
function checkTrustedTags(
  op: { accountId: string; ruleIds: readonly string[] },
  ctx: PlanContext,
): void {
  const patterns = ctx.config.settings.trustedTagPrincipals;
  if (patterns === undefined || patterns.length === 0) return;
  const rules = [
    ...ctx.config.scpRules,
    ...(ctx.config.policyRules ?? []),
    ...ctx.config.assignmentRules,
  ];
  for (const ruleId of op.ruleIds) {
    const scope = rules.find((r) => r.id === ruleId)?.scope;
    if (scope?.type !== 'accountTag') continue;
    const { value, entry } = taggedBy(ctx, op.accountId, scope.key);
    check(
      entry !== undefined && entry.value === value && oracleTrusts(entry.setBy, patterns),
      `${ruleId} grants on ${op.accountId} through an untrusted tag ${scope.key} (${JSON.stringify(entry)})`,
    );
  }
}

/** Checks one non-notify operation against the state it changes. */
function checkChange(op: Exclude<Operation, { type: 'notify' }>, ctx: PlanContext): void {
  const { after, config } = ctx;
  const account =
    after.accounts.find((a) => a.id === op.accountId) ??
    (ctx.partial?.has(op.accountId) === true
      ? { id: op.accountId, status: 'ACTIVE' as const, tags: {} }
      : undefined);
  check(account !== undefined, `${op.type} for ${op.accountId}, an account not in the snapshot`);
  check(account.status === 'ACTIVE', `${op.type} for ${account.status} account ${op.accountId}`);
  check(
    isSortedUnique(op.ruleIds),
    `${op.type} ruleIds not sorted/unique: ${op.ruleIds.join(',')}`,
  );
  const isManagement = op.accountId === after.managementAccountId;
  switch (op.type) {
    case 'attachPolicy':
    case 'detachPolicy': {
      check(!isManagement, `${op.type} on the management account`);
      const attached = after.attachments.find(
        (a) => a.targetId === op.accountId && a.policyId === op.policyId,
      );
      if (op.type === 'attachPolicy') {
        checkTrustedTags(op, ctx);
        check(attached === undefined, `attachPolicy of already attached ${op.policyId}`);
        check(
          after.policies.some((p) => p.id === op.policyId),
          `attachPolicy of unknown ${op.policyId}`,
        );
        check(
          op.ruleIds.length > 0 &&
            op.ruleIds.every((id) =>
              [...config.scpRules, ...(config.policyRules ?? [])].some((r) => r.id === id),
            ),
          'attachPolicy without its rules',
        );
      } else {
        check((attached?.managedBy?.length ?? 0) > 0, `detachPolicy of unmanaged ${op.policyId}`);
        const policy = after.policies.find((p) => p.id === op.policyId);
        check(
          op.policyId !== FULL_AWS_ACCESS_POLICY_ID && policy?.name !== FULL_AWS_ACCESS_POLICY_NAME,
          'detached FullAWSAccess',
        );
      }
      return;
    }
    case 'createAssignment':
    case 'deleteAssignment': {
      // Removing product-managed access from the management account is allowed (convergence
      // after includeManagementAccount was turned off); granting it needs the setting.
      const allowed =
        !isManagement || config.settings.includeManagementAccount || op.type === 'deleteAssignment';
      check(allowed, `${op.type} on the management account`);
      const existing = after.assignments.find(
        (a) =>
          a.accountId === op.accountId &&
          a.permissionSetArn === op.permissionSetArn &&
          a.principalType === op.principalType &&
          a.principalId === op.principalId,
      );
      if (op.type === 'createAssignment') {
        checkTrustedTags(op, ctx);
        check(existing === undefined, 'createAssignment of an existing assignment');
        check(
          after.permissionSets.some((p) => p.arn === op.permissionSetArn),
          'createAssignment of an unknown permission set',
        );
        check(
          after.principals.some((p) => p.type === op.principalType && p.id === op.principalId),
          'createAssignment for an unknown principal',
        );
        check(
          op.ruleIds.length > 0 &&
            op.ruleIds.every((id) => config.assignmentRules.some((r) => r.id === id)),
          'createAssignment without its rules',
        );
      } else {
        check(
          (existing?.managedBy?.length ?? 0) > 0,
          'deleteAssignment of an unmanaged assignment',
        );
      }
      return;
    }
  }
}

/** No account ends a plan with more direct SCPs than the limit, unless it was already over and gains none. */
function checkScpLimit(plan: Plan, ctx: PlanContext): void {
  const max = ctx.config.settings.maxScpsPerTarget;
  const accounts = new Set(
    plan.operations.filter((op) => op.type === 'attachPolicy').map((op) => op.accountId),
  );
  for (const accountId of accounts) {
    const before = ctx.after.attachments.filter((a) => a.targetId === accountId).length;
    const delta = plan.operations.reduce(
      (n, op) =>
        op.accountId !== accountId
          ? n
          : op.type === 'attachPolicy'
            ? n + 1
            : op.type === 'detachPolicy'
              ? n - 1
              : n,
      0,
    );
    check(
      before + delta <= max,
      `account ${accountId} ends with ${before + delta} SCPs (limit ${max})`,
    );
  }
}

/**
 * Asserts that `plan` is valid: JSON data; operations in order and without duplicates;
 * creates only what is absent and resolvable, deletes only what is managed; never the management
 * account's SCPs, never FullAWSAccess, never an inactive account; within the SCP limit; for an
 * event plan, changes only for the event's account and notifications only from listening
 * notifications; grants through `accountTag` rules only on trusted tag values (when the rules
 * trust only some taggers); skips with known reasons.
 */
export function checkPlan(plan: Plan, ctx: PlanContext): void {
  check(
    JSON.stringify(JSON.parse(JSON.stringify(plan))) === JSON.stringify(plan),
    'plan is not JSON data',
  );
  const ops = plan.operations;
  for (let i = 1; i < ops.length; i++) {
    const [a, b] = [ops[i - 1], ops[i]];
    check(
      a !== undefined && b !== undefined && inOrder(a, b),
      `operations out of order or duplicated at ${i}`,
    );
  }
  if (plan.ignored !== null)
    check(ops.length === 0 && plan.skipped.length === 0, 'ignored plan with content');
  for (const op of ops) {
    if (op.type === 'notify') {
      const n = ctx.config.notifications.find((x) => x.id === op.notificationId);
      check(
        n !== undefined && ctx.event !== undefined,
        `notify ${op.notificationId} outside an event plan`,
      );
      const triggers = notificationTriggersOf(ctx.event);
      check(
        n.on.some((on) => triggers.includes(on)),
        `notify ${n.id} not listening to ${ctx.event.type}`,
      );
      check(op.targetType === n.target.type, 'notify target type differs from its notification');
    } else {
      checkChange(op, ctx);
      if (ctx.event !== undefined) {
        check(
          'accountId' in ctx.event && ctx.event.accountId === op.accountId,
          `${op.type} for ${op.accountId}, not the event's account`,
        );
      }
    }
  }
  checkScpLimit(plan, ctx);
  for (const skip of plan.skipped) {
    check(SKIP_REASONS.has(skip.reason), `unknown skip reason ${skip.reason}`);
    const rules = [...ctx.config.scpRules, ...ctx.config.assignmentRules];
    check(
      skip.ruleId === null || rules.some((r) => r.id === skip.ruleId),
      `skip for unknown rule ${skip.ruleId}`,
    );
  }
}

/** The plan without its notifications (what applying a plan must make empty). */
export function changesOf(plan: Plan): Operation[] {
  return plan.operations.filter((op) => op.type !== 'notify');
}
