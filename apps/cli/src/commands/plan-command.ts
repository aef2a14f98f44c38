import { EventSnapshotMismatchError, Planner, type Plan } from '@org/scope-engine';
import { Option } from 'commander';
import { InputError, UsageError } from '../errors';
import { writePlan } from '../format/write-plan';
import { loadEvent } from '../input/load-event';
import { loadConfig, loadSnapshot } from '../input/load-inputs';
import type { CliCommand } from './cli-command';

interface PlanOptions {
  readonly org: string;
  readonly config: string;
  readonly event?: string;
  readonly reconcile?: boolean;
  readonly format?: 'json' | 'table';
}

/**
 * `orgctl plan --org org.yaml --config governance.yaml (--event event.json | --reconcile)
 * [--format json|table]`: prints the plan (docs/execution-semantics.md). `json` is exactly the plan object
 * (the queue message body); `table` is the default on a TTY.
 */
export const planCommand: CliCommand = (program, { io }) => {
  program
    .command('plan')
    .description(
      'print the plan for one raw event (--event) or for the whole organization (--reconcile)',
    )
    .requiredOption('--org <file>', 'organization snapshot (YAML or JSON)')
    .requiredOption('--config <file>', 'governance configuration (YAML or JSON)')
    .option('--event <file>', 'one raw EventBridge event (JSON)')
    .option('--reconcile', 'plan every account of the organization')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: table on a terminal, else json)',
      ).choices(['json', 'table']),
    )
    .action((options: PlanOptions) => {
      if ((options.event === undefined) === (options.reconcile !== true)) {
        throw new UsageError('give exactly one of --event <file> or --reconcile');
      }
      const snapshot = loadSnapshot(io, options.org).value;
      const config = loadConfig(io, options.config).value;
      const outcome = options.event === undefined ? undefined : loadEvent(io, options.event);
      const planner = Planner.create(snapshot, config);
      let plan: Plan;
      try {
        plan = outcome === undefined ? planner.planReconcile() : planner.planForOutcome(outcome);
      } catch (error) {
        if (error instanceof EventSnapshotMismatchError)
          throw new InputError(error.message, [], { cause: error });
        throw error;
      }
      const event = outcome?.kind === 'event' ? outcome.event : undefined;
      writePlan(io, plan, {
        snapshot,
        ...(event ? { event } : {}),
        ...(options.format ? { format: options.format } : {}),
      });
    });
};
