/**
 * Reconcile parity: the sharded use-cases (prepare, each shard, finish — what the deployed state
 * machine's steps run, and what `orgctl reconcile` and the local stack drive in process with
 * `runShardedReconcile`) plan, enqueue, hold, forget and keep exactly what the single-pass
 * reference reconcile does, on the example organization and on generated ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGovernanceConfig, parseOrgSnapshot } from '@org/scope-engine';
import { arbConfig, arbOrg } from '@org/scope-engine/testing';
import fc from 'fast-check';
import { bothReconciles } from './reconcile-runs';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');
/** Generated cases of the property. */
const RUNS = Math.max(100, Number(process.env['FC_NUM_RUNS'] ?? 150));

const example = {
  snapshot: parseOrgSnapshot(readFileSync(join(EXAMPLES, 'org.yaml'), 'utf8'), 'examples/org.yaml'),
  config: parseGovernanceConfig(
    readFileSync(join(EXAMPLES, 'governance.yaml'), 'utf8'),
    'examples/governance.yaml',
  ),
};

describe('reconcile parity on the example organization (examples/org.yaml + governance.yaml)', () => {
  it.each([
    { name: 'an applied run, one account per shard', options: { shardSize: 1 } },
    { name: 'a dry run', options: { dryRun: true } },
    { name: 'a run with departed accounts', options: { departed: ['999999999999'] } },
  ])('$name: same plan, queue, departed accounts and directory view', async ({ options }) => {
    const { singlePass, sharded } = await bothReconciles(example.snapshot, example.config, options);
    expect(singlePass.operations.length).toBeGreaterThan(0);
    expect(sharded).toStrictEqual(singlePass);
  });

  it.each([
    { name: 'held over the cap', confirmDestructive: undefined, held: true },
    { name: 'released by a confirmation', confirmDestructive: 1000, held: false },
  ])('detaches and deletes $name alike', async ({ confirmDestructive, held }) => {
    const strict = {
      ...example.config,
      settings: { ...example.config.settings, maxDestructiveOperations: 0 },
    };
    const { singlePass, sharded } = await bothReconciles(example.snapshot, strict, {
      ...(confirmDestructive === undefined ? {} : { confirmDestructive }),
    });
    expect({ held: singlePass.held !== null, same: sharded }).toStrictEqual({
      held,
      same: singlePass,
    });
  });
});

describe('reconcile parity on generated organizations and rules (fast-check)', () => {
  it(`the sharded run plans and enqueues exactly what the single pass does (${RUNS} cases)`, async () => {
    let withOperations = 0;
    await fc.assert(
      fc.asyncProperty(
        arbOrg,
        arbConfig,
        fc.integer({ min: 1, max: 4 }),
        async (org, config, shardSize) => {
          const { singlePass, sharded } = await bothReconciles(org, config, { shardSize });
          withOperations += singlePass.operations.length > 0 ? 1 : 0;
          expect(sharded).toStrictEqual(singlePass);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env['FC_SEED'] ?? 13_2026) },
    );
    expect(withOperations).toBeGreaterThanOrEqual(RUNS / 5);
  });
});
