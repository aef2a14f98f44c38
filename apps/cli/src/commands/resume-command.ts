import { addStateOptions } from '../live/live-command';
import { setPause, type PauseOptions } from '../live/pause-switch-change';
import type { CliCommand } from './cli-command';

/**
 * `orgctl resume [--by NAME]`: turns the pause switch off. What events planned while paused was
 * audited, not enqueued: the next reconcile restores it.
 */
export const resumeCommand: CliCommand = (program, { io }) => {
  addStateOptions(program.command('resume'))
    .description('resume the deployed system after orgctl pause')
    .option('--by <name>', 'who resumes (default: USER)')
    .action((options: PauseOptions) => setPause(io, options, false));
};
