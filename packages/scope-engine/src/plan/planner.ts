import type { ChangeEvent, DomainEvent, GovernanceParseOutcome } from '@org/event-schemas';
import { computeDesiredStateContext } from '../desired/desired-state-context';
import {
  desiredStateOf,
  keyedDesiredStateOf,
  type DesiredStateContext,
} from '../desired/compute-desired-state';
import type { AccountDesiredState } from '../desired/desired-state';
import { eventEffect, type EventEffect, type EventLookup } from '../events/event-effect';
import type { GovernanceConfig } from '../model/governance-config';
import type { Account, Assignment, OrgSnapshot } from '../model/org-snapshot';
import type { Operation, Plan, Skip } from '../model/plan';
import { References } from '../resolve/references';
import { compileRules, type CompiledRules } from '../resolve/compiled-rules';
import { policySlotLimit, SERVICE_CONTROL_POLICY, type PolicyType } from '../policy/policy-types';
import { OrgIndex } from '../snapshot/org-index';
import { compareStrings } from './compare';
import { diffAccount, type AccountDiff } from './diff-account';
import { ouNamesOf, type OuNames } from './notifications';
import { withUnknownPart, type UnknownPart } from './partial-knowledge';
import { planIgnoredOutcome, planKnownEvent } from './plan-known-event';
import { compareOperations, compareSkips } from './sort-plan';
import { isChangeEvent, planChangeEvent } from '../changes/plan-change-event';
import { tagLedgerChangeOf } from '../trust/ledger-change';

/**
 * Plans against one snapshot and one configuration. Building it indexes the snapshot and resolves
 * every rule once; after that, planning one event costs a few lookups (no scan of every account or
 * every rule), and a reconcile plan costs one pass over the accounts.
 *
 * @example
 * ```ts
 * const planner = Planner.create(snapshot, config);
 * const plan = planner.planForEvent(event);       // one account
 * const drift = planner.planReconcile();          // every account
 * ```
 */
export class Planner {
  private readonly ctx: DesiredStateContext;
  private readonly lookup: EventLookup;
  private readonly isDefaultPolicy: (policyId: string) => boolean;
  private readonly policyType: (policyId: string) => PolicyType;
  private readonly slotLimit: (type: PolicyType) => number;
  private compiled?: CompiledRules;

  private constructor(
    /** The snapshot plans are computed against. */
    readonly snapshot: OrgSnapshot,
    /** The validated configuration. */
    readonly config: GovernanceConfig,
    /** Lookups over `snapshot`. */
    readonly index: OrgIndex,
    /** Names of policies, permission sets and principals in `snapshot`. */
    readonly refs: References,
  ) {
    this.ctx = computeDesiredStateContext(snapshot, config, index, refs);
    this.isDefaultPolicy = (policyId) => refs.isDefaultPolicy(policyId);
    this.policyType = (policyId) => refs.policyType(policyId) ?? SERVICE_CONTROL_POLICY;
    this.slotLimit = (type) => policySlotLimit(type, config.settings);
    this.lookup = {
      rootId: snapshot.rootId,
      account: (id) => index.account(id),
      isParent: (id) => index.isParent(id),
    };
  }

  /** Indexes `snapshot` and resolves the rules of `config` against it. */
  static create(snapshot: OrgSnapshot, config: GovernanceConfig): Planner {
    const index = OrgIndex.of(snapshot);
    return new Planner(snapshot, config, index, References.of(snapshot));
  }

  /** What the rules ask for `account` (which may differ from the snapshot's copy, e.g. after an event). */
  desiredState(account: Account): AccountDesiredState {
    return desiredStateOf(account, this.ctx);
  }

  /**
   * Operations and skips for one account, sorted. With `unknown` (part of the account is not in
   * the snapshot), the rules depending on that part are skipped `NotInSnapshot` and what they
   * could grant is neither granted nor removed.
   */
  planAccount(account: Account, unknown?: UnknownPart): AccountDiff {
    return this.planAccountIn(account, unknown, this.ctx);
  }

  /** {@link planAccount} with `ctx` (this planner's, or one over the tag ledger after an event). */
  private planAccountIn(
    account: Account,
    unknown: UnknownPart | undefined,
    ctx: DesiredStateContext,
  ): AccountDiff {
    const diff = this.diffAccountIn(account, ctx);
    if (unknown === undefined) return diff;
    this.compiled ??= compileRules(this.config, this.refs);
    const partial = withUnknownPart(diff, account, unknown, this.compiled);
    return {
      operations: [...partial.operations].sort(compareOperations),
      skipped: [...partial.skipped].sort(compareSkips),
    };
  }

  private diffAccountIn(account: Account, ctx: DesiredStateContext): AccountDiff {
    const desired = keyedDesiredStateOf(account, ctx);
    // Current items in plan order, so the operations come out (almost) sorted.
    const current = {
      attachments: [...this.index.attachmentsOf(account.id)].sort((a, b) =>
        compareStrings(a.policyId, b.policyId),
      ),
      assignments: [...this.index.assignmentsOf(account.id)].sort(compareAssignments),
      slotLimit: this.slotLimit,
      policyType: this.policyType,
      isDefaultPolicy: this.isDefaultPolicy,
    };
    const rankOf = ctx.assignmentRankOf;
    const diff = diffAccount(desired.state, current, {
      desired: desired.assignmentRanks,
      of: (a) => rankOf(a.permissionSetArn, a.principalType, a.principalId) ?? -1,
    });
    return {
      operations: diff.operations.sort(compareOperations),
      skipped: diff.skipped.sort(compareSkips),
    };
  }

  /** The reconcile plan: the diff of every account, in account-id order. */
  planReconcile(): Plan {
    const operations: Operation[] = [];
    const skipped: Skip[] = [];
    const accounts = [...this.snapshot.accounts].sort((a, b) => compareStrings(a.id, b.id));
    for (const account of accounts) {
      const diff = this.planAccount(account);
      operations.push(...diff.operations);
      skipped.push(...diff.skipped);
    }
    return { event: null, operations, skipped, ignored: null };
  }

  /**
   * The plan for one event: the event is applied to the snapshot first (so a snapshot
   * taken before or after the event gives the same plan), then the diff is computed for the
   * event's account only, plus the notifications that listen to the event. With tag trust on, a
   * `TagResource` / `UntagResource` call is applied to the tag ledger too: its caller is who set
   * the keys it sets.
   */
  planForEvent(event: DomainEvent | ChangeEvent): Plan {
    if (isChangeEvent(event))
      return planChangeEvent(event, this.snapshot, this.config, (after) =>
        after === this.snapshot ? this : Planner.create(after, this.config),
      );
    const known = eventEffect(event, this.lookup);
    const change = known.kind === 'account' ? tagLedgerChangeOf(event) : null;
    const trust = this.ctx.tagTrust;
    const ctx =
      change === null || !trust ? this.ctx : { ...this.ctx, tagTrust: trust.with(change) };
    return this.planKnownIn(event, known, ctx);
  }

  /**
   * The plan for one event given what is known of its account after it: {@link planKnownEvent}
   * with this planner's rules, OU names and account diff.
   */
  planKnown(event: DomainEvent, known: EventEffect): Plan {
    return this.planKnownIn(event, known, this.ctx);
  }

  private planKnownIn(event: DomainEvent, known: EventEffect, ctx: DesiredStateContext): Plan {
    return planKnownEvent(event, known, {
      config: this.config,
      ouNames: this.ouNames(),
      planAccount: (account, unknown) => this.planAccountIn(account, unknown, ctx),
    });
  }

  /**
   * The plan for a parser outcome: an event (a domain event, or a change event of
   * `parseGovernanceEvent`) is planned; an ignored event becomes a plan with no operations and
   * `ignored` set to the parser's reason.
   */
  planForOutcome(outcome: Exclude<GovernanceParseOutcome, { kind: 'error' }>): Plan {
    if (outcome.kind === 'event' || outcome.kind === 'change')
      return this.planForEvent(outcome.event);
    return planIgnoredOutcome(outcome);
  }

  private ouNames(): OuNames {
    return ouNamesOf(this.snapshot.rootId, (id) => this.index.ou(id));
  }
}

function compareAssignments(a: Assignment, b: Assignment): number {
  return (
    compareStrings(a.permissionSetArn, b.permissionSetArn) ||
    compareStrings(a.principalType, b.principalType) ||
    compareStrings(a.principalId, b.principalId)
  );
}
