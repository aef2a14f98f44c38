import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  createTableInput,
  DynamoDbTagLedgerStore,
  TAG_LEDGER_TABLE,
} from '@org/aws-adapters/dynamodb';
import { emulatorEndpoint } from '@org/emulators';
import { run } from '../helpers/run';
import { seedLiveOrg, TABLES, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

/**
 * `orgctl tags trust-existing` against moto and DynamoDB Local: the current values of the
 * governed keys are recorded in the tag ledger as set by the caller (STS) or `--as`.
 */
const CONNECTION = {
  region: 'us-east-1',
  endpoint: emulatorEndpoint('moto'),
  dynamodbEndpoint: emulatorEndpoint('dynamodb'),
};
const LEDGER = 'tag-ledger';
const PLATFORM = 'arn:aws:iam::111111111111:role/Platform';

let live: LiveOrg;
let ledger: DynamoDbTagLedgerStore;
beforeAll(async () => {
  live = await seedLiveOrg();
  const clients = live.aws(CONNECTION);
  await clients.dynamodb.send(new CreateTableCommand(createTableInput(TAG_LEDGER_TABLE, LEDGER)));
  ledger = new DynamoDbTagLedgerStore(clients.documents, { tableName: LEDGER });
  await live.rules.save(
    {
      ...live.config,
      settings: { ...live.config.settings, trustedTagPrincipals: [PLATFORM] },
    },
    0,
    '2026-12-06T00:00:00.000Z',
  );
});

const args = (...extra: string[]) => [
  'tags',
  'trust-existing',
  '--endpoint-url',
  CONNECTION.endpoint,
  '--dynamodb-endpoint-url',
  CONNECTION.dynamodbEndpoint,
  '--region',
  'us-east-1',
  '--tag-ledger-table',
  LEDGER,
  ...extra,
];

/** The tags of the seeded accounts for `keys`, as the ledger should record them. */
function expectedValues(keys: readonly string[], accountIds?: readonly string[]) {
  return live.seeded.snapshot.accounts
    .filter((account) => accountIds === undefined || accountIds.includes(account.id))
    .flatMap((account) =>
      keys.flatMap((key) => {
        const value = account.tags[key];
        return value === undefined ? [] : [`${account.id} ${key}=${value}`];
      }),
    )
    .sort();
}

const recorded = async () =>
  (await ledger.entriesForAll())
    .map((entry) => `${entry.accountId} ${entry.key}=${entry.value} by ${entry.setBy}`)
    .sort();

describe('orgctl tags trust-existing', () => {
  it('records every governed key of every account as set by the caller, and warns that the caller is not trusted', async () => {
    const caller = await new STSClient({ ...CONNECTION }).send(new GetCallerIdentityCommand({}));
    const result = await run(args('--rules-table', TABLES.rules), { aws: live.aws });
    const values = expectedValues(['env', 'team']);
    expect({
      code: result.code,
      stdout: result.stdout,
      warned: result.stderr.includes('is not among settings.trustedTagPrincipals'),
      ledger: await recorded(),
    }).toStrictEqual({
      code: 0,
      stdout: `recorded ${values.length} tag values (env, team) on ${new Set(values.map((v) => v.split(' ')[0])).size} of ${live.seeded.snapshot.accounts.length} accounts as set by ${caller.Arn}\n`,
      warned: true,
      ledger: values.map((value) => `${value} by ${caller.Arn}`),
    });
  });

  it('--accounts, --keys and --as narrow what is recorded, and a trusted --as is not warned about', async () => {
    const account = live.seeded.snapshot.accounts.find((a) => a.tags['env'] !== undefined);
    const id = account?.id ?? '';
    const result = await run(
      args('--rules-table', TABLES.rules, '--accounts', id, '--keys', 'env', '--as', PLATFORM),
      { aws: live.aws },
    );
    expect({
      code: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      env: (await recorded()).filter((line) => line.startsWith(`${id} env=`)),
    }).toStrictEqual({
      code: 0,
      stdout: `recorded 1 tag values (env) on 1 of 1 accounts as set by ${PLATFORM}\n`,
      stderr: '',
      env: [`${expectedValues(['env'], [id])[0]} by ${PLATFORM}`],
    });
  });

  it('refuses to run without a ledger table or without keys (exit 2), and an unknown account (exit 3)', async () => {
    const noTable = await run(['tags', 'trust-existing', '--keys', 'env'], { aws: live.aws });
    const noKeys = await run(args(), { aws: live.aws });
    const unknown = await run(args('--keys', 'env', '--accounts', '999999999999'), {
      aws: live.aws,
    });
    expect([noTable.code, noKeys.code, unknown.code, unknown.stderr]).toStrictEqual([
      2,
      2,
      3,
      expect.stringContaining('999999999999'),
    ]);
  });
});
