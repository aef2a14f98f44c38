import { formatProblem, readDocument, resolveConfig } from '@org/scope-engine';
import { InputError } from '../errors';
import { writeProblems } from '../io/write-problems';
import { loadConfig, loadSnapshot } from '../input/load-inputs';
import { colorsFor } from '../io/colors';
import type { CliCommand } from './cli-command';

interface ValidateOptions {
  readonly config: string;
  readonly org?: string;
}

/**
 * `orgctl validate --config governance.yaml [--org org.yaml]`: exit 0 when valid, exit 1
 * listing every problem with its path and line. With `--org`, names that do not resolve are
 * listed as warnings (stderr) and the exit code stays 0.
 */
export const validateCommand: CliCommand = (program, { io }) => {
  program
    .command('validate')
    .description(
      'validate a governance configuration (and check its names against an org snapshot)',
    )
    .requiredOption('--config <file>', 'governance configuration (YAML or JSON)')
    .option('--org <file>', 'organization snapshot (YAML or JSON) to resolve names against')
    .action((options: ValidateOptions) => {
      const problems: string[] = [];
      const summaries: string[] = [];
      let problemCount = 0;
      const collect = <T>(load: () => T): T | undefined => {
        try {
          return load();
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          summaries.push(error.summary);
          problemCount += error.problemCount;
          // A loop, not push(...): a spread of hundreds of thousands of problems overflows the stack.
          for (const problem of error.problems) problems.push(problem);
          return undefined;
        }
      };
      const config = collect(() => loadConfig(io, options.config));
      const org =
        options.org === undefined
          ? undefined
          : collect(() => loadSnapshot(io, options.org as string));
      if (config === undefined || (options.org !== undefined && org === undefined)) {
        throw new InputError(summaries.join('; '), problems, { problemCount });
      }
      const { scpRules, assignmentRules, notifications } = config.value;
      const c = colorsFor(io, io.stdout);
      io.stdout.write(
        `${c.green('valid')}: ${config.path} (${scpRules.length} SCP rules, ${assignmentRules.length} assignment rules, ${notifications.length} notifications)\n`,
      );
      if (org === undefined) return;
      const read = readDocument(config.text, config.path);
      const lineOf = read.ok ? read.document.lineOf : undefined;
      const warnings = resolveConfig(config.value, org.value, lineOf);
      if (warnings.length === 0) {
        io.stdout.write(`every name resolves against ${org.path}\n`);
        return;
      }
      const w = colorsFor(io, io.stderr);
      const noun = warnings.length === 1 ? 'warning' : 'warnings';
      io.stderr.write(
        `${w.yellow(`${warnings.length} ${noun}`)}: names not found in ${org.path} (plans skip them until they exist)\n`,
      );
      writeProblems(io, warnings.map(formatProblem), 'warning');
    });
};
