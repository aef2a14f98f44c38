import { describeEvent, displayText, type DomainEvent } from '@org/event-schemas';
import {
  OPERATION_TYPE_ORDER,
  policyTypeLabel,
  type OrgSnapshot,
  type Operation,
  type Plan,
  type PolicyOperation,
  type Skip,
} from '@org/scope-engine';
import type { Colors } from '../io/colors';
import { truncate, writeTable, type Cell } from './table';

/** The longest header line shown, in code points (longer ones end with `…`). */
const LINE_MAX = 1000;

/** What the table needs besides the plan: names to show and the event, if any. */
export interface PlanTableContext {
  readonly snapshot: OrgSnapshot;
  readonly event?: DomainEvent;
  readonly colors: Colors;
}

/**
 * The plan as a readable text report: a header, the operations table, the skipped table and a
 * one-line summary. Names (policy, permission set, principal, account) are shown next to ids.
 *
 * @example
 * ```ts
 * io.stdout.write(renderPlanTable(plan, { snapshot, colors }));
 * ```
 */
export function renderPlanTable(plan: Plan, ctx: PlanTableContext): string {
  const out: string[] = [];
  writePlanTable(plan, ctx, (chunk) => out.push(chunk));
  return out.join('');
}

/**
 * {@link renderPlanTable} written in chunks to `write`: the tables stream row by row, so the plan
 * of an organization of any size is shown without building one string of it.
 *
 * @example
 * ```ts
 * writePlanTable(plan, { snapshot, colors }, (chunk) => io.stdout.write(chunk));
 * ```
 */
export function writePlanTable(
  plan: Plan,
  ctx: PlanTableContext,
  write: (chunk: string) => void,
): void {
  const c = ctx.colors;
  const names = nameLookups(ctx.snapshot, ctx.event);
  write(`${c.bold(displayText(header(plan, ctx), LINE_MAX))}\n\n`);
  if (plan.ignored !== null) {
    write(`${c.yellow('Ignored')}: ${displayText(plan.ignored)} (no operations)\n`);
    return;
  }
  const { operations, skipped } = plan;
  if (operations.length > 0) {
    write(`${c.bold(`Operations (${operations.length})`)}\n`);
    const row = (i: number) => operationRow(operations[i] as Operation, names, c);
    writeTable(['ACCOUNT', 'OPERATION', 'TARGET', 'RULES'], operations.length, row, write, c.dim);
  }
  if (skipped.length > 0) {
    write(`${operations.length > 0 ? '\n' : ''}${c.bold(`Skipped (${skipped.length})`)}\n`);
    const row = (i: number) => skipRow(skipped[i] as Skip, names, c);
    writeTable(['ACCOUNT', 'RULE', 'REASON', 'DETAIL'], skipped.length, row, write, c.dim);
  }
  write(`${operations.length > 0 || skipped.length > 0 ? '\n' : ''}${summary(plan)}\n`);
}

function header(plan: Plan, ctx: PlanTableContext): string {
  if (ctx.event) return `Plan for ${describeEvent(ctx.event)}`;
  if (plan.event) return `Plan for ${plan.event.type}`;
  return `Reconcile plan for ${ctx.snapshot.accounts.length} accounts`;
}

function summary(plan: Plan): string {
  const parts = OPERATION_TYPE_ORDER.flatMap((type) => {
    const n = plan.operations.filter((op) => op.type === type).length;
    return n === 0 ? [] : [`${n} ${type}`];
  });
  const ops =
    plan.operations.length === 0
      ? 'No changes'
      : `${plan.operations.length} operations (${parts.join(', ')})`;
  return `${ops}, ${plan.skipped.length} skipped.`;
}

interface Names {
  account(id: string): string;
  policy(id: string): string;
  permissionSet(arn: string): string;
  principal(type: string, id: string): string;
}

function nameLookups(snapshot: OrgSnapshot, event: DomainEvent | undefined): Names {
  const accounts = new Map(snapshot.accounts.map((a) => [a.id, a.name]));
  // An account the event adds is not in the snapshot yet: name it from the event.
  if (
    event &&
    'accountId' in event &&
    event.accountId !== null &&
    'accountName' in event &&
    event.accountName !== null
  ) {
    if (!accounts.has(event.accountId)) accounts.set(event.accountId, event.accountName);
  }
  const policies = new Map(snapshot.policies.map((p) => [p.id, p.name]));
  const sets = new Map(snapshot.permissionSets.map((p) => [p.arn, p.name]));
  const principals = new Map(snapshot.principals.map((p) => [`${p.type} ${p.id}`, p.name]));
  const withName = (id: string, name: string | undefined) =>
    name === undefined ? id : `${id} (${name})`;
  return {
    account: (id) => withName(id, accounts.get(id)),
    policy: (id) => withName(id, policies.get(id)),
    permissionSet: (arn) => sets.get(arn) ?? arn,
    principal: (type, id) => `${type} ${principals.get(`${type} ${id}`) ?? id}`,
  };
}

/** A policy operation's target: the policy, and its type unless it is an SCP (`[RCP]`, `[TAG_POLICY]`). */
function policyTarget(op: PolicyOperation, names: Names): string {
  const policy = names.policy(op.policyId);
  return op.policyType === 'SERVICE_CONTROL_POLICY'
    ? policy
    : `${policy} [${policyTypeLabel(op.policyType)}]`;
}

function operationRow(op: Operation, names: Names, c: Colors): Cell[] {
  const style =
    op.type === 'attachPolicy' || op.type === 'createAssignment'
      ? c.green
      : op.type === 'notify'
        ? c.cyan
        : c.red;
  const account = { text: names.account(op.accountId) };
  const type = { text: op.type, style };
  switch (op.type) {
    case 'attachPolicy':
    case 'detachPolicy':
      return [account, type, { text: policyTarget(op, names) }, { text: op.ruleIds.join(', ') }];
    case 'createAssignment':
    case 'deleteAssignment':
      return [
        account,
        type,
        {
          text: `${names.permissionSet(op.permissionSetArn)} -> ${names.principal(op.principalType, op.principalId)}`,
        },
        { text: op.ruleIds.join(', ') },
      ];
    case 'notify':
      return [
        account,
        type,
        { text: `${op.notificationId} (${op.targetType}): ${truncate(op.subject, 70)}` },
        { text: '' },
      ];
  }
}

function skipRow(skip: Skip, names: Names, c: Colors): Cell[] {
  return [
    { text: names.account(skip.accountId) },
    { text: skip.ruleId ?? '-' },
    { text: skip.reason, style: c.yellow },
    { text: skip.detail },
  ];
}
