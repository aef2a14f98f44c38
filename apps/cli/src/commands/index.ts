import type { CliCommand } from './cli-command';
import { pauseCommand } from './pause-command';
import { planCommand } from './plan-command';
import { reconcileCommand } from './reconcile-command';
import { redriveCommand } from './redrive-command';
import { reportCommand } from './report-command';
import { resumeCommand } from './resume-command';
import { rulesCommand } from './rules-command';
import { statusCommand } from './status-command';
import { tagsCommand } from './tags-command';
import { validateCommand } from './validate-command';

export type { CliCommand, CommandContext } from './cli-command';

/**
 * Every sub-command, in help order. A new command is one file in this folder plus one entry here.
 */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  planCommand,
  reconcileCommand,
  rulesCommand,
  reportCommand,
  pauseCommand,
  resumeCommand,
  statusCommand,
  redriveCommand,
  tagsCommand,
];
