import {
  ScopeEngineError,
  applyEvent,
  applyPlan,
  parseGovernanceConfig,
  parseOrgSnapshot,
  planForEvent,
  planReconcile,
  type GovernanceConfig,
  type Plan,
} from '@org/scope-engine';
import * as fc from 'fast-check';
import { domainEvent } from '../arbitraries/domain-events';
import { governanceConfigDocument } from '../arbitraries/org-rules';
import { orgSnapshotDocument } from '../arbitraries/org-world';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { check } from '../support/parse-invariants';
import { changesOf, checkPlan } from '../support/plan-invariants';

reportFuzzRuns();

/** Runs `plan`, allowing only the engine's typed errors; returns `undefined` when one was thrown. */
function typedOrPlan(plan: () => Plan): Plan | undefined {
  try {
    return plan();
  } catch (error) {
    check(error instanceof ScopeEngineError, `planning threw ${String(error)}`);
    return undefined;
  }
}

const world = fc.record({ org: orgSnapshotDocument, config: governanceConfigDocument });

/** Ids of the rules of `config` with an `accountTag` scope. */
const tagRuleIds = (config: GovernanceConfig) =>
  [...config.scpRules, ...config.assignmentRules]
    .filter((r) => r.scope.type === 'accountTag')
    .map((r) => r.id);

describe('the planner on random organizations, rules and events', () => {
  it('reconcile plans are valid, deterministic and converge after one application', () => {
    let operations = 0;
    let managedOnManagement = 0;
    const trust = { untrustedSkips: 0, trustedTagGrants: 0 };
    runFuzz(
      'planReconcile',
      fc.property(world, ({ org, config: doc }) => {
        const snapshot = parseOrgSnapshot(org, 'generated org');
        const config = parseGovernanceConfig(doc, 'generated config');
        const plan = planReconcile(snapshot, config);
        operations += plan.operations.length;
        managedOnManagement += snapshot.attachments.filter(
          (a) => a.targetId === snapshot.managementAccountId && (a.managedBy?.length ?? 0) > 0,
        ).length;
        checkPlan(plan, { after: snapshot, config });
        trust.untrustedSkips += plan.skipped.filter((s) => s.reason === 'UntrustedTag').length;
        if ((config.settings.trustedTagPrincipals ?? []).length > 0)
          trust.trustedTagGrants += plan.operations.filter((op) =>
            tagRuleIds(config).some((id) => 'ruleIds' in op && op.ruleIds.includes(id)),
          ).length;
        expect(planReconcile(snapshot, config)).toStrictEqual(plan);
        expect(planReconcile(applyPlan(snapshot, plan), config).operations).toStrictEqual([]);
      }),
    );
    // The worlds include managed attachments on the management account, which must stay.
    // …and rules that trust only some taggers, both skipped and granting.
    expect({
      operations: operations > 300,
      managedOnManagement: managedOnManagement > 0,
      untrustedSkips: trust.untrustedSkips > 0,
      trustedTagGrants: trust.trustedTagGrants > 0,
    }).toStrictEqual({
      operations: true,
      managedOnManagement: true,
      untrustedSkips: true,
      trustedTagGrants: true,
    });
  });

  it('event plans are valid, only throw typed errors, and do not depend on when the snapshot was taken', () => {
    const kinds = { planned: 0, typedError: 0, withChanges: 0, partial: 0 };
    runFuzz(
      'planForEvent',
      fc.property(world, domainEvent, ({ org, config: doc }, event) => {
        const snapshot = parseOrgSnapshot(org, 'generated org');
        const config = parseGovernanceConfig(doc, 'generated config');
        const plan = typedOrPlan(() => planForEvent(snapshot, config, event));
        if (plan === undefined) {
          kinds.typedError++;
          return;
        }
        kinds.planned++;
        if (changesOf(plan).length > 0) kinds.withChanges++;
        if (plan.skipped.some((s) => s.reason === 'NotInSnapshot')) kinds.partial++;
        const after = applyEvent(snapshot, event);
        const named = 'accountId' in event ? event.accountId : null;
        const unknown = named !== null && !after.accounts.some((a) => a.id === named);
        checkPlan(plan, { after, config, event, ...(unknown && { partial: new Set([named]) }) });
        expect(planForEvent(after, config, event)).toStrictEqual(plan);
        expect(changesOf(planForEvent(applyPlan(after, plan), config, event))).toStrictEqual([]);
      }),
    );
    // An event naming an OU or account the snapshot lacks is planned with what is known.
    expect([kinds.typedError, kinds.partial > 0]).toStrictEqual([0, true]);
    expect(kinds.withChanges).toBeGreaterThan(25);
  });
});
