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

/** The item a detach/delete operation removes, as it is in the snapshot. */
function removedItem(snapshot: OrgSnapshot, op: Plan['operations'][number]) {
  if (op.type === 'detachScp')
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
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const plans: Array<[OrgSnapshot, Plan]> = [
          [org, planReconcile(org, config)],
          [applyEvent(org, event), planForEvent(org, config, event)],
        ];
        for (const [snapshot, plan] of plans) {
          for (const op of plan.operations.filter(
            (o) => o.type === 'detachScp' || o.type === 'deleteAssignment',
          )) {
            const item = removedItem(snapshot, op);
            expect(item?.managedBy?.length ?? 0).toBeGreaterThan(0);
            if (op.type === 'detachScp') expect(op.policyId).not.toBe('p-FullAWSAccess');
          }
        }
      }),
      RUNS,
    );
  });

  it("never touches the management account's SCPs, nor its assignments unless included", () => {
    const scpOps = new Set(['attachScp', 'detachScp']);
    const assignmentOps = new Set(['createAssignment', 'deleteAssignment']);
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        for (const plan of [planReconcile(org, config), planForEvent(org, config, event)]) {
          const onManagement = plan.operations.filter(
            (op) => op.accountId === org.managementAccountId,
          );
          expect(onManagement.filter((op) => scpOps.has(op.type))).toStrictEqual([]);
          if (!config.settings.includeManagementAccount)
            expect(onManagement.filter((op) => assignmentOps.has(op.type))).toStrictEqual([]);
        }
      }),
      RUNS,
    );
  });

  it("an event plan only touches the event's account", () => {
    fc.assert(
      fc.property(arbScenario, ({ org, config, event }) => {
        const plan = planForEvent(org, config, event);
        const accountId = 'accountId' in event ? event.accountId : null;
        for (const op of plan.operations)
          if (accountId !== null) expect(op.accountId).toBe(accountId);
        for (const skip of plan.skipped) expect(skip.accountId).toBe(accountId);
      }),
      RUNS,
    );
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
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const plan = planReconcile(org, config);
        for (const account of org.accounts.filter((a) => a.status !== 'ACTIVE')) {
          expect(plan.operations.filter((op) => op.accountId === account.id)).toStrictEqual([]);
          expect(plan.skipped.filter((s) => s.accountId === account.id)).toStrictEqual([
            {
              accountId: account.id,
              ruleId: null,
              reason: 'AccountNotActive',
              detail: `status ${account.status}`,
            },
          ]);
        }
      }),
      RUNS,
    );
  });

  it('never takes an account over maxScpsPerTarget (nor further over, if it already was)', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const after = applyPlan(org, planReconcile(org, config));
        for (const account of org.accounts) {
          const before = org.attachments.filter((a) => a.targetId === account.id).length;
          const now = after.attachments.filter((a) => a.targetId === account.id).length;
          expect(now).toBeLessThanOrEqual(Math.max(before, config.settings.maxScpsPerTarget));
        }
      }),
      RUNS,
    );
  });

  it('the rule index finds exactly the rules that match', () => {
    fc.assert(
      fc.property(arbOrg, arbConfig, (org, config) => {
        const index = OrgIndex.of(org);
        const rules = RuleIndex.of(config.scpRules);
        for (const account of org.accounts) {
          const brute = config.scpRules.filter(
            (r) => matchScope(account, r.scope, r.exclude, index).match,
          );
          expect(rules.matching(account, index).map((m) => m.rule)).toStrictEqual(brute);
        }
      }),
      RUNS,
    );
  });
});
