import { Planner } from '@org/scope-engine';
import { Option } from 'commander';
import { UsageError } from '../errors';
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
  readonly ownRole: readonly string[];
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/**
 * `orgctl plan --org org.yaml --config governance.yaml (--event event.json | --reconcile)
 * [--own-role <arn>]… [--format json|table]`: prints the plan (docs/execution-semantics.md). `json` is exactly the plan object
 * (the queue message body); `table` is the default on a TTY. `--own-role` names the product's
 * IAM roles (worker, reconciler, processor): a policy or assignment change made by one of them,
 * or by an assumed-role session of one, is the product's own and ignored (`OwnChange`); any other
 * caller's change is out of band.
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
    .option(
      '--own-role <arn>',
      'an IAM role ARN of the product (repeatable): its own policy and assignment changes are ignored (OwnChange)',
      collect,
      [],
    )
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
      const outcome =
        options.event === undefined ? undefined : loadEvent(io, options.event, options.ownRole);
      const planner = Planner.create(snapshot, config);
      const plan =
        outcome === undefined ? planner.planReconcile() : planner.planForOutcome(outcome);
      const event = outcome?.kind === 'event' ? outcome.event : undefined;
      writePlan(io, plan, {
        snapshot,
        ...(event ? { event } : {}),
        ...(options.format ? { format: options.format } : {}),
      });
    });
};
