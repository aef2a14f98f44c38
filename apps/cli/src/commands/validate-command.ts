import {
  adminGrantWarnings,
  formatProblem,
  readDocument,
  resolveConfig,
  type GovernanceConfig,
} from '@org/scope-engine';
import { InputError } from '../errors';
import { writeProblems } from '../io/write-problems';
import { loadConfig, loadSnapshot } from '../input/load-inputs';
import { colorsFor } from '../io/colors';
import type { CliCommand } from './cli-command';

/** Rules over every rule list (`scpRules`, `assignmentRules`, and any later `…Rules` list). */
function ruleCount(config: GovernanceConfig): number {
  return Object.entries(config).reduce(
    (count, [key, value]) =>
      count + (key.endsWith('Rules') && Array.isArray(value) ? value.length : 0),
    0,
  );
}

interface ValidateOptions {
  readonly config: string;
  readonly org?: string;
}

/**
 * `orgctl validate --config governance.yaml [--org org.yaml]`: exit 0 when valid, exit 1
 * listing every problem with its path and line. With `--org`, names that do not resolve, policy
 * rules whose type is not enabled on the root and rules that would exceed a policy type's slots on
 * some account are listed as warnings (stderr) and the exit code stays 0. A configuration without any rule is
 * valid, with a warning that applying it removes every managed item. Assignment rules that grant an
 * administrator-like permission set to a principal named by name, through an `accountTag` scope or
 * to the management account are warnings too (`adminGrantWarnings`), with or without `--org`.
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
      const { scpRules, policyRules, assignmentRules, notifications } = config.value;
      const c = colorsFor(io, io.stdout);
      const typed = policyRules === undefined ? '' : `${policyRules.length} policy rules, `;
      io.stdout.write(
        `${c.green('valid')}: ${config.path} (${scpRules.length} SCP rules, ${typed}${assignmentRules.length} assignment rules, ${notifications.length} notifications)\n`,
      );
      if (ruleCount(config.value) === 0) {
        const w = colorsFor(io, io.stderr);
        io.stderr.write(
          `${w.yellow('warning')}: ${config.path} has no rules: applying it removes every managed policy attachment and assignment (a reconcile or rules apply holds more than settings.maxDestructiveOperations of them until confirmed)\n`,
        );
      }
      const read = readDocument(config.text, config.path);
      const lineOf = read.ok ? read.document.lineOf : undefined;
      const admin = adminGrantWarnings(config.value, org?.value, lineOf);
      if (admin.length > 0) {
        const w = colorsFor(io, io.stderr);
        const noun = admin.length === 1 ? 'warning' : 'warnings';
        io.stderr.write(
          `${w.yellow(`${admin.length} ${noun}`)}: administrator-like grants someone else can steer\n`,
        );
        writeProblems(io, admin.map(formatProblem), 'warning');
      }
      if (org === undefined) return;
      const warnings = resolveConfig(config.value, org.value, lineOf);
      if (warnings.length === 0) {
        io.stdout.write(`every name resolves against ${org.path}\n`);
        return;
      }
      const w = colorsFor(io, io.stderr);
      const noun = warnings.length === 1 ? 'warning' : 'warnings';
      io.stderr.write(
        `${w.yellow(`${warnings.length} ${noun}`)}: against ${org.path} (plans skip what they name until it is resolved)\n`,
      );
      writeProblems(io, warnings.map(formatProblem), 'warning');
    });
};
