/**
 * `orgctl tags trust-existing`: records the current values of the governed tag keys in the tag
 * ledger as set by the caller, so values present before `trustedTagPrincipals` was configured
 * count as trusted (when the caller — or `--as` — is a trusted principal).
 */
import type { Account } from '@org/scope-engine';
import { isTrustedPrincipal } from '@org/scope-engine';
import {
  type Clock,
  type RulesRepository,
  type TagLedger,
  type TagLedgerChange,
  tagKeysOf,
} from '@org/governance-runtime';
import { RemoteError, UsageError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { colorsFor } from '../io/colors';
import { remote } from '../live/live-command';
import { systemClock } from '../live/live-ports';
import { LIVE_ENV, optionOrEnv, type LiveOptions } from '../live/live-settings';

/** The options of `orgctl tags trust-existing`. */
export interface TrustExistingOptions extends Pick<
  LiveOptions,
  'region' | 'endpointUrl' | 'dynamodbEndpointUrl'
> {
  readonly tagLedgerTable?: string;
  readonly rulesTable?: string;
  /** Account ids (repeated or comma-separated). @default every account of the organization */
  readonly accounts?: readonly string[];
  /** Tag keys (repeated or comma-separated). @default the keys of the stored accountTag rules */
  readonly keys?: readonly string[];
  /** Record the values as set by this principal ARN. @default the caller (STS GetCallerIdentity) */
  readonly as?: string;
}

/** What the command reads and writes. */
export interface TrustExistingPorts {
  readonly organizations: {
    readAccount(accountId: string): Promise<Account | null>;
    readSnapshotStructure(): Promise<{ readonly accounts: readonly Account[] }>;
  };
  readonly ledger: Pick<TagLedger, 'record'>;
  rules(tableName: string): Pick<RulesRepository, 'load'>;
  /** The ARN of whoever runs the command. */
  callerArn(): Promise<string>;
}

/** Environment variable standing in for `--tag-ledger-table`. */
export const TAG_LEDGER_TABLE_ENV = ['ORGCTL_TAG_LEDGER_TABLE'] as const;

/** Values given as repeated options and/or comma-separated lists. */
function listOf(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return [...new Set(values.flatMap((value) => value.split(',')).map((v) => v.trim()))].filter(
    (value) => value !== '',
  );
}

/** The governed keys: `--keys`, else the tag keys of every accountTag rule stored. */
async function governedKeys(
  io: CliIo,
  options: TrustExistingOptions,
  ports: TrustExistingPorts,
): Promise<{ keys: string[]; trusted: readonly string[] }> {
  const given = listOf(options.keys);
  const rulesTable = optionOrEnv(io, options.rulesTable, LIVE_ENV.rulesTable);
  if (given === undefined && rulesTable === undefined) {
    throw new UsageError(
      'give the tag keys (--keys env,team) or the rules table to read them from (--rules-table <name> or ORGCTL_RULES_TABLE)',
    );
  }
  const stored =
    rulesTable === undefined
      ? null
      : await remote(`reading the rules in ${rulesTable}`, () => ports.rules(rulesTable).load());
  const config = stored?.config ?? null;
  const ruleIds =
    config === null
      ? []
      : [...config.scpRules, ...(config.policyRules ?? []), ...config.assignmentRules].map(
          (rule) => rule.id,
        );
  const keys = given ?? (config === null ? [] : tagKeysOf(config, ruleIds));
  if (keys.length === 0) {
    throw new UsageError(
      'no tag keys to trust: the stored rules have no accountTag rule (give --keys)',
    );
  }
  return { keys, trusted: config?.settings.trustedTagPrincipals ?? [] };
}

/** The accounts to record: `--accounts` (each must exist), else the whole organization. */
async function accountsToRecord(
  options: TrustExistingOptions,
  ports: TrustExistingPorts,
): Promise<readonly Account[]> {
  const ids = listOf(options.accounts);
  if (ids === undefined) {
    return (
      await remote('reading the organization', () => ports.organizations.readSnapshotStructure())
    ).accounts;
  }
  const invalid = ids.filter((id) => !/^\d{12}$/.test(id));
  if (invalid.length > 0) {
    throw new UsageError(`--accounts takes 12-digit account ids, not ${invalid.join(', ')}`);
  }
  const accounts: Account[] = [];
  for (const id of ids) {
    const account = await remote(`reading account ${id}`, () =>
      ports.organizations.readAccount(id),
    );
    if (account === null) throw new RemoteError(`account ${id} is not in the organization`, []);
    accounts.push(account);
  }
  return accounts;
}

/**
 * Records the current values of the governed keys on the chosen accounts as set by the caller
 * (or `--as`), prints how many, and warns when that principal is not trusted by the stored
 * rules (the values would stay untrusted).
 *
 * @example
 * ```ts
 * await trustExisting(io, { keys: ['env'], tagLedgerTable: 'ledger' }, ports);
 * ```
 */
export async function trustExisting(
  io: CliIo,
  options: TrustExistingOptions,
  connectPorts: (table: string) => TrustExistingPorts,
  clock: Clock = systemClock,
): Promise<number> {
  const table = optionOrEnv(io, options.tagLedgerTable, TAG_LEDGER_TABLE_ENV);
  if (table === undefined) {
    throw new UsageError(
      'give the tag ledger table: --tag-ledger-table <name> (or ORGCTL_TAG_LEDGER_TABLE)',
    );
  }
  const ports = connectPorts(table);
  const { keys, trusted } = await governedKeys(io, options, ports);
  const accounts = await accountsToRecord(options, ports);
  const setBy = options.as ?? (await remote('asking STS who you are', () => ports.callerArn()));
  const setAt = new Date(clock.now()).toISOString();
  const changes: TagLedgerChange[] = accounts.flatMap((account) =>
    keys.flatMap((key) => {
      const value = account.tags[key];
      return value === undefined ? [] : [{ accountId: account.id, key, value, setBy, setAt }];
    }),
  );
  await remote(`recording in ${table}`, () => ports.ledger.record(changes));
  const c = colorsFor(io, io.stderr);
  if (trusted.length > 0 && !isTrustedPrincipal(setBy, trusted)) {
    io.stderr.write(
      `${c.yellow('warning')}: ${setBy} is not among settings.trustedTagPrincipals: these values stay untrusted (run as a trusted principal, or give --as <trusted role ARN>)\n`,
    );
  }
  const tagged = new Set(changes.map((change) => change.accountId)).size;
  io.stdout.write(
    `recorded ${changes.length} tag values (${keys.join(', ')}) on ${tagged} of ${accounts.length} accounts as set by ${setBy}\n`,
  );
  return changes.length;
}
