/**
 * Turns a run's record into its report: the summary numbers (as issue 5 defines them), the
 * details, and every reason to fail.
 *
 * - expected: the SCP/assignment changes the reference model applied, plus the notifications it
 *   sent (scripted FAILED creations are not expected: they are counted apart, must be alerted and
 *   not retried, and are repaired by a later event or the scheduled reconcile);
 * - applied: expected items the audit log shows applied (or already in state after a crash or a
 *   lost response) and that took effect (edge) or arrived (receiver, topic, Support);
 * - lost: expected − applied, plus operations left in the dead-letter queue;
 * - duplicated: side effects that happened more than once — a change taking effect twice in a
 *   round, a notification arriving twice, an assignment existing twice;
 * - drift: operations a reconcile would still plan after the scheduled reconcile;
 * - unmanaged touched: attempted changes breaking a safety guard, and unmanaged items missing or
 *   taken over at the end.
 */
import { FIFO_DEDUPLICATION_WINDOW_MS, FIFO_SEMANTICS_LINE } from '../edge/fifo-deduplication';
import { type ChaosNumbers, type ChaosReport, numberProblems } from './chaos-report';
import { type NotJustifiedSplit, splitNotJustified } from './not-justified-split';
import { outcomeLabel } from './round-audit';
import type { RunRecord } from './run-record';

const pct = (part: number, whole: number) =>
  whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1);

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

function details(record: RunRecord, refused: NotJustifiedSplit): string[] {
  const { rounds, counts, changes, notifications: n, failures } = record;
  const byKind = (kind: string) => rounds.filter((r) => r.kind === kind).length;
  const drains = rounds.map((r) => r.drain);
  const nb = n.byTarget;
  return [
    `rounds: ${rounds.length} (${byKind('events')} event rounds, ${byKind('ruleChange')} rule changes, ${byKind('reconcile')} reconciles: after the deploy and scheduled, ${byKind('forged')} of forged messages); ${sum(rounds, (r) => r.deliveries)} deliveries (${sum(rounds, (r) => r.duplicates)} duplicates, ${sum(rounds, (r) => r.late)} late, shuffled)`,
    `faults: ${counts.faults} of ${counts.calls} AWS calls (${pct(counts.faults, counts.calls)}%): ${counts.throttled} throttled, ${counts.serverErrors} 5xx (${counts.lostResponses} after the effect: lost responses), ${record.outages} outages (${counts.outageFaults} calls); webhook 503s ${record.webhookRejections}`,
    `recovery: ${sum(rounds, (r) => r.retriedDeliveries)} event deliveries retried by Lambda, ${sum(rounds, (r) => r.replayedEvents)} failed events replayed from the failed-events queue (runbook), ${sum(rounds, (r) => r.rulesApplyRetries)} rules-apply re-runs; worker ${sum(drains, (d) => d.invocations)} invocations, ${sum(drains, (d) => d.records)} records, ${sum(drains, (d) => d.crashes)} crashes (${sum(drains, (d) => d.recordsRedeliveredByCrashes)} records redelivered, ${counts.crashedCalls} calls after a crash refused), ${sum(drains, (d) => d.failedBack)} records failed back`,
    `identity center: ${counts.slowRequests} requests kept IN_PROGRESS, ${counts.redundantCreates} creations of an existing assignment refused (ConflictException); ${failures.expected} creations FAILED (terminal): ${failures.alerted} alerted, ${failures.retried} retried`,
    `changes: ${changes.expected} expected, ${changes.applied} applied exactly once; notifications: ${n.expected} expected, ${n.sent} sent (Support ${nb.supportCase[1]}/${nb.supportCase[0]}, webhook ${nb.webhook[1]}/${nb.webhook[0]}, SNS ${nb.sns[1]}/${nb.sns[0]} arrived/expected)`,
    `drift after the events alone: ${record.afterEvents.drift} (the model's: ${record.afterEvents.modelDrift}, FAILED creations no later event repaired); after the scheduled reconcile: ${record.afterReconcile.drift}`,
    `safety guards: ${record.guards.managementAccountScpChanges} management-account SCP changes, ${record.guards.fullAwsAccessDetaches} FullAWSAccess detaches, ${record.guards.nonAccountTargets} non-account targets, ${record.guards.unmanagedTouched} unmanaged items touched`,
    ...flipDetails(record, refused),
    `calls per service: ${record.callsPerService}`,
    `moto vs reference model: ${record.afterEvents.differences.length} differences after the events, ${record.afterReconcile.differences.length} after the reconcile; ${record.seconds.toFixed(1)} s`,
  ];
}

/** The queue semantics, the flips and the forged messages of a run. */
function flipDetails(record: RunRecord, refused: NotJustifiedSplit): string[] {
  const { flips, forgery, queue } = record;
  const drains = record.rounds.map((r) => r.drain);
  const of = (kind: string) => flips.filter((f) => f.kind === kind).length;
  const within = flips.filter((f) => f.repeatAfterMs < FIFO_DEDUPLICATION_WINDOW_MS).length;
  const longest = Math.max(0, ...flips.map((f) => f.durationMs));
  const operations = record.audit.filter((entry) => entry.type === 'operation');
  const label = (name: string) => operations.filter((entry) => outcomeLabel(entry) === name).length;
  return [
    `${FIFO_SEMANTICS_LINE}: ${queue.delivered} sends delivered, ${queue.dropped} dropped as duplicates of ids sent in the last 5 minutes; ${sum(drains, (d) => d.backedOff)} failed-back records reappeared after the visibility the worker set (ChangeMessageVisibility backoff, longest ${(Math.max(0, ...drains.map((d) => d.longestBackoffMs)) / 1000).toFixed(0)} s)`,
    `flips: ${flips.length} (${of('tag')} tag A→B→A→B→A, ${of('move')} move X→Y→X→Y→X, ${of('rules')} rule change and revert, twice), ${flips.filter((f) => f.interleaved).length} flipped back before the worker ran; ${within} repeated their first leg within 5 minutes; longest ${(longest / 1000).toFixed(0)} s of product time`,
    `forged messages: ${forgery.sent} sent straight to the operations queue, ${forgery.refused} refused (NotJustified)`,
    `worker verdicts: ${label('Stale')} operations audited Stale (no longer asked for when they ran), ${label('NotJustified')} NotJustified: ${refused.forged} of forged messages (${refused.forgedRepeated} again after a crash redelivered one), ${refused.product.length} of messages the product sent`,
  ];
}

/**
 * Robustness findings that do not fail a run by themselves: their consequences (an operation
 * lost, drift left) are what the numbers measure.
 */
function warnings(record: RunRecord, refused: NotJustifiedSplit): string[] {
  const list: string[] = [];
  const add = (title: string, lines: readonly string[]) => {
    if (lines.length > 0) list.push(`${title} (${lines.length}): ${lines.slice(0, 5).join('; ')}`);
  };
  add(
    'invocations that failed every attempt (failed-events queue)',
    record.rounds.flatMap((r) => r.deadLettered),
  );
  add('alerts for operations that did not end FAILED', record.failures.otherAlerts);
  add(
    'messages the product sent that the worker refused (NotJustified: a false security alert)',
    refused.product,
  );
  return list;
}

function problems(record: RunRecord, numbers: ChaosNumbers): string[] {
  const list = numberProblems(numbers);
  const add = (title: string, lines: readonly string[]) => {
    if (lines.length > 0) list.push(`${title} (${lines.length}): ${lines.slice(0, 8).join('; ')}`);
  };
  add('lost changes', record.changes.lost);
  add('lost notifications', record.notifications.lost);
  add('duplicated changes', record.changes.duplicates);
  add('duplicated notifications', record.notifications.duplicates);
  add('unexpected changes', record.changes.unexpected);
  add('unexpected notifications', record.notifications.unexpected);
  add('terminal failures', record.failures.problems);
  add('safety guards', record.guards.violations);
  add('forged messages not refused', record.forgery.accepted);
  add(
    'operations in the dead-letter queue',
    record.observed.deadLetters.map((m) => `${m.operation.type} ${m.operation.accountId}`),
  );
  add('moto vs model after the events', record.afterEvents.differences);
  add('moto vs model after the reconcile', record.afterReconcile.differences);
  if (record.afterEvents.drift !== record.afterEvents.modelDrift) {
    list.push(
      `drift after the events is ${record.afterEvents.drift}, the model's ${record.afterEvents.modelDrift}`,
    );
  }
  const unsigned = record.webhooks.filter((w) => !w.signatureValid).length;
  if (unsigned > 0) list.push(`${unsigned} webhook deliveries with an invalid signature`);
  return list;
}

/**
 * The report of a run.
 *
 * @example
 * ```ts
 * const report = assembleReport(record);
 * console.log(report.details.join('\n'));
 * ```
 */
export function assembleReport(record: RunRecord): ChaosReport {
  const numbers: ChaosNumbers = {
    events: record.events,
    expected: record.changes.expected + record.notifications.expected,
    applied: record.changes.applied + record.notifications.sent,
    lost:
      record.changes.lost.length +
      record.notifications.lost.length +
      record.observed.deadLetters.length,
    duplicated:
      record.changes.duplicated +
      record.notifications.duplicated +
      record.afterReconcile.duplicateAssignments,
    drift: record.afterReconcile.drift,
    unmanagedTouched: record.guards.unmanagedTouched,
  };
  const refused = splitNotJustified(record.audit, new Set(record.forgery.ids));
  return {
    numbers,
    details: details(record, refused),
    warnings: warnings(record, refused),
    problems: problems(record, numbers),
  };
}
