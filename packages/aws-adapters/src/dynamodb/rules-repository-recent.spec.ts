import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GovernanceConfig, ScpRule } from '@org/scope-engine';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import type { StoredItem } from './document-calls';
import { generationMetaItem, newGeneration } from './generation-items';
import { ruleItem } from './rule-items';
import { DynamoDbRulesRepository } from './rules-repository';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const MINUTE = 60_000;
const NOW = Date.parse('2026-01-02T00:00:00.000Z');

const rule = (id: string): ScpRule => ({
  id,
  policies: ['DenyLeaveOrg'],
  scope: { type: 'root' },
  exclude: { accounts: [], ous: [] },
});

/** A configuration with one root SCP rule per id. */
const withRules = (...ids: string[]): GovernanceConfig => ({
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: ids.map(rule),
  assignmentRules: [],
  notifications: [],
});

/** The rule items and the META item `save` writes for `config` as `version` in `generation`. */
function generationItems(generation: string, config: GovernanceConfig, version: number) {
  const { rules, meta } = newGeneration(config, version, `t${version}`);
  return {
    rules: rules.map((stored) => ruleItem(generation, stored)),
    meta: generationMetaItem(generation, meta),
  };
}

/** What the table answers for `generation`: its rule items, and its META item if any. */
function onGeneration(
  generation: string,
  items: { readonly rules: readonly StoredItem[]; readonly meta?: StoredItem },
): void {
  ddbMock
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `GEN#${generation}` } })
    .resolves({ Items: [...items.rules] });
  ddbMock
    .on(GetCommand, { Key: { pk: `GEN#${generation}#META`, sk: 'META' } })
    .resolves(items.meta === undefined ? {} : { Item: items.meta });
}

/** The table's pointer. */
function onPointer(item: StoredItem | undefined): void {
  ddbMock
    .on(GetCommand, { Key: { pk: 'CONFIG', sk: 'CURRENT' } })
    .resolves(item === undefined ? {} : { Item: item });
}

const repository = () =>
  new DynamoDbRulesRepository(client, {
    tableName: 'rules',
    retryPolicy: FAST_RETRY,
    now: () => NOW,
  });

const queried = () =>
  ddbMock
    .commandCalls(QueryCommand)
    .map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk'])
    .sort();

beforeEach(() => {
  ddbMock.reset();
});

describe('DynamoDbRulesRepository.loadRecent', () => {
  it('returns the generations superseded within the grace period, whole and newest first', async () => {
    onPointer({
      pk: 'CONFIG',
      sk: 'CURRENT',
      version: 5,
      generation: 'g5',
      retired: [
        { generation: 'g1', retiredAt: NOW - 95 * MINUTE }, // past the grace period: not read
        { generation: 'g2', retiredAt: NOW - 30 * MINUTE },
        { generation: 'g3', retiredAt: NOW - 20 * MINUTE },
        { generation: 'old', retiredAt: NOW - 10 * MINUTE }, // an older writer's: no META
        { generation: 'g4', retiredAt: NOW - 1 * MINUTE },
      ],
    });
    onGeneration('g2', generationItems('g2', withRules('a'), 2));
    onGeneration('g3', generationItems('g3', withRules('a', 'b'), 3));
    onGeneration('old', { rules: generationItems('old', withRules('c'), 9).rules });
    // Being deleted by a later save: one of its two rule items is gone already.
    const g4 = generationItems('g4', withRules('a', 'd'), 4);
    onGeneration('g4', { ...g4, rules: g4.rules.slice(1) });
    const recent = await repository().loadRecent();
    expect({
      recent: recent.map((stored) => ({
        version: stored.version,
        updatedAt: stored.updatedAt,
        rules: stored.config.scpRules.map((r) => r.id),
      })),
      queried: queried(),
    }).toStrictEqual({
      recent: [
        { version: 3, updatedAt: 't3', rules: ['a', 'b'] },
        { version: 2, updatedAt: 't2', rules: ['a'] },
      ],
      queried: ['GEN#g2', 'GEN#g3', 'GEN#g4', 'GEN#old'],
    });
  });

  it('leaves out a superseded generation that does not validate', async () => {
    onPointer({ version: 2, generation: 'g2', retired: [{ generation: 'g1', retiredAt: NOW }] });
    const g1 = generationItems('g1', withRules('a'), 1);
    onGeneration('g1', { ...g1, meta: { ...g1.meta, settings: { maxScpsPerTarget: 'many' } } });
    await expect(repository().loadRecent()).resolves.toStrictEqual([]);
  });

  it('knows nothing superseded before the first save, nor without retired generations', async () => {
    ddbMock
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { version: 1, generation: 'g1' } });
    const results = [await repository().loadRecent(), await repository().loadRecent()];
    expect({ results, queried: queried() }).toStrictEqual({ results: [[], []], queried: [] });
  });
});

describe('DynamoDbRulesRepository.load with META items', () => {
  it('reads the current rule items only, never the META item', async () => {
    const { rules, meta } = generationItems('g1', withRules('a', 'b'), 1);
    onPointer({ ...meta, pk: 'CONFIG', sk: 'CURRENT', generation: 'g1' });
    onGeneration('g1', { rules, meta });
    const loaded = await repository().load();
    expect({
      config: loaded?.config,
      gets: ddbMock.commandCalls(GetCommand).map((call) => call.args[0].input.Key?.['pk']),
    }).toStrictEqual({ config: withRules('a', 'b'), gets: ['CONFIG'] });
  });
});
