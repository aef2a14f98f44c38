/**
 * A whole chaos run: set up, play the scheduled rounds, measure the drift the events alone left,
 * run the scheduled reconcile, read everything back and judge it.
 */
import { referenceReconcile } from '@org/reference-planner';
import type { ChaosOptions } from '../cli/chaos-options';
import { FIFO_SEMANTICS_LINE } from '../edge/fifo-deduplication';
import type { ForgedMessage } from '../forged/forged-messages';
import { judgeForgery } from '../forged/forgery-verdict';
import type { ChaosReport } from '../verify/chaos-report';
import { assembleReport } from '../verify/assemble-report';
import { readAuditTrail } from '../verify/audit-trail';
import { checkChanges } from '../verify/change-check';
import { checkFailures } from '../verify/failure-check';
import { readMotoItems, readMotoState } from '../verify/moto-state';
import { checkNotifications } from '../verify/notification-check';
import { observeEffects } from '../verify/observed-effects';
import { operationOutcomes } from '../verify/round-audit';
import type { StateCheck } from '../verify/run-record';
import { checkSafetyGuards } from '../verify/safety-guards';
import { duplicateAssignments, stateDiff } from '../verify/state-diff';
import { scheduleRounds } from '../world/event-script';
import { type ChaosSetup, createChaosSetup } from './chaos-setup';
import { type FlipRecord, playFlip, playForgery } from './play-flips';
import { RoundRunner } from './round-runner';

/** Moto and the model compared, and the drift of each as the oracle plans it. */
async function checkState(setup: ChaosSetup, runner: RoundRunner): Promise<StateCheck> {
  const config = runner.currentConfig;
  const [live, items] = [
    await readMotoState(setup.readers, config),
    await readMotoItems(setup.readers),
  ];
  // The drift is what the oracle (not the engine) would still plan.
  return {
    drift: referenceReconcile(live, config).operations.length,
    modelDrift: referenceReconcile(setup.model.snapshot(), config).operations.length,
    differences: stateDiff(
      { name: 'moto', snapshot: items },
      { name: 'model', snapshot: setup.model.items() },
    ),
    duplicateAssignments: duplicateAssignments(items),
    final: items,
  };
}

/**
 * Runs the chaos and returns its report.
 *
 * @example
 * ```ts
 * const report = await runChaos({ ...DEFAULT_CHAOS_OPTIONS, events: 40, seed: '7' });
 * console.log(summaryLine(report.numbers));
 * ```
 */
export async function runChaos(
  options: ChaosOptions,
  progress: (line: string) => void = () => undefined,
): Promise<ChaosReport> {
  const started = Date.now();
  const setup = await createChaosSetup(options);
  try {
    const schedule = scheduleRounds(options.events, setup.random.fork('schedule'));
    progress(FIFO_SEMANTICS_LINE);
    progress(
      `chaos: seed ${JSON.stringify(options.seed)}, ${options.events} events in ${schedule.length} rounds, fault rate ${options.faultRate}, ${setup.seeded.accounts.length} accounts to start (${((Date.now() - started) / 1000).toFixed(1)} s to set up)`,
    );
    const runner = new RoundRunner(setup, Math.ceil(schedule.length / 2));
    // After the deploy, a reconcile on demand: the starting drift, and the stored directory view.
    const deployed = await runner.reconcile('reconcile after the deploy');
    if (options.verbose) {
      progress(
        `  round ${deployed.round} reconcile after the deploy: ${deployed.model.changes.size} changes expected, worker ${deployed.drain.invocations} invocations / ${deployed.drain.crashes} crashes; ${deployed.timing.deliverMs} ms + ${deployed.timing.drainMs} ms draining (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    const flips: FlipRecord[] = [];
    const forged: ForgedMessage[] = [];
    const random = { flips: setup.random.fork('flips'), forged: setup.random.fork('forged') };
    for (const scheduled of schedule) {
      const before = runner.summaries.length;
      if (scheduled.kind === 'ruleChange') await runner.ruleChange();
      else if (scheduled.kind === 'events') await runner.eventRound(scheduled.events);
      else if (scheduled.kind === 'flip') {
        flips.push(await playFlip(runner, setup, scheduled, random.flips));
      } else {
        forged.push(...(await playForgery(runner, setup, forged.length + 1, random.forged)));
      }
      if (options.verbose) {
        for (const summary of runner.summaries.slice(before)) {
          for (const reason of summary.retryReasons) progress(`    invocation failed: ${reason}`);
          progress(
            `  round ${summary.round} ${summary.kind}: ${summary.events} events, ${summary.deliveries} deliveries, ${summary.model.changes.size} changes expected, ${summary.model.failed.size} FAILED, worker ${summary.drain.invocations} invocations / ${summary.drain.crashes} crashes; ${summary.timing.deliverMs} ms + ${summary.timing.drainMs} ms draining (${((Date.now() - started) / 1000).toFixed(1)} s)`,
          );
        }
      }
    }
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const step = (line: string) => {
      if (options.verbose) progress(`  ${line} (${elapsed()})`);
    };
    step('reading moto and the model after the events');
    const afterEvents = await checkState(setup, runner);
    step('scheduled reconcile');
    await runner.reconcile();
    step('reading moto and the model after the reconcile');
    const afterReconcile = await checkState(setup, runner);
    step('reading the audit log, topics, Support cases and the dead-letter queue');
    const observed = await observeEffects(setup.moto.sqs, setup.moto.support, setup.resources);
    const audit = (
      await readAuditTrail(setup.audit, new Map(runner.summaries.map((s) => [s.round, s.auditIds])))
    ).flatMap((r) => r.entries);
    const outcomes = operationOutcomes(audit, runner.windows);
    const forgery = judgeForgery(forged, (id) => audit.filter((entry) => entry.eventId === id));
    const rounds = runner.summaries.map((s) => s.model);
    return assembleReport({
      events: options.events,
      rounds: runner.summaries,
      audit,
      counts: setup.ledger.totals(),
      callsPerService: [...setup.ledger.callsPerService()]
        .sort(([, a], [, b]) => b - a)
        .map(([service, calls]) => `${service} ${calls}`)
        .join(', '),
      outages: [...setup.edge.faultsOutages()].reduce((total, [, count]) => total + count, 0),
      observed,
      webhooks: setup.webhook.deliveries(),
      webhookRejections: setup.webhook.rejected(),
      changes: checkChanges(rounds, outcomes, (round) => setup.ledger.effectiveChanges(round)),
      notifications: checkNotifications(
        rounds.flatMap((r) => r.notifications),
        audit,
        {
          supportCaseSubjects: observed.supportCaseSubjects,
          webhooks: setup.webhook.deliveries(),
          topicMessages: observed.notifications,
        },
      ),
      failures: checkFailures(
        rounds,
        outcomes,
        observed.failureReports,
        (round, key) => setup.script.failedRequests(round, key),
        runner.deliveries,
      ),
      guards: checkSafetyGuards(
        setup.ledger.attempts,
        {
          attachments: setup.world.state.unmanagedAttachments,
          assignments: setup.world.state.unmanagedAssignments,
        },
        setup.world.state.managementAccountId,
        afterReconcile.final,
      ),
      afterEvents,
      afterReconcile,
      queue: { delivered: setup.fifo.delivered, dropped: setup.fifo.dropped },
      flips,
      forgery,
      seconds: (Date.now() - started) / 1000,
    });
  } finally {
    await setup.close();
  }
}
