/**
 * Benchmark: reading a moto organization of 220 accounts in 24 nested OUs over HTTP with the
 * Organizations adapter — wall time and API calls per account, for several concurrency limits,
 * plus the single-account read the events processor does.
 *
 * Run: `npx nx run aws-adapters:bench` (BENCH_ACCOUNTS / BENCH_OUS / BENCH_ROUNDS override).
 * moto answers in-process and serially, so absolute times measure the adapter plus moto; the
 * API-call counts are what carries over to AWS (Organizations throttles per call).
 */
import { createMotoClients, generateOrgSnapshot, seedSnapshot, startMoto } from '@org/emulators';
import { OrganizationsAdapter } from '../src/organizations';
import { ApiCallCounter } from '../src/util';

const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 220);
const OUS = Number(process.env['BENCH_OUS'] ?? 24);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const moto = await startMoto();
  try {
    const clients = createMotoClients(undefined, { endpoint: moto.endpoint });
    const seedStart = now();
    const seeded = await seedSnapshot(
      clients,
      generateOrgSnapshot({ accounts: ACCOUNTS, organizationalUnits: OUS }),
    );
    const accounts = seeded.snapshot.accounts.length;
    console.log(
      `seeded ${accounts} accounts, ${seeded.snapshot.organizationalUnits.length} OUs in moto in ${((now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const counter = new ApiCallCounter().instrument(clients.organizations);
    const rows: string[][] = [
      ['read', 'concurrency', 'median ms', 'ms/account', 'API calls', 'calls/account'],
    ];
    for (const concurrency of [1, 4, 8, 16]) {
      const adapter = new OrganizationsAdapter(clients.organizations, { concurrency });
      const times: number[] = [];
      let calls = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        counter.reset();
        const start = now();
        const structure = await adapter.readSnapshotStructure();
        times.push(now() - start);
        calls = counter.total();
        if (structure.accounts.length !== accounts)
          throw new Error(`read ${structure.accounts.length} accounts`);
      }
      const ms = median(times);
      rows.push([
        'full snapshot',
        String(concurrency),
        ms.toFixed(0),
        (ms / accounts).toFixed(2),
        String(calls),
        (calls / accounts).toFixed(2),
      ]);
    }
    const adapter = new OrganizationsAdapter(clients.organizations);
    const deepest = seeded.ids.get(`${200_000_000_000 + OUS - 1}`);
    await adapter.readAccountStructure(deepest);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS * 5; round += 1) {
      counter.reset();
      const start = now();
      await adapter.readAccountStructure(deepest);
      times.push(now() - start);
    }
    rows.push([
      'one account (cached SCP list)',
      '-',
      median(times).toFixed(1),
      '-',
      String(counter.total()),
      '-',
    ]);
    console.log(table(rows));
    console.log(
      `by command (last single-account read): ${JSON.stringify(Object.fromEntries(counter.byCommand))}`,
    );
  } finally {
    await moto.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
