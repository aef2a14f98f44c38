import { runShardedReconcile, staticRulesSource, type RulesSource } from '@org/governance-runtime';
import { InMemoryAuditLog } from '@org/governance-runtime/in-process';
import { RemoteError, UsageError } from '../errors';
import type { PlanFormat } from '../format/write-plan';
import { loadConfig } from '../input/load-inputs';
import { loadConnect } from '../live/load-connect';
import {
  addDestructiveOption,
  confirmDestructiveOf,
  type DestructiveOption,
} from '../live/destructive-option';
import { addLiveOptions, newRunId, remote, reportOutcome } from '../live/live-command';
import type { LivePorts } from '../live/live-ports';
import {
  LIVE_ENV,
  optionOrEnv,
  resolveLiveSettings,
  type LiveOptions,
} from '../live/live-settings';
import { readingAccounts, recordKeepingPorts, writeRunPlan } from '../live/live-run';
import type { CliCommand } from './cli-command';
import type { CliIo } from '../io/cli-io';

interface ReconcileOptions extends LiveOptions, DestructiveOption {
  readonly apply?: boolean;
  readonly config?: string;
  readonly rulesTable?: string;
  readonly concurrency?: string;
  readonly format?: PlanFormat;
}

/** The rules: a local `--config` file, or what `rules apply` stored in the rules table. */
async function rulesFor(
  io: CliIo,
  options: ReconcileOptions,
  ports: LivePorts,
): Promise<RulesSource> {
  const table = optionOrEnv(io, options.rulesTable, LIVE_ENV.rulesTable);
  if (options.config !== undefined && options.rulesTable !== undefined) {
    throw new UsageError('give --config <file> or --rules-table <name>, not both');
  }
  if (options.config !== undefined) return staticRulesSource(loadConfig(io, options.config).value);
  if (table === undefined) {
    throw new UsageError(
      'give the rules: --rules-table <name> (or ORGCTL_RULES_TABLE), or a local --config <file>',
    );
  }
  const stored = await remote(`reading the rules from ${table}`, () =>
    ports.rulesRepository(table).load(),
  );
  if (stored === null) {
    throw new RemoteError(`no rules are stored in ${table}: run orgctl rules apply first`);
  }
  return staticRulesSource(stored.config);
}

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 4;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(`--concurrency must be an integer from 1 to 64, not ${value}`);
  }
  return n;
}

/**
 * `orgctl reconcile [--apply] [--allow-destructive N]`: reads the live organization
 * (Organizations, Identity Center, the provisioned state) through the deployed reconcile's
 * use-cases driven in process (`runShardedReconcile`: prepare, each shard, finish — attachments
 * per policy, assignments per principal, tags per account), prints the reconcile plan — the drift
 * — and, with `--apply`, enqueues it for the deployed operations worker (`--queue-url`) or
 * executes it here, and keeps the directory view it read in the state table as the deployed
 * reconciler does. More detaches and deletes than `settings.maxDestructiveOperations` are held
 * (the rest is applied) unless `--allow-destructive N` covers them all; while the pause switch is
 * on nothing is enqueued. An applied run is recorded for `orgctl status`. Without `--apply`
 * nothing changes (not even the audit log or the directory view).
 */
export const reconcileCommand: CliCommand = (program, { io }) => {
  addLiveOptions(
    addDestructiveOption(program.command('reconcile'))
      .description(
        'read the live organization, print the drift (reconcile plan) and repair it with --apply',
      )
      .option('--apply', 'apply the plan (default: dry run, nothing changes)')
      .option('--config <file>', 'governance configuration to reconcile against (local file)')
      .option(
        '--rules-table <name>',
        'rules table to read the stored rules from (ORGCTL_RULES_TABLE)',
      )
      .option('--concurrency <n>', 'reads in flight at once (default 4)'),
  ).action(async (options: ReconcileOptions) => {
    const settings = resolveLiveSettings(io, options);
    const concurrency = parseConcurrency(options.concurrency);
    const confirmDestructive = confirmDestructiveOf(options);
    const ports = loadConnect()(io, settings);
    const rules = await rulesFor(io, options, ports);
    const dryRun = options.apply !== true;
    const result = await readingAccounts(io, 'reading the organization', (onProgress) =>
      runShardedReconcile(
        {
          ...ports,
          organizations: ports.organizationReads,
          rules,
          // A dry run changes nothing: not even the audit table or the stored directory view
          // (which the engine's reconcile would keep on a dry run too).
          audit: dryRun ? new InMemoryAuditLog() : ports.audit,
          ...recordKeepingPorts(ports, dryRun),
        },
        {
          runId: newRunId('reconcile', ports.clock.now()),
          dryRun,
          concurrency,
          ...(confirmDestructive === undefined ? {} : { confirmDestructive }),
          onProgress,
        },
      ),
    );
    writeRunPlan(io, result, options.format);
    await reportOutcome(io, result, ports, settings, rules);
  });
};
