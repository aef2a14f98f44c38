import { describeServiceRates } from '@org/governance-runtime';
import type { ScaleResult } from './run-scale-bench';

const hours = (seconds: number) => (seconds / 3600).toFixed(2);
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The bench's lines: the rates, the reconcile at scale, the worker (the three in the issue's
 * exact format), then the worker's Organizations reads — the third limit its bound counts
 * (`organizations 5 reads/s ÷ reads per create`, printed on its own line so the worker line keeps
 * its format).
 *
 * @example
 * ```ts
 * console.log(scaleLines(result).join('\n'));
 * ```
 */
export function scaleLines(result: ScaleResult): [string, string, string, string] {
  const { worker: w, rates } = result;
  const accounts = result.summary.accounts;
  return [
    `rates: ${describeServiceRates(rates)}`,
    `scale: ${count(accounts)} accounts, reconcile ${hours(result.reconcileSeconds)} h simulated ` +
      `(API-rate bound ${hours(result.boundSeconds)} h), ` +
      `organizations ${(result.organizationsReads / accounts).toFixed(2)} reads/account, ` +
      `identity center ${(result.identityCenterCalls / accounts).toFixed(3)} calls/account, ` +
      `longest invocation ${Math.round(result.longestInvocationSeconds)} s, ` +
      `peak heap ${Math.round(result.peakHeapMb)} MB, ${count(result.lost)} lost, ${count(result.expired)} expired`,
    `worker: ${count(w.succeeded + w.failedTerminal)} creates, ${w.throughput.toFixed(2)}/s = ` +
      `${(w.fractionOfBound * 100).toFixed(1)} % of the ${w.boundPerSecond.toFixed(2)}/s bound ` +
      `(${rates.identityCenterRequestsPerSecond} req/s ÷ ${w.requestsPerCreation.toFixed(2)} requests per create; ` +
      `${rates.identityCenterMaxOutstandingCreates} outstanding ÷ mean completion ${w.meanLatencySeconds.toFixed(1)} s), ` +
      `workers ${w.options.workers}, ${count(w.lost)} lost, ${count(w.duplicated)} duplicated`,
    `worker reads: organizations ${w.organizations.readsPerCreation.toFixed(2)} reads per create ` +
      `(${rates.organizationsReadsPerSecond} reads/s ÷ ${w.organizations.readsPerCreation.toFixed(2)} = ` +
      `${(rates.organizationsReadsPerSecond / w.organizations.readsPerCreation).toFixed(1)} creates/s, part of the bound), ` +
      `${count(w.organizations.throttled)} over the rate`,
  ];
}

/** Why a run misses the acceptance figures (empty: it meets them). */
export function scaleShortfalls(result: ScaleResult): string[] {
  const accounts = result.summary.accounts;
  const checks: [boolean, string][] = [
    [
      result.reconcileSeconds <= 1.25 * result.boundSeconds,
      'reconcile above 1.25 × its API-rate bound',
    ],
    [result.organizationsReads / accounts <= 1.3, 'more than 1.3 Organizations reads per account'],
    [
      result.identityCenterCalls / accounts <= 0.25,
      'more than 0.25 Identity Center calls per account',
    ],
    [result.longestInvocationSeconds <= 600, 'an invocation longer than 600 s'],
    [result.peakHeapMb <= 1024, 'a heap above 1,024 MB'],
    [result.lost === 0 && result.expired === 0, 'operations lost or expired'],
    [
      result.throttled === 0 && result.worker.organizations.throttled === 0,
      'calls over the published rates',
    ],
    [result.worker.fractionOfBound >= 0.9, 'worker below 90 % of its bound'],
    [
      result.worker.lost === 0 && result.worker.duplicated === 0,
      'worker lost or duplicated creations',
    ],
  ];
  return checks.filter(([ok]) => !ok).map(([, why]) => why);
}
