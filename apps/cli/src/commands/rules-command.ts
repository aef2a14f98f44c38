import { applyRules, staticRulesSource } from '@org/governance-runtime';
import { UsageError } from '../errors';
import type { PlanFormat } from '../format/write-plan';
import { loadConfig } from '../input/load-inputs';
import { colorsFor } from '../io/colors';
import { loadConnect } from '../live/load-connect';
import {
  addDestructiveOption,
  confirmDestructiveOf,
  type DestructiveOption,
} from '../live/destructive-option';
import { addLiveOptions, newRunId, remote, reportOutcome } from '../live/live-command';
import {
  LIVE_ENV,
  optionOrEnv,
  resolveLiveSettings,
  type LiveOptions,
} from '../live/live-settings';
import { checkDeploymentGrants } from '../live/deployment-grants';
import { readingAccounts, recordKeepingPorts, writeRunPlan } from '../live/live-run';
import type { CliCommand } from './cli-command';

interface RulesApplyOptions extends LiveOptions, DestructiveOption {
  readonly config: string;
  readonly table?: string;
  readonly dryRun?: boolean;
  readonly skipGrantCheck?: boolean;
  readonly format?: PlanFormat;
}

/** At most this many changed account ids are listed on stderr (the plan lists them all). */
const LISTED_ACCOUNTS = 20;

/**
 * `orgctl rules apply --config governance.yaml [--table NAME]`: validates the
 * configuration (exit 1 listing every problem), stores it in the rules table (optimistic
 * concurrency on its version) with the directory view it read (state table, as the deployed
 * reconciler keeps it), and reconciles the accounts whose desired state changed (the seed's
 * account assignment life cycle): prints their plan and enqueues it (`--queue-url`) or executes
 * it. More detaches and deletes than `settings.maxDestructiveOperations` are held (stored
 * rules, applied creates) unless `--allow-destructive N` covers them all; while the pause switch
 * is on nothing is enqueued. `--dry-run` stores and changes nothing. First it refuses (exit 1,
 * listing them) notification targets the deployed stack does not grant — the rules table's tags
 * say what it grants — unless `--skip-grant-check`.
 */
export const rulesCommand: CliCommand = (program, { io }) => {
  const rules = program.command('rules').description('manage the deployed governance rules');
  addLiveOptions(
    addDestructiveOption(rules.command('apply'))
      .description(
        'validate and store the rules, then reconcile the accounts whose desired state changed',
      )
      .requiredOption('--config <file>', 'governance configuration (YAML or JSON)')
      .option('--table <name>', 'rules table (ORGCTL_RULES_TABLE)')
      .option('--dry-run', 'show what would change; store and change nothing')
      .option(
        '--skip-grant-check',
        'store the rules even when the deployed stack does not grant their notification targets (you deploy it next)',
      ),
  ).action(async (options: RulesApplyOptions) => {
    const config = loadConfig(io, options.config).value;
    const table = optionOrEnv(io, options.table, LIVE_ENV.rulesTable);
    if (table === undefined) {
      throw new UsageError('give the rules table: --table <name> (or ORGCTL_RULES_TABLE)');
    }
    const settings = resolveLiveSettings(io, options);
    const confirmDestructive = confirmDestructiveOf(options);
    const ports = loadConnect()(io, settings);
    const dryRun = options.dryRun === true;
    if (options.skipGrantCheck !== true) {
      const deployed = await remote(`reading the deployment grants of ${table}`, () =>
        ports.deployedGrants(table),
      );
      const note = checkDeploymentGrants(config, deployed, { file: options.config, table });
      if (note !== null) io.stderr.write(`${colorsFor(io, io.stderr).yellow('note')}: ${note}\n`);
    }
    const now = ports.clock.now();
    const result = await readingAccounts(io, `applying the rules to ${table}`, (onProgress) =>
      applyRules(
        config,
        {
          ...ports,
          rulesRepository: ports.rulesRepository(table),
          // Events right after the change resolve the new rules' principals (nothing on a dry run).
          ...recordKeepingPorts(ports, dryRun),
        },
        {
          runId: newRunId('rules-apply', now),
          ...(confirmDestructive === undefined ? {} : { confirmDestructive }),
          dryRun,
          updatedAt: new Date(now).toISOString(),
          onProgress,
        },
      ),
    );
    writeRunPlan(io, result, options.format);
    const c = colorsFor(io, io.stderr);
    const changed = result.changedAccountIds;
    const listed = changed.slice(0, LISTED_ACCOUNTS).join(', ');
    const more =
      changed.length > LISTED_ACCOUNTS ? `, … (${changed.length - LISTED_ACCOUNTS} more)` : '';
    const stored = dryRun
      ? `${c.yellow('dry run')}: ${options.config} would replace version ${result.previousVersion} of ${table}`
      : `${c.green('stored')} ${options.config} in ${table}: version ${result.previousVersion} -> ${result.version}`;
    io.stderr.write(
      `${stored}; desired state changed for ${changed.length} accounts${changed.length > 0 ? `: ${listed}${more}` : ''}\n`,
    );
    await reportOutcome(io, result, ports, settings, staticRulesSource(config));
  });
};
