import { UsageError } from '../errors';
import { loadConfig, loadSnapshot } from '../input/load-inputs';
import { buildReportModel } from '../report/report-model';
import { renderReport } from '../report/render-report';
import type { CliCommand } from './cli-command';

interface ReportOptions {
  readonly org: string;
  readonly config: string;
  readonly out: string;
}

/**
 * `orgctl report --org org.yaml --config governance.yaml --out report.html` (SPEC §7): effective
 * SCPs and assignments per account as one self-contained, browsable HTML page.
 */
export const reportCommand: CliCommand = (program, { io }) => {
  program
    .command('report')
    .description('write effective SCPs and assignments per account as a browsable HTML page')
    .requiredOption('--org <file>', 'organization snapshot (YAML or JSON)')
    .requiredOption('--config <file>', 'governance configuration (YAML or JSON)')
    .requiredOption('--out <file>', 'HTML file to write')
    .action((options: ReportOptions) => {
      const snapshot = loadSnapshot(io, options.org);
      const config = loadConfig(io, options.config);
      const model = buildReportModel(snapshot.value, config.value);
      const html = renderReport(model, { org: snapshot.path, config: config.path });
      try {
        io.writeFile(options.out, html);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new UsageError(`cannot write --out file ${options.out}: ${message}`, [], {
          cause: error,
        });
      }
      const { operations, skipped } = model.plan;
      io.stdout.write(
        `wrote ${options.out}: ${model.accountCount} accounts, ${operations.length} pending operations, ${skipped.length} skipped\n`,
      );
    });
};
