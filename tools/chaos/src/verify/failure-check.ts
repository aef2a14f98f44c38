/**
 * Terminal failures: each scripted FAILED creation must be audited as `failed`, alerted on the
 * failure topic, and not retried — no more create requests than deliveries of its message (a
 * redelivery after a crash re-executes; the worker itself never retries a FAILED request).
 */
import type { FailureReport } from '@org/governance-runtime';
import { operationKey } from '../edge/operation-key';
import type { ModelRound } from '../model/model-round';
import type { OutcomesByRound } from './round-audit';

/** The verdict on terminal failures. */
export interface FailureVerdict {
  readonly expected: number;
  readonly alerted: number;
  /** Creations requested more often than their message was delivered. */
  readonly retried: number;
  readonly problems: readonly string[];
  /** OperationFailed alerts for operations that did not end FAILED (a record's last attempt). */
  readonly otherAlerts: readonly string[];
}

/**
 * Checks the terminal failures of every round.
 *
 * @example
 * ```ts
 * checkFailures(modelRounds, outcomes, failureReports, (r, k) => script.failedRequests(r, k), deliveries);
 * ```
 */
export function checkFailures(
  rounds: readonly ModelRound[],
  outcomes: OutcomesByRound,
  reports: readonly FailureReport[],
  /** Creations of an assignment (`account#arn#type#principal`) answered FAILED in a round. */
  failedRequests: (round: number, assignmentKey: string) => number,
  deliveries: ReadonlyMap<number, ReadonlyMap<string, number>>,
): FailureVerdict {
  const alertedKeys = new Set(
    reports
      .filter((r) => r.kind === 'OperationFailed' && r.operation !== undefined)
      .map((r) => (r.operation === undefined ? null : operationKey(r.operation))),
  );
  const failedKeys = new Set<string>();
  let expected = 0;
  let alerted = 0;
  let retried = 0;
  const problems: string[] = [];
  for (const model of rounds) {
    for (const key of model.failed.keys()) {
      expected += 1;
      failedKeys.add(key);
      const seen = outcomes.get(model.round)?.get(key) ?? [];
      if (!seen.includes('failed')) {
        problems.push(
          `round ${model.round}: ${key} not audited as failed (${seen.join('/') || 'nothing'})`,
        );
      }
      if (alertedKeys.has(key)) alerted += 1;
      else problems.push(`round ${model.round}: ${key} FAILED without an alert`);
      const requests = failedRequests(model.round, key.slice(key.indexOf('#') + 1));
      const delivered = deliveries.get(model.round)?.get(key) ?? 0;
      if (requests > delivered) {
        retried += 1;
        problems.push(
          `round ${model.round}: ${key} requested ${requests}× for ${delivered} deliveries (a FAILED request was retried)`,
        );
      }
    }
  }
  const otherAlerts = reports
    .filter((r) => r.kind === 'OperationFailed' && r.operation !== undefined)
    .filter((r) => {
      const key = r.operation === undefined ? null : operationKey(r.operation);
      return key === null || !failedKeys.has(key);
    })
    .map((r) => `${r.operation?.type ?? '?'} ${r.accountId ?? '?'}: ${r.reason}`);
  return { expected, alerted, retried, problems, otherAlerts };
}
