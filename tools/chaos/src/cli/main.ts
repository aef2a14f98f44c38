/**
 * `npm run chaos -- --events N --fault-rate R --seed S`: runs the chaos, prints the details and
 * the one summary line, exits 0 when every check passed, 1 when one failed (or the run could not
 * be set up), 2 on a usage error.
 */
import { ChaosError, ChaosUsageError } from '../errors';
import { runChaos } from '../run/run-chaos';
import { summaryLine } from '../verify/chaos-report';
import { CHAOS_USAGE, parseChaosArgs } from './chaos-options';

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseChaosArgs(argv);
  } catch (error) {
    if (error instanceof ChaosUsageError) {
      console.error(`chaos: ${error.message}\n\n${CHAOS_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(CHAOS_USAGE);
    return 0;
  }
  const report = await runChaos(options, (line) => console.log(line));
  for (const line of report.details) console.log(line);
  for (const warning of report.warnings) console.log(`WARNING: ${warning}`);
  for (const problem of report.problems) console.log(`FAILED: ${problem}`);
  console.log(summaryLine(report.numbers));
  return report.problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof ChaosError || error instanceof Error ? error.message : String(error);
    console.error(`chaos: the run could not complete: ${message}`);
    process.exitCode = 1;
  },
);
