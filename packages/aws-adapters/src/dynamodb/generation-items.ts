/**
 * The items of one rules generation: its rule items (`pk=GEN#<generation>`) and its `META` item
 * (`pk=GEN#<generation>#META`, a partition of its own so that readers of the rule items never
 * see it) recording what the generation was saved as (version, settings, notifications, rule
 * count and hash); read whole, assembled into a configuration, deleted once superseded long
 * enough ago.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { GovernanceConfig } from '@org/scope-engine';
import type { StoredGovernanceConfig, StoredRule } from '@org/governance-runtime';
import { callAws } from '../retry';
import { batchWriteAll, queryAll, type StoredItem, type TableAccess } from './document-calls';
import { plain, revalidate, toStoredRule } from './rule-items';
import {
  byKindThenId,
  type ConfigPointer,
  generationDigest,
  generationMismatch,
  type RetiredGeneration,
} from './rules-generation';

/** The key of `generation`'s `META` item. */
const metaKey = (generation: string) => ({ pk: `GEN#${generation}#META`, sk: 'META' });

/** What a generation was saved as: the pointer's fields that describe it. */
export type GenerationMeta = Pick<
  ConfigPointer,
  'version' | 'updatedAt' | 'settings' | 'notifications' | 'ruleCount' | 'contentHash'
>;

/**
 * The rule items and the `META` record of a new generation storing `config` as `version`.
 *
 * @example
 * ```ts
 * const { rules, meta } = newGeneration(config, 3, new Date().toISOString()); // meta.ruleCount === rules.length
 * ```
 */
export function newGeneration(
  config: GovernanceConfig,
  version: number,
  updatedAt: string,
): { readonly rules: StoredRule[]; readonly meta: GenerationMeta } {
  const rules: StoredRule[] = [
    ...config.scpRules.map((rule) => ({ kind: 'scp' as const, rule: plain(rule) })),
    ...(config.policyRules ?? []).map((rule) => ({ kind: 'policy' as const, rule: plain(rule) })),
    ...config.assignmentRules.map((rule) => ({ kind: 'assignment' as const, rule: plain(rule) })),
  ];
  const meta: GenerationMeta = {
    version,
    updatedAt,
    settings: config.settings,
    notifications: config.notifications,
    ruleCount: rules.length,
    contentHash: generationDigest(rules),
  };
  return { rules, meta };
}

/**
 * The `META` item of `generation` (no `byScope` keys: it is not in the index).
 *
 * @example
 * ```ts
 * generationMetaItem('g2', { version: 2, updatedAt, settings, notifications, ruleCount: 12, contentHash });
 * // { pk: 'GEN#g2#META', sk: 'META', version: 2, … }
 * ```
 */
export function generationMetaItem(generation: string, meta: GenerationMeta): StoredItem {
  return { ...metaKey(generation), ...plain(meta) };
}

/**
 * The rules of `generation` (strongly consistent), by kind then id.
 *
 * @example
 * ```ts
 * const rules = await readGeneration(table, pointer.generation);
 * ```
 */
export async function readGeneration(
  table: TableAccess,
  generation: string,
): Promise<StoredRule[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `GEN#${generation}` },
    ConsistentRead: true,
  });
  return items.map(toStoredRule).sort(byKindThenId);
}

/** The `META` item of `generation` (strongly consistent), or `undefined` when there is none. */
async function readGenerationMeta(
  table: TableAccess,
  generation: string,
): Promise<GenerationMeta | undefined> {
  const output = await callAws(
    { operation: 'GetItem', tableName: table.tableName },
    () =>
      table.client.send(
        new GetCommand({
          TableName: table.tableName,
          Key: metaKey(generation),
          ConsistentRead: true,
        }),
      ),
    table.retryPolicy,
  );
  return output.Item === undefined ? undefined : (output.Item as unknown as GenerationMeta);
}

/**
 * The configuration `rules` and `meta` (a pointer or a `META` item) describe, validated.
 *
 * @throws {ConfigError} when it does not validate (a table item may have been written by hand).
 * @example
 * ```ts
 * const stored = assembleConfig(pointer, rules, 'the rules table governance-rules');
 * ```
 */
export function assembleConfig(
  meta: GenerationMeta,
  rules: readonly StoredRule[],
  source: string,
): StoredGovernanceConfig {
  const policyRules = rules.flatMap((stored) => (stored.kind === 'policy' ? [stored.rule] : []));
  const config: GovernanceConfig = {
    settings: meta.settings,
    scpRules: rules.flatMap((stored) => (stored.kind === 'scp' ? [stored.rule] : [])),
    ...(policyRules.length === 0 ? {} : { policyRules }),
    assignmentRules: rules.flatMap((stored) => (stored.kind === 'assignment' ? [stored.rule] : [])),
    notifications: meta.notifications,
  };
  revalidate(config, `${source} (version ${meta.version})`);
  return { version: meta.version, updatedAt: meta.updatedAt, config };
}

/**
 * The superseded generations of `retired` as their configurations, newest first. A generation
 * is left out when its writer recorded no `META` (an older writer's: its version is unknown),
 * when it is no longer whole (a later save is deleting it) or when it does not validate: what is
 * returned is exactly what was once current.
 *
 * @example
 * ```ts
 * const recent = await readRetired(table, pointer.retired ?? [], 'the rules table governance-rules');
 * ```
 */
export async function readRetired(
  table: TableAccess,
  retired: readonly RetiredGeneration[],
  source: string,
): Promise<StoredGovernanceConfig[]> {
  const reads = await Promise.all(
    retired.map(async ({ generation }) => {
      const [meta, rules] = await Promise.all([
        readGenerationMeta(table, generation),
        readGeneration(table, generation),
      ]);
      return { meta, rules };
    }),
  );
  return reads
    .flatMap(({ rules, meta }) => {
      if (meta === undefined || generationMismatch(meta, rules) !== undefined) return [];
      try {
        return [assembleConfig(meta, rules, source)];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.version - a.version);
}

/**
 * Deletes every item of `generation`: its rule items and its `META` item.
 *
 * @example
 * ```ts
 * await deleteGeneration(table, 'g1');
 * ```
 */
export async function deleteGeneration(table: TableAccess, generation: string): Promise<void> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `GEN#${generation}` },
    ProjectionExpression: 'pk, sk',
  });
  await batchWriteAll(table, [
    ...items.map((item) => ({ DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } } })),
    { DeleteRequest: { Key: metaKey(generation) } },
  ]);
}

/**
 * Deletes each expired generation; returns those whose deletion failed (kept listed, so a later
 * save tries again).
 *
 * @example
 * ```ts
 * const undeleted = await deleteExpired(table, planRetirement(previous, now, graceMs).expired);
 * ```
 */
export async function deleteExpired(
  table: TableAccess,
  expired: readonly RetiredGeneration[],
): Promise<RetiredGeneration[]> {
  const undeleted: RetiredGeneration[] = [];
  for (const retired of expired) {
    await deleteGeneration(table, retired.generation).catch(() => undeleted.push(retired));
  }
  return undeleted;
}
