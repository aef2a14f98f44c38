/**
 * Runs the rounds of a chaos run, each first through the reference model (what must happen) and
 * then through the product (what happens under faults): event rounds, rule changes
 * (`orgctl rules apply`), and reconciles.
 */
import { type GovernanceConfig } from '@org/scope-engine';
import { describeError } from '@org/governance-runtime';
import { deployFunction } from '../deployment/product-functions';
import { invokeAsync, routeEvent } from '../runtime/event-bus';
import { chaosLambdaContext } from '../runtime/lambda-context';
import type { GeneratedEvent, WorldChange } from '../world/chaos-world';
import type { EventKind } from '../world/event-script';
import { governanceVersion } from '../world/governance-versions';
import { worldStep } from '../world/world-step';
import { applyRulesChange } from './apply-rules-change';
import { rulesApplyRound } from './rules-apply-model';
import { RULES_CACHE_TTL_MS } from '../deployment/function-variables';
import { RoundDeliveries } from './round-deliveries';
import { RoundBook } from './round-book';
import type { RoundSummary } from './round-summary';

/** Scheduled reconciles tried (one a day) before the run gives up on drift repair. */
const RECONCILE_SCHEDULES = 3;
/** Probability that someone attaches an SCP or creates an assignment by hand in a round. */
const MANUAL_ITEM_RATE = 0.15;

/**
 * The rounds of one run.
 *
 * @example
 * ```ts
 * const runner = new RoundRunner(setup, 10);
 * await runner.reconcile('reconcile after the deploy');
 * await runner.eventRound(['create', 'move']);
 * await runner.ruleChange();
 * ```
 */
export class RoundRunner extends RoundBook {
  private version = 0;
  private applies = 0;

  /** The next governance version (drawn from the seed). */
  private nextVersion(): GovernanceConfig {
    this.version += 1;
    const { setup } = this;
    return governanceVersion(
      this.version,
      setup.random.fork(`rules-${this.version}`),
      setup.targets,
    );
  }

  /** A round of organization events (and now and then an item made by hand). */
  eventRound(kinds: readonly EventKind[]): Promise<RoundSummary> {
    const { world } = this.setup;
    const steps = kinds.map((kind) => () => worldStep(world, kind));
    return this.changeRound(steps, { interleaved: false, manual: true, events: kinds.length });
  }

  /**
   * A round of world changes and the events reporting them. `interleaved`: each change's events
   * are delivered before the next change is made (the processor plans against a state the next
   * change undoes before the worker runs); otherwise every change is made first.
   */
  async changeRound(
    steps: readonly (() => Promise<WorldChange>)[],
    options: { readonly interleaved: boolean; readonly manual: boolean; readonly events: number },
  ): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    const deliveries = new RoundDeliveries({
      history: this.history,
      random: this.random.deliveries,
      env: setup.env,
      config: this.config,
      concurrency: setup.options.deliveries,
    });
    const pending: GeneratedEvent[] = [];
    for (const step of steps) {
      const change = await step();
      setup.model.applyWorldChange(setup.world.state, change);
      if (options.interleaved) await deliveries.deliver(change.events);
      else pending.push(...change.events);
    }
    if (options.manual && this.random.manual.chance(MANUAL_ITEM_RATE)) {
      const change = await setup.world.manualItem(setup.model);
      setup.model.applyWorldChange(setup.world.state, change);
    }
    if (!options.interleaved) await deliveries.deliver(pending);
    const distinct = deliveries.distinct();
    const planned = setup.model.planEvents(
      distinct.map((event) => {
        const targets = routeEvent(event.raw, this.config);
        return {
          eventId: event.id,
          raw: event.raw,
          processed: targets.includes('processor'),
          notified: targets.includes('notifier'),
        };
      }),
    );
    const model = this.expect(begun.round, planned);
    const { deliveries: count, duplicates, late } = deliveries;
    return this.finish(
      begun,
      'events',
      { events: options.events, deliveries: count, duplicates, late },
      model,
      {
        deadLettered: deliveries.deadLettered,
        retriedDeliveries: deliveries.retried,
        replayedEvents: deliveries.replayed,
        retryReasons: deliveries.retryReasons,
        rulesApplyRetries: 0,
        auditIds: distinct.map((event) => event.id),
        deliverMs: deliveries.deliverMs,
      },
    );
  }

  /**
   * Messages nobody in the product sent, put on the operations queue by `send` (which returns
   * their ids): the model expects nothing of them.
   */
  async forgedRound(send: () => Promise<readonly string[]>): Promise<RoundSummary> {
    const begun = this.begin();
    const model = this.expect(begun.round, this.setup.model.planEvents([]));
    const started = Date.now();
    const ids = await send();
    return this.finish(
      begun,
      'forged',
      { events: 1, deliveries: ids.length, duplicates: 0, late: 0 },
      model,
      {
        deadLettered: [],
        retriedDeliveries: 0,
        replayedEvents: 0,
        retryReasons: [],
        rulesApplyRetries: 0,
        auditIds: ids,
        deliverMs: Date.now() - started,
      },
    );
  }

  /**
   * `orgctl rules apply` (re-run by the operator if it fails) with `config`, or by default the
   * next governance version; then, unless told otherwise, time passes beyond the rules cache.
   */
  async ruleChange(
    config?: GovernanceConfig,
    options: { readonly expireCaches: boolean } = { expireCaches: true },
  ): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    const next = config ?? this.nextVersion();
    this.applies += 1;
    const runId = `rules-apply-${this.applies}`;
    const changed = this.expect(begun.round, setup.model.planRulesChange(next));
    const started = Date.now();
    const applied = await applyRulesChange(next, runId, setup.rulesApply);
    // A re-run that found the rules saved reconciled every account: the model does the same
    // after the change, which adds the repairs a reconcile makes (e.g. earlier FAILED creations).
    const model = rulesApplyRound(
      setup.model,
      begun.round,
      changed,
      applied.resumed,
      setup.script.failingIn(begun.round),
    );
    this.config = next;
    // Every drain starts cold worker containers, so this only models the time an operator's
    // change takes to reach warm ones; a flip changes the rules back before that.
    if (options.expireCaches) setup.clock.advance(RULES_CACHE_TTL_MS + 1000);
    return this.finish(
      begun,
      'ruleChange',
      { events: 1, deliveries: 0, duplicates: 0, late: 0 },
      model,
      {
        deadLettered: applied.gaveUp ? [`${runId}: ${applied.errors.join(' / ')}`] : [],
        retriedDeliveries: 0,
        replayedEvents: 0,
        retryReasons: applied.errors,
        rulesApplyRetries: applied.gaveUp ? applied.errors.length - 1 : applied.errors.length,
        auditIds: [runId],
        deliverMs: Date.now() - started,
      },
    );
  }

  /**
   * A reconcile (the construct's schedule, or on demand after the deploy): drift repair is part
   * of the contract (SPEC §2), and it stores the directory view the processor plans with. A run
   * that fails every attempt is retried by the next day's schedule.
   */
  async reconcile(label = 'scheduled reconcile'): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    const model = this.expect(begun.round, setup.model.planReconcile());
    const started = Date.now();
    const reconciler = deployFunction(setup.env, 'reconciler');
    const runIds: string[] = [];
    const errors: unknown[] = [];
    let ok = false;
    for (let schedule = 1; schedule <= RECONCILE_SCHEDULES && !ok; schedule += 1) {
      const outcome = await invokeAsync(
        reconciler.handler,
        { 'detail-type': 'Scheduled Event' },
        () => {
          const context = chaosLambdaContext(
            'reconciler',
            900_000,
            setup.clock,
            reconciler.container,
          );
          runIds.push(`reconcile-${context.awsRequestId}`);
          return context;
        },
        setup.clock,
      );
      errors.push(...outcome.errors);
      ok = outcome.ok;
    }
    return this.finish(
      begun,
      'reconcile',
      { events: 0, deliveries: 0, duplicates: 0, late: 0 },
      model,
      {
        deadLettered: ok ? [] : [`${label}: ${errors.map(describeError).join(' / ')}`],
        retriedDeliveries: runIds.length - 1,
        replayedEvents: 0,
        retryReasons: errors.map(describeError),
        rulesApplyRetries: 0,
        auditIds: runIds,
        deliverMs: Date.now() - started,
      },
    );
  }
}
