/**
 * `npm run bench:scale -- --accounts N` (default 50,000): a full reconcile of a synthetic
 * organization (~1,000 OUs, ~2,000 rules) through the sharded reconcile use-cases on simulated
 * AWS ports at the published rates on a virtual clock, then the operations worker. Prints three
 * lines (rates, scale, worker); `--verbose` adds details on stderr. Exits 1 when a figure misses
 * the acceptance targets.
 */
import { runScaleBench } from './run-scale-bench';
import { parseScaleOptions } from './scale-options';
import { scaleLines, scaleShortfalls } from './format-scale';

async function main(): Promise<void> {
  const options = parseScaleOptions(process.argv.slice(2));
  const result = await runScaleBench(options);
  console.log(scaleLines(result).join('\n'));
  if (options.verbose) {
    const { worker, ...rest } = result;
    console.error(JSON.stringify({ ...rest, worker: { ...worker, options: undefined } }, null, 2));
  }
  const shortfalls = scaleShortfalls(result);
  if (shortfalls.length > 0) {
    console.error(`below target: ${shortfalls.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
