import { randomUUID } from 'node:crypto';
import { AdapterError } from '@org/aws-adapters';
import { ScopeEngineError } from '@org/scope-engine';
import { describeHold, type ReconcileResult, type RulesSource } from '@org/governance-runtime';
import { Option, type Command } from 'commander';
import { CliError, RemoteError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { colorsFor } from '../io/colors';
import { executeLocally } from './execute-locally';
import type { LivePorts } from './live-ports';
import type { LiveSettings } from './live-settings';

/**
 * Adds the options every live command shares: connection, tables, queue and output format.
 *
 * @example
 * ```ts
 * addLiveOptions(program.command('reconcile')).action(...);
 * ```
 */
export function addLiveOptions(command: Command): Command {
  return addStateOptions(command)
    .option('--audit-table <name>', 'audit-log table, to audit applied runs (ORGCTL_AUDIT_TABLE)')
    .option(
      '--queue-url <url>',
      'operations FIFO queue: --apply enqueues there for the deployed worker (ORGCTL_QUEUE_URL); without it, --apply executes the operations itself',
    )
    .addOption(
      new Option(
        '--format <format>',
        'plan output format (default: table on a terminal, else json)',
      ).choices(['json', 'table']),
    );
}

/**
 * Adds the connection options (`--region`, `--endpoint-url`, `--dynamodb-endpoint-url`).
 *
 * @example
 * ```ts
 * addConnectionOptions(program.command('redrive'));
 * ```
 */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--region <region>', 'AWS region (default: AWS_REGION, else us-east-1)')
    .option('--endpoint-url <url>', 'endpoint of every AWS service (e.g. moto; AWS_ENDPOINT_URL)')
    .option('--dynamodb-endpoint-url <url>', 'endpoint of DynamoDB only (e.g. DynamoDB Local)');
}

/**
 * Adds the connection options and `--state-table` (where the pause switch and the provisioned
 * state are).
 *
 * @example
 * ```ts
 * addStateOptions(program.command('pause'));
 * ```
 */
export function addStateOptions(command: Command): Command {
  return addConnectionOptions(command).option(
    '--state-table <name>',
    'provisioned-state table (ORGCTL_STATE_TABLE)',
  );
}

/** A run id for audit entries and queue correlation: `orgctl-<command>-<time>-<random>`. */
export function newRunId(command: string, now: number): string {
  const time = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `orgctl-${command}-${time}-${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `work`, turning AWS-side failures (adapter errors, pipeline errors, SDK errors such as
 * missing credentials) into a {@link RemoteError} (exit 3) that says what was being done.
 */
export async function remote<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (
      error instanceof AdapterError ||
      error instanceof ScopeEngineError ||
      (error instanceof Error && ('$metadata' in error || error.name.includes('Credentials')))
    ) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : error.name;
      throw new RemoteError(`${doing} failed: ${code}: ${error.message}`, [], { cause: error });
    }
    throw error;
  }
}

/**
 * The brakes of a run, on stderr: detaches and deletes held for a confirmation, and the pause
 * switch. Returns `true` when the run was paused (nothing was enqueued or is to be executed).
 */
function reportBrakes(io: CliIo, result: ReconcileResult): boolean {
  const c = colorsFor(io, io.stderr);
  if (result.held !== null) {
    const label = result.dryRun ? 'would hold' : 'held';
    io.stderr.write(`${c.yellow(label)}: ${describeHold(result.held)}\n`);
  }
  if (!result.paused) return false;
  const planned = result.driftCount - (result.held?.operations.length ?? 0);
  io.stderr.write(
    `${c.yellow('paused')}: the pause switch is on (orgctl status): ${planned} operations planned and audited, none enqueued; after orgctl resume, run orgctl reconcile --apply\n`,
  );
  return true;
}

/**
 * What happened to the plan's operations, on stderr: held detaches and deletes, nothing (a dry
 * run or paused), enqueued, or executed here (then the failures are listed and the command fails
 * with exit 3).
 */
export async function reportOutcome(
  io: CliIo,
  result: ReconcileResult,
  ports: LivePorts,
  settings: LiveSettings,
  rules: RulesSource,
): Promise<void> {
  const c = colorsFor(io, io.stderr);
  const { dryRun, departedAccountIds } = result;
  if (reportBrakes(io, result)) return;
  // Held detaches and deletes were neither enqueued nor executed.
  const driftCount = dryRun ? result.driftCount : result.enqueued;
  const departed =
    departedAccountIds.length === 0
      ? ''
      : `; ${departedAccountIds.length} departed accounts ${dryRun ? 'would be' : 'were'} forgotten`;
  if (dryRun) {
    const hint = driftCount === 0 ? '' : ' (run again with --apply to apply them)';
    io.stderr.write(
      `${c.yellow('dry run')}: ${driftCount} operations needed${hint}; nothing changed${departed}\n`,
    );
    return;
  }
  const queue = ports.localQueue;
  if (queue === null) {
    io.stderr.write(
      `${c.green('enqueued')} ${result.enqueued} operations to ${settings.queueUrl} (run ${result.runId})${departed}\n`,
    );
    return;
  }
  const outcome = await remote('executing the operations', () =>
    executeLocally(queue, ports, rules),
  );
  const line = `${outcome.applied} applied, ${outcome.alreadyInState} already in state, ${outcome.pending} still in progress, ${outcome.failed.length} failed`;
  if (outcome.failed.length > 0) {
    throw new RemoteError(`executed ${driftCount} operations: ${line}${departed}`, outcome.failed);
  }
  io.stderr.write(`${c.green('executed')} ${driftCount} operations: ${line}${departed}\n`);
}
