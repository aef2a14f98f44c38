import {
  CHANGE_EVENT_TYPES,
  describeChange,
  parseGovernanceEvent,
  type GovernanceParseOutcome,
} from '@org/event-schemas';
import {
  applyChange,
  Planner,
  parseGovernanceConfig,
  parseOrgSnapshot,
  type Plan,
} from '@org/scope-engine';
import * as fc from 'fast-check';
import { mutatedEvent } from '../arbitraries/event-mutations';
import { applyMutations } from '../arbitraries/mutations';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { check, checkOutcome, rawControlIn } from '../support/parse-invariants';
import { checkPlan } from '../support/plan-invariants';
import { readWorkspaceFile, sampleEvents } from '../support/workspace';

reportFuzzRuns();

const WORKER_ROLE = 'arn:aws:iam::111111111111:role/org-governance-worker';
const snapshot = parseOrgSnapshot(readWorkspaceFile('examples', 'org.yaml'), 'examples/org.yaml');
const config = parseGovernanceConfig(
  readWorkspaceFile('examples', 'governance.yaml'),
  'examples/governance.yaml',
);
const planner = Planner.create(snapshot, config);

/** The real samples of changes made by hand and of new directory objects. */
const samples = sampleEvents().filter(
  ({ raw }) => parseGovernanceEvent(raw, { productRoleArns: [WORKER_ROLE] }).kind === 'change',
);

/** Checks a `parseGovernanceEvent` outcome: a change event is well formed and shows safely. */
function checkGovernanceOutcome(outcome: GovernanceParseOutcome): void {
  if (outcome.kind !== 'change') {
    checkOutcome(outcome);
    return;
  }
  check(CHANGE_EVENT_TYPES.includes(outcome.event.type), `unknown type ${outcome.event.type}`);
  const shown = describeChange(outcome.event);
  check(rawControlIn(shown) === undefined, `raw control character in ${JSON.stringify(shown)}`);
}

describe('changes made by hand and directory events: mutated real samples through the planner', () => {
  it('starts from every real change sample (out-of-band changes, new groups, users, permission sets)', () => {
    const types = new Set(
      samples.map(({ raw }) => {
        const outcome = parseGovernanceEvent(raw, { productRoleArns: [WORKER_ROLE] });
        return outcome.kind === 'change' ? outcome.event.type : outcome.kind;
      }),
    );
    expect([...types].sort()).toStrictEqual([...CHANGE_EVENT_TYPES].sort());
  });

  it('never throw, and plan validly, deterministically, whenever the snapshot was taken', () => {
    const kinds = new Map<string, number>();
    runFuzz(
      'planChangeEvents',
      fc.property(mutatedEvent(samples), ({ sample, mutations }) => {
        const raw = applyMutations(sample.raw, mutations);
        const outcome = parseGovernanceEvent(raw, { productRoleArns: [WORKER_ROLE] });
        checkGovernanceOutcome(outcome);
        kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
        if (outcome.kind === 'error') return;
        const plan: Plan = planner.planForOutcome(outcome);
        if (outcome.kind !== 'change') return;
        const after = applyChange(snapshot, outcome.event);
        const named = 'accountId' in outcome.event ? outcome.event.accountId : null;
        const unknown = named !== null && !after.accounts.some((a) => a.id === named);
        checkPlan(plan, { after, config, ...(unknown && { partial: new Set([named]) }) });
        expect(Planner.create(after, config).planForOutcome(outcome)).toStrictEqual(plan);
      }),
    );
    for (const kind of ['change', 'ignored', 'error'])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(50);
  });
});
