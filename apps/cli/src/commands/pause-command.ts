import { addStateOptions } from '../live/live-command';
import { setPause, type PauseOptions } from '../live/pause-switch-change';
import type { CliCommand } from './cli-command';

/**
 * `orgctl pause [--reason TEXT] [--by NAME]`: turns the deployed pause switch on (one item of
 * the provisioned-state table). While paused the org events processor and the reconciler plan
 * and audit without enqueuing, and the operations worker leaves the messages on the queue.
 */
export const pauseCommand: CliCommand = (program, { io }) => {
  addStateOptions(program.command('pause'))
    .description('pause the deployed system: plan and audit only, execute nothing')
    .option('--reason <text>', 'why (shown by orgctl status)')
    .option('--by <name>', 'who pauses (default: USER)')
    .action((options: PauseOptions) => setPause(io, options, true));
};
