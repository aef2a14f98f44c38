import { Planner } from '@org/scope-engine';
import { Option } from 'commander';
import { InputError, UsageError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { loadConfig, loadSnapshot } from '../input/load-inputs';
import { accessCsv, accessJson } from '../report/access/access-export';
import { buildAccessMatrix } from '../report/access/access-matrix';
import { buildReportModel } from '../report/report-model';
import { renderReport } from '../report/render-report';
import type { CliCommand } from './cli-command';

/**
 * The most accounts an HTML report shows: the page is built as one string (V8 cannot hold one
 * over 512 MiB) and no browser renders a larger tree usefully. Larger organizations export the
 * access matrix as CSV or JSON.
 */
export const MAX_REPORT_ACCOUNTS = 100_000;

/** The formats of `orgctl report`. */
const REPORT_FORMATS = ['html', 'csv', 'json'] as const;

interface ReportOptions {
  readonly org: string;
  readonly config: string;
  readonly out?: string;
  readonly format: (typeof REPORT_FORMATS)[number];
}

/**
 * `orgctl report --org org.yaml --config governance.yaml [--format html|csv|json] [--out file]`:
 * `html` (the default) writes effective SCPs and assignments per account and the access view as
 * one self-contained, browsable HTML page to `--out` (required). `csv` and `json` export the
 * access matrix (principal × permission set × account, with the rule ids behind each grant) for
 * auditors, to `--out` when given, else to stdout.
 */
export const reportCommand: CliCommand = (program, { io }) => {
  program
    .command('report')
    .description(
      'write effective SCPs, assignments and who can reach which account as a browsable HTML page, or export the access matrix as CSV or JSON',
    )
    .requiredOption('--org <file>', 'organization snapshot (YAML or JSON)')
    .requiredOption('--config <file>', 'governance configuration (YAML or JSON)')
    .addOption(
      new Option(
        '--format <format>',
        'html: the report page; csv, json: the access matrix (principal × permission set × account)',
      )
        .choices(REPORT_FORMATS)
        .default('html'),
    )
    .option(
      '--out <file>',
      'file to write (required for html; csv and json go to stdout without it)',
    )
    .action((options: ReportOptions) => {
      if (options.format === 'html' && options.out === undefined) {
        throw new UsageError(
          "required option '--out <file>' not specified: the HTML report is written to a file (--format csv or json print to stdout)",
        );
      }
      const snapshot = loadSnapshot(io, options.org);
      const config = loadConfig(io, options.config);
      if (options.format !== 'html') {
        const matrix = buildAccessMatrix(Planner.create(snapshot.value, config.value));
        const text = tooLargeAsInput(
          () => (options.format === 'csv' ? accessCsv(matrix) : accessJson(matrix)),
          `the access matrix of ${snapshot.path} (${matrix.grants.length.toLocaleString('en-US')} grants)`,
        );
        if (options.out === undefined) io.stdout.write(text);
        else {
          writeOut(io, options.out, text);
          io.stdout.write(`wrote ${options.out}: ${matrix.grants.length} grants\n`);
        }
        return;
      }
      const out = options.out as string;
      const accounts = snapshot.value.accounts.length;
      if (accounts > MAX_REPORT_ACCOUNTS) {
        throw new InputError(
          `${snapshot.path} has ${accounts.toLocaleString('en-US')} accounts: an HTML report shows at most ${MAX_REPORT_ACCOUNTS.toLocaleString('en-US')} (use --format csv or json for the access matrix)`,
        );
      }
      const model = buildReportModel(snapshot.value, config.value);
      const page = tooLargeAsInput(
        () => renderReport(model, { org: snapshot.path, config: config.path }),
        `the report of ${snapshot.path}`,
      );
      writeOut(io, out, page);
      const { operations, skipped } = model.plan;
      io.stdout.write(
        `wrote ${out}: ${model.accountCount} accounts, ${model.access.grants.length} grants, ${operations.length} pending operations, ${skipped.length} skipped\n`,
      );
    });
};

function writeOut(io: CliIo, path: string, content: string): void {
  try {
    io.writeFile(path, content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write --out file ${path}: ${message}`, [], { cause: error });
  }
}

/**
 * Runs `build`, turning V8's "Invalid string length" (a text over 512 MiB) into an input error
 * that says what was too large, instead of an internal error.
 */
function tooLargeAsInput<T>(build: () => T, what: string): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError && /Invalid string length/.test(error.message)) {
      throw new InputError(`${what} is too large to write as one text (over 512 MiB)`, [], {
        cause: error,
      });
    }
    throw error;
  }
}
