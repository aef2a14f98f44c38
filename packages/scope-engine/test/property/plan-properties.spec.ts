import fc from 'fast-check';
import {
  applyEvent,
  applyPlan,
  matchScope,
  OrgIndex,
  planForEvent,
  planReconcile,
  RuleIndex,
  type OrgSnapshot,
  type Plan,
} from '../../src';
import { arbConfig, arbOrg, arbScenario } from './generators';

const RUNS = { numRuns: 300 };
/*
 * How much each guarded property must have exercised over its runs, so that "no violation"
 * is not vacuous (typical figures over 300 runs in brackets; the minimums leave room for
 * the seed).
 */
/** Detach/delete operations checked [~900]. */
const MIN_REMOVALS = 300;
/** Runs whose config excludes the management account [~150]. */
const MIN_SCENARIOS = 50;
/** Assignments planned on the management account when it is included [~65]. */
const MIN_MANAGEMENT_ASSIGNMENTS = 10;
/** Operations and skips of event plans checked [~400]. */
const MIN_TOUCHED = 150;
/** Inactive accounts checked [~450]. */
const MIN_INACTIVE = 150;

/** The item a detach/delete operation removes, as it is in the snapshot. */
function removedItem(snapshot: OrgSnapshot, op: Plan['operations'][number]) {
  if (op.type === 'detachPolicy')
    return snapshot.attachments.find(
      (a) => a.targetId === op.accountId && a.policyId === op.policyId,
    );
  if (op.type === 'deleteAssignment') {
    return snapshot.assignments.find(
      (a) =>
        a.accountId === op.accountId &&
        a.permissionSetArn === op.permissionSetArn &&
        a.principalType === op.principalType &&
        a.principalId === op.principalId,
    );
  }
  return undefined;
}

function reversed(snapshot: OrgSnapshot): OrgSnapshot {
  return {
    ...snapshot,
    organizationalUnits: [...snapshot.organizationalUnits].reverse(),
    accounts: [...snapshot.accounts].reverse(),
    attachments: [...snapshot.attachments].reverse(),
    assignments: [...snapshot.assignments].reverse(),
  };
}

describe('plan properties (fast-check)', () => {
  it('is deterministic: same inputs, same plan — whatever the order of the snapshot lists', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const plan = planReconcile(org, config);
        expect(planReconcile(org, config)).toStrictEqual(plan);
        expect(planReconcile(reversed(org), config)).toStrictEqual(plan);
      }),
      RUNS,
    );
  });

  it('applying a reconcile plan and re-planning gives an empty plan (same skips)', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const plan = planReconcile(org, config);
        const again = planReconcile(applyPlan(org, plan), config);
        expect(again).toStrictEqual({ ...plan, operations: [] });
      }),
      RUNS,
    );
  });

  it('applying an event plan and re-planning the event leaves only its notifications', () => {
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const plan = planForEvent(org, config, event);
        const after = applyPlan(applyEvent(org, event), plan);
        const again = planForEvent(after, config, event);
        expect(again.operations.filter((op) => op.type !== 'notify')).toStrictEqual([]);
        expect(again.operations).toStrictEqual(
          plan.operations.filter((op) => op.type === 'notify'),
        );
      }),
      RUNS,
    );
  });

  it('never deletes or detaches an unmanaged item, nor FullAWSAccess', () => {
    let removals = 0;
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const plans: Array<[OrgSnapshot, Plan]> = [
          [org, planReconcile(org, config)],
          [applyEvent(org, event), planForEvent(org, config, event)],
        ];
        const removed = plans.flatMap(([snapshot, plan]) =>
          plan.operations
            .filter((op) => op.type === 'detachPolicy' || op.type === 'deleteAssignment')
            .map((op) => ({ op, managers: removedItem(snapshot, op)?.managedBy?.length ?? 0 })),
        );
        removals += removed.length;
        expect({
          unmanaged: removed.filter(({ managers }) => managers === 0),
          fullAccess: removed.filter(
            ({ op }) => op.type === 'detachPolicy' && op.policyId === 'p-FullAWSAccess',
          ),
        }).toStrictEqual({ unmanaged: [], fullAccess: [] });
      }),
      RUNS,
    );
    expect(removals).toBeGreaterThanOrEqual(MIN_REMOVALS);
  });

  it("never touches the management account's SCPs, nor its assignments unless included", () => {
    const scpOps = new Set(['attachPolicy', 'detachPolicy']);
    const assignmentOps = new Set(['createAssignment', 'deleteAssignment']);
    let excluded = 0;
    let includedAssignments = 0;
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const { includeManagementAccount } = config.settings;
        excluded += includeManagementAccount ? 0 : 1;
        const onManagement = [planReconcile(org, config), planForEvent(org, config, event)]
          .flatMap((plan) => plan.operations)
          .filter((op) => op.accountId === org.managementAccountId);
        const assignments = onManagement.filter((op) => assignmentOps.has(op.type));
        includedAssignments += includeManagementAccount ? assignments.length : 0;
        expect({
          scps: onManagement.filter((op) => scpOps.has(op.type)),
          assignmentsWhenExcluded: includeManagementAccount ? [] : assignments,
        }).toStrictEqual({ scps: [], assignmentsWhenExcluded: [] });
      }),
      RUNS,
    );
    // Both sides were exercised: runs that exclude it, and assignments planned when included.
    expect({
      excluded: excluded >= MIN_SCENARIOS,
      includedAssignments: includedAssignments >= MIN_MANAGEMENT_ASSIGNMENTS,
    }).toStrictEqual({ excluded: true, includedAssignments: true });
  });

  it("an event plan only touches the event's account", () => {
    let touched = 0;
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const plan = planForEvent(org, config, event);
        const accountId = 'accountId' in event ? event.accountId : null;
        // An event without an account (a failed creation) may only notify, about no account.
        touched += plan.operations.length + plan.skipped.length;
        expect({
          operations: plan.operations.filter(
            (op) => accountId !== null && op.accountId !== accountId,
          ),
          skipped: plan.skipped.filter((skip) => skip.accountId !== accountId),
        }).toStrictEqual({ operations: [], skipped: [] });
      }),
      RUNS,
    );
    expect(touched).toBeGreaterThanOrEqual(MIN_TOUCHED);
  });

  it('a snapshot taken before or after the event gives the same plan', () => {
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        expect(planForEvent(applyEvent(org, event), config, event)).toStrictEqual(
          planForEvent(org, config, event),
        );
      }),
      RUNS,
    );
  });

  it('inactive accounts get no operations, and exactly one AccountNotActive skip', () => {
    let inactiveSeen = 0;
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const plan = planReconcile(org, config);
        const inactive = org.accounts.filter((a) => a.status !== 'ACTIVE');
        inactiveSeen += inactive.length;
        expect(
          inactive.map((account) => ({
            operations: plan.operations.filter((op) => op.accountId === account.id),
            skipped: plan.skipped.filter((s) => s.accountId === account.id),
          })),
        ).toStrictEqual(
          inactive.map((account) => ({
            operations: [],
            skipped: [
              {
                accountId: account.id,
                ruleId: null,
                reason: 'AccountNotActive',
                detail: `status ${account.status}`,
              },
            ],
          })),
        );
      }),
      RUNS,
    );
    expect(inactiveSeen).toBeGreaterThanOrEqual(MIN_INACTIVE);
  });

  it('never takes an account over maxScpsPerTarget (nor further over, if it already was)', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const after = applyPlan(org, planReconcile(org, config));
        const count = (snapshot: OrgSnapshot, accountId: string) =>
          snapshot.attachments.filter((a) => a.targetId === accountId).length;
        const overLimit = org.accounts
          .map(({ id }) => ({ id, before: count(org, id), now: count(after, id) }))
          .filter(({ before, now }) => now > Math.max(before, config.settings.maxScpsPerTarget));
        expect(overLimit).toStrictEqual([]);
      }),
      RUNS,
    );
  });

  it('the rule index finds exactly the rules that match', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const index = OrgIndex.of(org);
        const rules = RuleIndex.of(config.scpRules);
        expect(
          org.accounts.map((account) => rules.matching(account, index).map((m) => m.rule)),
        ).toStrictEqual(
          org.accounts.map((account) =>
            config.scpRules.filter((r) => matchScope(account, r.scope, r.exclude, index).match),
          ),
        );
      }),
      RUNS,
    );
  });
});
