/**
 * Parity: the deployed use-cases plan exactly what the CLI previews. For each event, the CLI path
 * (`orgctl plan --event`: `Planner.planForOutcome` on the snapshot) and the deployed path
 * (`processEvent` and the vending notifier's `planNotifications` on in-memory ports seeded from the
 * same organization, with the event applied) must enqueue the same operations and plan the same
 * notifications.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrgEvent } from '@org/event-schemas';
import {
  parseGovernanceConfig,
  parseOrgSnapshot,
  Planner,
  type GovernanceConfig,
  type OrgSnapshot,
  type Plan,
} from '@org/scope-engine';
import { arbScenario } from '@org/scope-engine/testing';
import fc from 'fast-check';
import { deployedPlan, type Outcome } from './deployed-plan';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');
/** Generated cases of the property (at least 200). */
const RUNS = Math.max(200, Number(process.env['FC_NUM_RUNS'] ?? 300));

/** What the CLI previews for an outcome, split as the deployed system splits it. */
function preview(snapshot: OrgSnapshot, config: GovernanceConfig, outcome: Outcome) {
  const plan: Plan = Planner.create(snapshot, config).planForOutcome(outcome);
  return {
    enqueued: plan.operations.filter((op) => op.type !== 'notify'),
    notifications: plan.operations.filter((op) => op.type === 'notify'),
  };
}

/** Whether the preview of `outcome` knows only part of it: an OU or account `snapshot` lacks. */
function namesWhatTheOrganizationLacks(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  outcome: Outcome,
): boolean {
  if (outcome.kind !== 'event') return false;
  const { event } = outcome;
  const unknownAccount =
    (event.type === 'AccountMoved' || event.type === 'AccountTagsChanged') &&
    !snapshot.accounts.some((account) => account.id === event.accountId);
  const plan = Planner.create(snapshot, config).planForOutcome(outcome);
  return unknownAccount || plan.skipped.some((skip) => skip.reason === 'NotInSnapshot');
}

/** The deployed plan in the shape of {@link preview}, with both notifier paths. */
async function deployed(snapshot: OrgSnapshot, config: GovernanceConfig, outcome: Outcome) {
  const plan = await deployedPlan(snapshot, config, outcome);
  return {
    enqueued: plan.enqueued,
    queued: plan.queued,
    notifications: plan.processorNotifications,
    notifierNotifications: plan.notifierNotifications,
  };
}

describe('parity on the example events (examples/org.yaml + examples/governance.yaml)', () => {
  const snapshot = parseOrgSnapshot(
    readFileSync(join(EXAMPLES, 'org.yaml'), 'utf8'),
    'examples/org.yaml',
  );
  const config = parseGovernanceConfig(
    readFileSync(join(EXAMPLES, 'governance.yaml'), 'utf8'),
    'examples/governance.yaml',
  );
  const files = readdirSync(join(EXAMPLES, 'events'))
    .filter((name) => name.endsWith('.json'))
    .sort();
  const outcomes = files.map((name): [string, Outcome] => {
    const raw: unknown = JSON.parse(readFileSync(join(EXAMPLES, 'events', name), 'utf8'));
    const outcome = parseOrgEvent(raw);
    if (outcome.kind === 'error') throw new Error(`${name} does not parse`);
    return [name, outcome];
  });

  it('covers every example event, with operations and notifications among them', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(14);
    const previews = outcomes.map(([, outcome]) => preview(snapshot, config, outcome));
    expect(previews.some((p) => p.enqueued.length > 0)).toBe(true);
    expect(previews.some((p) => p.notifications.length > 0)).toBe(true);
  });

  it.each(outcomes)('%s', async (_name, outcome) => {
    const expected = preview(snapshot, config, outcome);
    expect(await deployed(snapshot, config, outcome)).toStrictEqual({
      enqueued: expected.enqueued,
      queued: expected.enqueued,
      notifications: expected.notifications,
      notifierNotifications: expected.notifications,
    });
  });
});

describe('parity on generated organizations, rules and events (fast-check)', () => {
  it(`the deployed use-cases enqueue and notify exactly what the CLI previews (${RUNS} cases)`, async () => {
    let cases = 0;
    let withOperations = 0;
    let withNotifications = 0;
    await fc.assert(
      fc.asyncProperty(arbScenario, async ({ org, config, event }) => {
        const outcome: Outcome = { kind: 'event', event };
        // An event naming an OU or account the organization lacks: the preview plans it with
        // partial knowledge (NotInSnapshot) while the deployed path re-reads the organization and
        // finds no such account — not the same state, so not a parity case.
        if (namesWhatTheOrganizationLacks(org, config, outcome)) return;
        const expected = preview(org, config, outcome);
        cases += 1;
        withOperations += expected.enqueued.length > 0 ? 1 : 0;
        withNotifications += expected.notifications.length > 0 ? 1 : 0;
        const actual = await deployed(org, config, outcome);
        expect(actual).toStrictEqual({
          enqueued: expected.enqueued,
          queued: expected.enqueued,
          notifications: expected.notifications,
          notifierNotifications: expected.notifications,
        });
      }),
      { numRuns: RUNS, seed: Number(process.env['FC_SEED'] ?? 11_2026) },
    );
    expect(cases).toBeGreaterThanOrEqual(200);
    // Not only empty plans: a good share of the cases enqueue operations or notify.
    expect(withOperations).toBeGreaterThanOrEqual(RUNS / 5);
    expect(withNotifications).toBeGreaterThanOrEqual(RUNS / 20);
    console.log(
      `parity property: ${cases} cases planned (of ${RUNS}), ${withOperations} with operations, ${withNotifications} with notifications`,
    );
  });
});
