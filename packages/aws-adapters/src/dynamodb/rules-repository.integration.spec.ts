/**
 * Rules swaps under concurrent readers, against DynamoDB Local (AWS's own engine, strongly
 * consistent reads and real pagination): every load returns exactly one complete generation,
 * superseded generations are deleted only once their grace period has passed, and until then
 * `loadRecent` reads them back as they were saved.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput, TABLE_DESIGNS } from '@org/contracts';
import { createDynamoDbClients, type DynamoDbClients } from '@org/emulators';
import { type GovernanceConfig, sameGovernanceConfig, type ScpRule } from '@org/scope-engine';
import type { StoredGovernanceConfig } from '@org/governance-runtime';
import { exampleGovernance } from '../../test/support/examples';
import { scanAll, tableAccess } from './document-calls';
import { DynamoDbRulesRepository } from './rules-repository';

jest.setTimeout(120_000);

const FAST = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 50 };
/** DynamoDB Local keeps tables per access key: every client here shares one. */
const NAMESPACE = `rulesswap${process.pid}`;
let clients: DynamoDbClients;
let tables = 0;

/**
 * Clients whose queries start up to `maxMs` late, as a Lambda paused between reading the pointer
 * and reading the generation would: it widens the window in which a save can swap the pointer.
 */
function slowQueryClients(maxMs: number): DynamoDbClients {
  const slow = createDynamoDbClients(NAMESPACE);
  slow.documents.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs));
      }
      return next(args);
    },
    { step: 'initialize', name: 'slowQueries' },
  );
  return slow;
}

async function freshTable(): Promise<string> {
  tables += 1;
  const name = `rules-swap-${tables}`;
  await clients.dynamodb.send(new CreateTableCommand(createTableInput(TABLE_DESIGNS.rules, name)));
  return name;
}

/**
 * A repository on a fresh table that keeps superseded generations 60 s, on a clock starting at
 * 2026-03-01T00:00Z that moves only by `advance(ms)`; `at()` is the clock's time as saved.
 */
async function clockedRepository() {
  const tableName = await freshTable();
  let now = Date.parse('2026-03-01T00:00:00.000Z');
  const rules = new DynamoDbRulesRepository(clients.documents, {
    tableName,
    retryPolicy: FAST,
    retiredGenerationGraceMs: 60_000,
    now: () => now,
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { tableName, rules, advance, at: () => new Date(now).toISOString() };
}

/** The example configuration with `extra` more root SCP rules (a bigger generation). */
function withExtraRules(extra: number): GovernanceConfig {
  const base = exampleGovernance();
  const template = base.scpRules[0] as ScpRule;
  const more = Array.from({ length: extra }, (_, i) => ({
    ...template,
    id: `extra-${String(i).padStart(3, '0')}`,
  }));
  return { ...base, scpRules: [...base.scpRules, ...more] };
}

const ruleIds = (config: GovernanceConfig): string[] =>
  [...config.scpRules, ...config.assignmentRules].map((rule) => rule.id).sort();

beforeAll(() => {
  clients = createDynamoDbClients(NAMESPACE);
});

describe('DynamoDbRulesRepository swaps', () => {
  it('gives every load and scope lookup, during repeated saves, exactly one complete generation', async () => {
    const tableName = await freshTable();
    const repository = (documents = clients.documents) =>
      new DynamoDbRulesRepository(documents, { tableName, retryPolicy: FAST });
    // Odd versions hold the small configuration, even versions the large one (several batches).
    const small = exampleGovernance();
    const large = withExtraRules(40);
    const expectedIds = (version: number) => ruleIds(version % 2 === 1 ? small : large);
    const saves = 16;
    let saving = true;
    let completedSaves = 0;
    const writer = (async () => {
      const rules = repository();
      for (let version = 1; version <= saves; version += 1) {
        await rules.save(version % 2 === 1 ? small : large, version - 1, new Date().toISOString());
        completedSaves = version;
      }
      saving = false;
    })();
    const loads: StoredGovernanceConfig[] = [];
    const reader = async () => {
      const rules = repository(slowQueryClients(60).documents);
      while (saving) {
        const loaded = await rules.load();
        if (loaded !== null) loads.push(loaded);
      }
    };
    const rootLookups: string[] = [];
    const scopeReader = async () => {
      const rules = repository(slowQueryClients(60).documents);
      while (saving) {
        // Nothing is stored before the first save completes: only then may a lookup be empty.
        const afterFirstSave = completedSaves > 0;
        const found = await rules.findByScope({ type: 'root' });
        const ids = found.map((stored) => stored.rule.id).sort();
        if (afterFirstSave || ids.length > 0) rootLookups.push(ids.join());
      }
    };
    await Promise.all([writer, reader(), reader(), reader(), scopeReader(), scopeReader()]);
    const rootIds = (config: GovernanceConfig) =>
      [...config.scpRules, ...config.assignmentRules]
        .filter((rule) => rule.scope.type === 'root')
        .map((rule) => rule.id)
        .sort()
        .join();
    const complete = new Set([rootIds(small), rootIds(large)]);
    const wrong = loads.filter(
      (loaded) =>
        ruleIds(loaded.config).join() !== expectedIds(loaded.version).join() ||
        loaded.config.settings.maxScpsPerTarget !== small.settings.maxScpsPerTarget,
    );
    expect({
      loadsDuringSaves: loads.length >= saves,
      versionsSeen: new Set(loads.map((loaded) => loaded.version)).size > 1,
      wrong: wrong.map((loaded) => `v${loaded.version}: ${ruleIds(loaded.config).length} rules`),
      lookupsDuringSaves: rootLookups.length >= saves,
      partialLookups: rootLookups.filter((ids) => !complete.has(ids)),
    }).toStrictEqual({
      loadsDuringSaves: true,
      versionsSeen: true,
      wrong: [],
      lookupsDuringSaves: true,
      partialLookups: [],
    });
  });

  it('deletes a superseded generation only after the grace period, and never the current one', async () => {
    const { tableName, rules, advance, at } = await clockedRepository();
    const generations = async () => {
      const items = await scanAll(tableAccess(clients.documents, { tableName }), {
        ProjectionExpression: 'pk',
      });
      // A generation's META item (`GEN#<generation>#META`) counts as that generation.
      const pks = items.map((item) => String(item['pk']).replace(/#META$/, ''));
      return new Set(pks.filter((pk) => pk !== 'CONFIG')).size;
    };
    const config = exampleGovernance();
    const counts: number[] = [];
    for (let version = 1; version <= 4; version += 1) {
      await rules.save(config, version - 1, at());
      counts.push(await generations());
      advance(30_000);
    }
    advance(60_000);
    await rules.save(config, 4, at());
    counts.push(await generations());
    expect({ counts, loaded: ruleIds((await rules.load())?.config ?? config) }).toStrictEqual({
      // 1 → 2 → 3 → 3 (the first expired) → 2 (all but the current and the one just superseded)
      counts: [1, 2, 3, 3, 2],
      loaded: ruleIds(config),
    });
  });

  it('reads back the generations superseded within the grace period, newest first, as saved', async () => {
    const { rules, advance, at } = await clockedRepository();
    const full = withExtraRules(30); // more than one page of a batch write
    const removed: GovernanceConfig = { ...full, scpRules: full.scpRules.slice(1) };
    const seen = async () =>
      (await rules.loadRecent()).map((stored) => ({
        version: stored.version,
        ids: ruleIds(stored.config).length,
        same: sameGovernanceConfig(stored.config, stored.version === 2 ? removed : full),
      }));
    const before = await seen();
    // A rule removed, then the removal reverted, 10 seconds apart.
    await rules.save(full, 0, at());
    advance(10_000);
    await rules.save(removed, 1, at());
    advance(10_000);
    await rules.save(full, 2, at());
    const afterRevert = await seen();
    advance(55_000); // version 1 was superseded 65 s ago, version 2 55 s ago
    const later = await seen();
    advance(10_000);
    const expired = await seen();
    expect({
      before,
      afterRevert,
      later,
      expired,
      current: (await rules.load())?.version,
    }).toStrictEqual({
      before: [],
      afterRevert: [
        { version: 2, ids: ruleIds(removed).length, same: true },
        { version: 1, ids: ruleIds(full).length, same: true },
      ],
      later: [{ version: 2, ids: ruleIds(removed).length, same: true }],
      expired: [],
      current: 3,
    });
  });
});
