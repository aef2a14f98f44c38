/**
 * Engine and CLI benchmarks (run with `npx nx run scope-engine:bench`): synthetic organizations of
 * 1k / 10k / 50k accounts with ~1,000 OUs and ~2,000 rules. Prints the figures and the goals
 * (`goals.ts`); exits 1 when a measured goal is not met.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyPlan, planForEvent, Planner, type GovernanceConfig, type OrgSnapshot } from '../src';
import { reportGoals, type Goal } from './goals';
import { cpuTimed, heapMiB, median, now, quantile, table, timed } from './measure';
import { syntheticEvents, syntheticOrg, withDrift } from './synthetic-org';

/** Organization sizes; `BENCH_SIZES=1000` gives a quick smoke run. */
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,50000').split(',').map(Number);
const OUS = 1_000;
const RULES = 2_000;
const RUNS = 3;
const EVENTS = 5_000;
const CLI = resolve(
  process.env['ORGCTL_BIN'] ?? join(process.cwd(), 'apps', 'cli', 'bin', 'orgctl.js'),
);

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(ms >= 10 ? 1 : 2));

function engineRow(accounts: number) {
  const empty = heapMiB();
  const generated = syntheticOrg({ accounts, ous: OUS, rules: RULES });
  const config = generated.config;
  // First run: almost nothing provisioned yet, so the plan provisions everything.
  const firstRun = timed(() => Planner.create(generated.snapshot, config).planReconcile());
  // Daily run: converged, then a day of drift.
  const snapshot = withDrift(applyPlan(generated.snapshot, firstRun.result));
  const base = heapMiB();
  const snapshotHeap = base - empty;
  const desired = median(
    Array.from(
      { length: RUNS },
      () =>
        timed(() => {
          const planner = Planner.create(snapshot, config);
          for (const account of snapshot.accounts) planner.desiredState(account);
        }).ms,
    ),
  );
  Planner.create(snapshot, config).planReconcile(); // warm-up
  const runs = Array.from({ length: RUNS }, () =>
    cpuTimed(() => Planner.create(snapshot, config).planReconcile()),
  );
  // What planning adds on top of the snapshot: the planner's indexes and the plan it returns.
  const planner = Planner.create(snapshot, config);
  const plan = planner.planReconcile();
  const retained = heapMiB() - base;
  if (planner.snapshot !== snapshot) throw new Error('unreachable'); // keeps the planner alive until here
  return {
    snapshot,
    config,
    accounts,
    desired,
    reconcile: median(runs.map((r) => r.ms)),
    reconcileCpu: median(runs.map((r) => r.cpuMs)),
    retained,
    snapshotHeap,
    operations: plan.operations.length,
    skipped: plan.skipped.length,
    firstRun: firstRun.ms,
    firstRunOperations: firstRun.result.operations.length,
  };
}

function eventLatency(snapshot: OrgSnapshot, config: GovernanceConfig) {
  const events = syntheticEvents(snapshot, EVENTS + 500);
  const setup = timed(() => Planner.create(snapshot, config));
  const planner = setup.result;
  for (const event of events.slice(0, 500)) planner.planForEvent(event); // warm-up (lazy indexes, JIT)
  const latencies = events.slice(500).map((event) => {
    const start = now();
    planner.planForEvent(event);
    return now() - start;
  });
  const oneShot = events
    .slice(0, 20)
    .map((event) => timed(() => planForEvent(snapshot, config, event)).ms);
  return {
    setup: setup.ms,
    median: median(latencies),
    p99: quantile(latencies, 0.99),
    max: Math.max(...latencies),
    oneShot: median(oneShot),
  };
}

function cliProcess(snapshot: OrgSnapshot, config: GovernanceConfig) {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-bench-'));
  try {
    const org = join(dir, 'org.json');
    const governance = join(dir, 'governance.yaml');
    writeFileSync(org, JSON.stringify(snapshot));
    writeFileSync(governance, toYaml(config));
    // `times` (bash) prints the CPU time of the finished child: a figure the machine's load barely moves.
    const command = `"${process.execPath}" "${CLI}" plan --org "${org}" --config "${governance}" --reconcile --format json > /dev/null; code=$?; times; exit $code`;
    const runs = Array.from({ length: RUNS }, () => {
      const start = now();
      const result = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
      const ms = now() - start;
      if (result.status !== 0)
        throw new Error(`orgctl exited ${String(result.status)}: ${result.stderr}`);
      const child = /\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(result.stdout);
      const cpuMs = child
        ? (Number(child[1]) * 60 + Number(child[2]) + Number(child[3]) * 60 + Number(child[4])) *
          1000
        : Number.NaN;
      return { ms, cpuMs };
    });
    return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** governance.yaml as users write it: block lists, one flow mapping per rule. */
function toYaml(config: GovernanceConfig): string {
  const list = (name: string, items: readonly unknown[]) =>
    [`${name}:`, ...items.map((i) => `  - ${JSON.stringify(i)}`)].join('\n');
  return [
    `settings: ${JSON.stringify(config.settings)}`,
    list('scpRules', config.scpRules),
    list('assignmentRules', config.assignmentRules),
    list('notifications', config.notifications),
    '',
  ].join('\n');
}

function main(): void {
  const cliBuilt = existsSync(join(CLI, '..', '..', 'dist', 'orgctl.js'));
  process.stdout.write(
    `scope-engine benchmarks: node ${process.version}, ${OUS} OUs, ${RULES} rules, median of ${RUNS} runs\n\n`,
  );
  const rows = [];
  const cli = new Map<number, { ms: number; cpuMs: number }>();
  let events: ReturnType<typeof eventLatency> | undefined;
  for (const accounts of SIZES) {
    const row = engineRow(accounts);
    rows.push(row);
    if ((accounts >= 10_000 || SIZES.length === 1) && cliBuilt)
      cli.set(accounts, cliProcess(row.snapshot, row.config));
    if (accounts === SIZES[SIZES.length - 1]) events = eventLatency(row.snapshot, row.config);
  }
  process.stdout.write(
    `${table(
      [
        'accounts',
        'desired state ms',
        'reconcile ms',
        'reconcile CPU ms',
        'heap MiB: snapshot + plan',
        'operations',
        'skipped',
        'first run ms (ops)',
        'orgctl ms (CPU)',
      ],
      rows.map((r) => {
        const c = cli.get(r.accounts);
        return [
          String(r.accounts),
          fmt(r.desired),
          fmt(r.reconcile),
          fmt(r.reconcileCpu),
          `${r.snapshotHeap.toFixed(0)} + ${r.retained.toFixed(0)}`,
          String(r.operations),
          String(r.skipped),
          `${fmt(r.firstRun)} (${r.firstRunOperations})`,
          c ? `${fmt(c.ms)} (${fmt(c.cpuMs)})` : cliBuilt ? '-' : 'not built',
        ];
      }),
    )}\n\n`,
  );
  const r10 = rows.find((r) => r.accounts === 10_000);
  const r50 = rows.find((r) => r.accounts === 50_000);
  if (r10 && r50) {
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    process.stdout.write(
      `50k / 10k reconcile plan: ${ratio(r50.reconcile, r10.reconcile)}x wall, ${ratio(r50.reconcileCpu, r10.reconcileCpu)}x CPU\n`,
    );
  }
  if (events) {
    process.stdout.write(
      `per-event plan on the ${SIZES[SIZES.length - 1] ?? 0}-account org (${EVENTS} events, Planner built once in ${fmt(events.setup)} ms): ` +
        `median ${events.median.toFixed(3)} ms, p99 ${events.p99.toFixed(3)} ms, max ${events.max.toFixed(2)} ms; ` +
        `one-shot planForEvent(snapshot, config, event) incl. indexing: median ${fmt(events.oneShot)} ms\n`,
    );
  }
  if (!cliBuilt)
    process.stdout.write(
      `(build the CLI with \`npx nx run cli:build\` to time the orgctl process)\n`,
    );
  const notRun = 'not run (BENCH_SIZES has no 10000)';
  const goals: Goal[] = [
    {
      name: `reconcile plan, 10,000 accounts × ${RULES} rules`,
      limit: 1_000,
      unit: 'ms',
      measured: r10?.reconcile,
      notMeasured: notRun,
    },
    {
      name: '50k / 10k reconcile plan (wall)',
      limit: 5.5,
      unit: '×',
      measured: r10 && r50 ? r50.reconcile / r10.reconcile : undefined,
      notMeasured: 'not run (BENCH_SIZES needs 10000 and 50000)',
    },
    {
      name: `per-event plan median, ${SIZES[SIZES.length - 1] ?? 0}-account org`,
      limit: 2,
      unit: 'ms',
      measured: events?.median,
    },
    {
      name: 'orgctl plan --reconcile process, 10,000 accounts (wall)',
      limit: 3_000,
      unit: 'ms',
      measured: cli.get(10_000)?.ms,
      notMeasured: cliBuilt ? notRun : 'not measured (the CLI is not built)',
    },
  ];
  const { text, allMet } = reportGoals(goals);
  process.stdout.write(`\n${text}`);
  if (!allMet) process.exitCode = 1;
}

main();
