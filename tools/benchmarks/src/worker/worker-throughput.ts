/**
 * The worker throughput benchmark (Nx target `benchmarks:worker`): 5,000 assignment creations
 * through the operations worker against a simulated IAM Identity Center that enforces the
 * quotas (20 requests/s, 10 outstanding creations) and a simulated Organizations (5 reads/s: the
 * level checks' reads through the production adapter) on a virtual clock. Prints the achieved
 * throughput as a fraction of the quota bound, and the lost and duplicated creations; exits 1
 * when the fraction is below 90 % or anything was lost or duplicated.
 *
 * Usage: `npx nx run benchmarks:worker [-- --throttle-rate 0.05 --workers 8 …]`
 */
import { parseBenchOptions } from './bench-options';
import { type BenchResult, runWorkerBench } from './run-worker-bench';

/** The minimum fraction of the quota bound the worker must reach. */
const TARGET_FRACTION = 0.9;

/** Human-readable report of a run. */
export function formatBenchResult(result: BenchResult): string {
  const { options: o, service: s } = result;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    'Operations worker throughput (simulated IAM Identity Center, virtual clock)',
    `  workload     ${o.creates} assignment creations over ${o.accounts} accounts, ${o.workers} concurrent workers`,
    `  service      ${o.requestsPerSecond} requests/s, ${o.maxOutstandingCreates} outstanding creations, completion ${o.latencyMinMs}-${o.latencyMaxMs} ms, calls ${o.callLatencyMs} ms`,
    `  faults       throttle rate ${pct(o.throttleRate)}, failure rate ${pct(o.failureRate)} (seed ${o.seed})`,
    `  worker       first status poll after ${o.firstPollDelayMs} ms, then every ${o.pollIntervalMs} ms for ${o.steadyPollingMs} ms, then × ${o.pollBackoff}, visibility timeout ${o.visibilityTimeoutMs / 1000} s`,
    '',
    `  elapsed      ${result.elapsedSeconds.toFixed(1)} s virtual (${result.realSeconds.toFixed(1)} s real)`,
    `  throughput   ${result.throughput.toFixed(2)} creations/s of a bound of ${result.boundPerSecond.toFixed(2)}/s = ${pct(result.fractionOfBound)}`,
    `  settled      ${result.succeeded} succeeded, ${result.failedTerminal} failed (terminal, alerted)`,
    `  lost         ${result.lost}`,
    `  duplicated   ${result.duplicated}`,
    `  requests     ${s.requests} (${result.requestsPerCreation.toFixed(2)} per creation): ${s.listRequests} existence checks, ${s.createRequests} creates, ${s.statusRequests} status polls`,
    `  throttled    ${s.rateViolations} over the rate, ${s.outstandingViolations} over the outstanding limit, ${s.injectedThrottles} injected; peak outstanding ${s.peakOutstanding}`,
    `  organizations ${result.organizations.reads} reads (${result.organizations.readsPerCreation.toFixed(2)} per creation, bound ${o.organizationsReadsPerSecond} reads/s ÷ that = ${result.organizations.boundPerSecond.toFixed(2)}/s), ${result.organizations.throttled} over the rate: ${JSON.stringify(result.organizations.byCommand)}`,
    `  queue        ${result.queue.sent} messages sent, ${result.queue.redelivered} records failed back, ${result.queue.deduplicated} deduplicated`,
  ].join('\n');
}

async function main(): Promise<void> {
  const result = await runWorkerBench(parseBenchOptions(process.argv.slice(2)));
  console.log(formatBenchResult(result));
  const ok =
    result.fractionOfBound >= TARGET_FRACTION && result.lost === 0 && result.duplicated === 0;
  console.log(
    ok ? `\nPASS (target >= ${TARGET_FRACTION * 100} %, 0 lost, 0 duplicated)` : '\nFAIL',
  );
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
