import {
  applyPlan,
  compareStrings,
  groupBy,
  OrgIndex,
  Planner,
  type Account,
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  type Plan,
  type PolicyType,
  type Skip,
} from '@org/scope-engine';
import { buildAccessMatrix, type AccessMatrix } from './access/access-matrix';

/** The state of one policy or assignment in the report. */
export type ItemState =
  'attached' | 'to attach' | 'to detach' | 'inherited' | 'assigned' | 'to create' | 'to delete';

/** One policy (of any type) of an account. */
export interface ScpRow {
  readonly policyId: string;
  readonly policyName: string;
  readonly policyType: PolicyType;
  /** Rule ids that justify it (desired state), or the `managedBy` of an item no rule justifies. */
  readonly ruleIds: readonly string[];
  readonly state: ItemState;
  /** `false` for items the product did not create (never removed). */
  readonly managed: boolean;
  /** For inherited policies: the OU or root it is attached to. */
  readonly from?: string;
}

/** One account assignment of an account. */
export interface AssignmentRow {
  readonly permissionSet: string;
  readonly principal: string;
  readonly ruleIds: readonly string[];
  readonly state: ItemState;
  readonly managed: boolean;
}

/** An account in the report. */
export interface AccountView {
  readonly account: Account;
  readonly scps: readonly ScpRow[];
  readonly assignments: readonly AssignmentRow[];
  readonly skipped: readonly Skip[];
  readonly pending: number;
}

/** An OU (or the root) and what is under it. */
export interface TreeNode {
  readonly id: string;
  readonly name: string;
  readonly children: readonly TreeNode[];
  readonly accounts: readonly AccountView[];
}

/** Everything the HTML report shows. */
export interface ReportModel {
  readonly root: TreeNode;
  readonly plan: Plan;
  readonly accountCount: number;
  /** Who can reach which account once the plan is applied (the access view and its exports). */
  readonly access: AccessMatrix;
}

/**
 * Computes the report: the reconcile plan, and for every account its effective policies of every
 * type (direct and inherited) and assignments once the plan is applied, with the rule ids behind each, and its
 * skipped rules; and the access matrix of the desired state.
 */
export function buildReportModel(snapshot: OrgSnapshot, config: GovernanceConfig): ReportModel {
  const planner = Planner.create(snapshot, config);
  const plan = planner.planReconcile();
  const after = applyPlan(snapshot, plan);
  const context: ViewContext = {
    planner,
    after: OrgIndex.of(after),
    operations: groupBy(plan.operations, (op) => op.accountId),
    skipped: groupBy(plan.skipped, (s) => s.accountId),
  };
  const views = new Map(snapshot.accounts.map((a) => [a.id, accountView(a, context)]));
  const node = (id: string, name: string, seen: Set<string>): TreeNode => {
    seen.add(id);
    return {
      id,
      name,
      children: planner.index
        .childOus(id)
        .filter((o) => !seen.has(o.id))
        .sort((a, b) => compareStrings(a.name, b.name))
        .map((o) => node(o.id, o.name, seen)),
      accounts: [...planner.index.accountsUnder(id)]
        .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id))
        .map((a) => views.get(a.id) as AccountView),
    };
  };
  return {
    root: node(snapshot.rootId, 'Root', new Set()),
    plan,
    accountCount: snapshot.accounts.length,
    access: buildAccessMatrix(planner),
  };
}

interface ViewContext {
  readonly planner: Planner;
  /** The snapshot once the plan is applied. */
  readonly after: OrgIndex;
  readonly operations: ReadonlyMap<string, readonly Operation[]>;
  readonly skipped: ReadonlyMap<string, readonly Skip[]>;
}

function accountView(account: Account, ctx: ViewContext): AccountView {
  const { index, refs } = ctx.planner;
  const desired = ctx.planner.desiredState(account);
  const ops = ctx.operations.get(account.id) ?? [];
  const policyName = (id: string) => refs.policyName(id) ?? id;
  const policyType = (id: string) => refs.policyType(id) ?? 'SERVICE_CONTROL_POLICY';
  const desiredRules = new Map(desired.attachments.map((a) => [a.policyId, a.ruleIds]));

  const scps: ScpRow[] = [];
  for (const a of index.attachmentsOf(account.id)) {
    const detached = ops.some((op) => op.type === 'detachPolicy' && op.policyId === a.policyId);
    const managed = (a.managedBy?.length ?? 0) > 0;
    const ruleIds = desiredRules.get(a.policyId) ?? a.managedBy ?? [];
    scps.push({
      policyId: a.policyId,
      policyName: policyName(a.policyId),
      policyType: policyType(a.policyId),
      ruleIds,
      state: detached ? 'to detach' : 'attached',
      managed,
    });
  }
  for (const op of ops) {
    if (op.type === 'attachPolicy') {
      scps.push({
        policyId: op.policyId,
        policyName: policyName(op.policyId),
        policyType: op.policyType,
        ruleIds: op.ruleIds,
        state: 'to attach',
        managed: true,
      });
    }
  }
  for (const ouId of [...index.ancestorsOf(account.parentId), index.rootId]) {
    for (const a of ctx.after.attachmentsOf(ouId)) {
      const from = ouId === index.rootId ? 'Root' : `${index.ou(ouId)?.name ?? ouId} (${ouId})`;
      scps.push({
        policyId: a.policyId,
        policyName: policyName(a.policyId),
        policyType: policyType(a.policyId),
        ruleIds: [],
        state: 'inherited',
        managed: false,
        from,
      });
    }
  }

  const desiredAssignments = new Map(
    desired.assignments.map((a) => [
      `${a.permissionSetArn} ${a.principalType} ${a.principalId}`,
      a.ruleIds,
    ]),
  );
  const principal = (type: string, id: string) =>
    `${type} ${refs.principalName(type === 'USER' ? 'USER' : 'GROUP', id) ?? id}`;
  const assignments: AssignmentRow[] = [];
  for (const a of index.assignmentsOf(account.id)) {
    const key = `${a.permissionSetArn} ${a.principalType} ${a.principalId}`;
    const deleted = ops.some(
      (op) =>
        op.type === 'deleteAssignment' &&
        `${op.permissionSetArn} ${op.principalType} ${op.principalId}` === key,
    );
    assignments.push({
      permissionSet: refs.permissionSetName(a.permissionSetArn) ?? a.permissionSetArn,
      principal: principal(a.principalType, a.principalId),
      ruleIds: desiredAssignments.get(key) ?? a.managedBy ?? [],
      state: deleted ? 'to delete' : 'assigned',
      managed: (a.managedBy?.length ?? 0) > 0,
    });
  }
  for (const op of ops) {
    if (op.type === 'createAssignment') {
      assignments.push({
        permissionSet: refs.permissionSetName(op.permissionSetArn) ?? op.permissionSetArn,
        principal: principal(op.principalType, op.principalId),
        ruleIds: op.ruleIds,
        state: 'to create',
        managed: true,
      });
    }
  }
  return {
    account,
    scps,
    assignments,
    skipped: ctx.skipped.get(account.id) ?? [],
    pending: ops.length,
  };
}
