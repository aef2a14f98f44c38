import { resolveConnection } from '../live/live-settings';
import { addConnectionOptions } from '../live/live-command';
import { trustExisting, type TrustExistingOptions } from '../tags/trust-existing';
import type { CliCommand } from './cli-command';

/**
 * `orgctl tags trust-existing [--accounts ID,…] [--keys KEY,…] [--as ARN]`: records the current
 * values of the governed tag keys in the deployed tag ledger as set by the caller, so tags
 * present before `settings.trustedTagPrincipals` was configured are trusted.
 */
export const tagsCommand: CliCommand = (program, { io }) => {
  const tags = program.command('tags').description('tag trust: the deployed tag ledger');
  addConnectionOptions(tags.command('trust-existing'))
    .description(
      'record the current governed tag values in the tag ledger as set by you (values present before trustedTagPrincipals)',
    )
    .option('--tag-ledger-table <name>', 'tag ledger table (ORGCTL_TAG_LEDGER_TABLE)')
    .option(
      '--rules-table <name>',
      'rules table: the governed keys are those of its accountTag rules (ORGCTL_RULES_TABLE)',
    )
    .option('--accounts <ids...>', 'only these accounts (default: every account)')
    .option('--keys <keys...>', 'only these tag keys (default: the keys the accountTag rules read)')
    .option('--as <arn>', 'record the values as set by this principal (default: the caller)')
    .action(async (options: TrustExistingOptions) => {
      const connection = resolveConnection(io, options);
      const { connectTagTrust } =
        require('../tags/tag-trust-wiring') as typeof import('../tags/tag-trust-wiring');
      await trustExisting(io, options, (table) => connectTagTrust(io, connection, table));
    });
};
