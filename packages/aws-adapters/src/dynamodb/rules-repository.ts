/**
 * `RulesRepository` on DynamoDB. A save writes the rules under a fresh generation id, then
 * swaps the `CONFIG` pointer with a version condition, so a configuration of any size is
 * replaced atomically and concurrent saves cannot mix.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RULES_SCOPE_INDEX } from '@org/contracts';
import {
  type AssignmentRule,
  type GovernanceConfig,
  type ScpRule,
  validateGovernanceConfig,
} from '@org/scope-engine';
import type {
  RulesRepository,
  ScopeLookup,
  StoredGovernanceConfig,
  StoredRule,
} from '@org/governance-runtime';
import { VersionConflictError } from '../errors';
import { callAws, type RetryPolicy } from '../retry';
import { compareStrings } from '../util';
import {
  batchWriteAll,
  conditionalPut,
  queryAll,
  type StoredItem,
  tableAccess,
  type TableAccess,
} from './document-calls';
import { scopeKeyOf, scopeQueriesOf } from './scope-keys';

/** Options of {@link DynamoDbRulesRepository}. */
export interface DynamoDbRulesRepositoryOptions {
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Generation ids (tests inject deterministic ones). @default crypto.randomUUID */
  readonly newGeneration?: () => string;
}

const CONFIG_KEY = { pk: 'CONFIG', sk: 'CURRENT' };

interface ConfigPointer {
  readonly version: number;
  readonly generation: string;
  readonly updatedAt: string;
  readonly settings: GovernanceConfig['settings'];
  readonly notifications: GovernanceConfig['notifications'];
}

/** Drops `undefined` fields (DynamoDB cannot store them) by a JSON round trip. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function ruleItem(generation: string, stored: StoredRule): StoredItem {
  const { partition, valuePrefix } = scopeKeyOf(stored.rule.scope);
  const ruleKey = `${stored.kind}#${stored.rule.id}`;
  return {
    pk: `GEN#${generation}`,
    sk: `RULE#${ruleKey}`,
    scopeKey: `${generation}#${partition}`,
    scopeSort: `${valuePrefix}#${ruleKey}`,
    kind: stored.kind,
    rule: plain(stored.rule),
  };
}

function toStoredRule(item: StoredItem): StoredRule {
  return item['kind'] === 'scp'
    ? { kind: 'scp', rule: item['rule'] as ScpRule }
    : { kind: 'assignment', rule: item['rule'] as AssignmentRule };
}

/**
 * Validates what was read back with the same checks as `orgctl validate` (a table item may have
 * been written by hand or by an older version): a bad webhook URL, target or rule is refused
 * with a {@link ConfigError} naming the table and every problem, so it is never executed.
 */
function revalidate(config: GovernanceConfig | object, source: string): void {
  validateGovernanceConfig(plain(config), source);
}

const byKindThenId = (a: StoredRule, b: StoredRule): number =>
  compareStrings(a.kind, b.kind) || compareStrings(a.rule.id, b.rule.id);

/**
 * Stores the governance configuration: a version-guarded pointer item, one item per rule, and a
 * `byScope` index answering the seed's "rules with scopeType = X and scopeValue = Y" queries.
 *
 * @example
 * ```ts
 * const rules = new DynamoDbRulesRepository(documentClient, { tableName: 'governance-rules' });
 * const version = await rules.save(config, 0, new Date().toISOString());
 * const tagRules = await rules.findByScope({ type: 'accountTag', key: 'env', value: 'prod' });
 * ```
 */
export class DynamoDbRulesRepository implements RulesRepository {
  private readonly table: TableAccess;
  private readonly newGeneration: () => string;
  /** How problems name the stored configuration. */
  private readonly source: string;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbRulesRepositoryOptions) {
    this.table = tableAccess(client, options);
    this.newGeneration = options.newGeneration ?? randomUUID;
    this.source = `the rules table ${options.tableName}`;
  }

  /**
   * @inheritdoc
   * @throws {ConfigError} when the stored configuration does not validate (re-checked on every read).
   */
  async load(): Promise<StoredGovernanceConfig | null> {
    const pointer = await this.readPointer();
    if (pointer === null) return null;
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `GEN#${pointer.generation}` },
      ConsistentRead: true,
    });
    const rules = items.map(toStoredRule).sort(byKindThenId);
    const config: GovernanceConfig = {
      settings: pointer.settings,
      scpRules: rules.flatMap((stored) => (stored.kind === 'scp' ? [stored.rule] : [])),
      assignmentRules: rules.flatMap((stored) =>
        stored.kind === 'assignment' ? [stored.rule] : [],
      ),
      notifications: pointer.notifications,
    };
    revalidate(config, `${this.source} (version ${pointer.version})`);
    return { version: pointer.version, updatedAt: pointer.updatedAt, config };
  }

  /** @inheritdoc */
  async save(
    config: GovernanceConfig,
    expectedVersion: number,
    updatedAt: string,
  ): Promise<number> {
    const previous = await this.readPointer();
    if ((previous?.version ?? 0) !== expectedVersion) throw this.conflict(expectedVersion);
    const generation = this.newGeneration();
    const rules: StoredRule[] = [
      ...config.scpRules.map((rule) => ({ kind: 'scp' as const, rule })),
      ...config.assignmentRules.map((rule) => ({ kind: 'assignment' as const, rule })),
    ];
    await batchWriteAll(
      this.table,
      rules.map((stored) => ({ PutRequest: { Item: ruleItem(generation, stored) } })),
    );
    const version = expectedVersion + 1;
    const swapped = await this.swapPointer(
      {
        version,
        generation,
        updatedAt,
        settings: config.settings,
        notifications: config.notifications,
      },
      expectedVersion,
    );
    // A failed condition can also mean our own swap landed and only its response was lost (the
    // retry then found version + 1): the pointer names our generation, so the save succeeded —
    // deleting "our" rule items then would leave the pointer on an empty configuration.
    const ours = swapped || (await this.readPointer())?.generation === generation;
    if (!ours) {
      // The loser of a race removes its own rule items; nothing points at them.
      await this.deleteGeneration(generation);
      throw this.conflict(expectedVersion);
    }
    // Garbage collection of the predecessor: the save has succeeded whatever happens here, and
    // unreferenced items are never read, so a failure only leaves harmless orphans.
    await this.deleteGeneration(previous?.generation).catch(() => undefined);
    return version;
  }

  /**
   * @inheritdoc
   * @throws {ConfigError} when a rule found does not validate.
   */
  async findByScope(scope: ScopeLookup): Promise<readonly StoredRule[]> {
    const pointer = await this.readPointer();
    if (pointer === null) return [];
    const { partition, sortPrefixes } = scopeQueriesOf(scope);
    const scopeKey = `${pointer.generation}#${partition}`;
    const queries =
      sortPrefixes.length === 0
        ? [
            {
              KeyConditionExpression: 'scopeKey = :key',
              ExpressionAttributeValues: { ':key': scopeKey },
            },
          ]
        : sortPrefixes.map((prefix) => ({
            KeyConditionExpression: 'scopeKey = :key AND begins_with(scopeSort, :prefix)',
            ExpressionAttributeValues: { ':key': scopeKey, ':prefix': prefix },
          }));
    const pages = await Promise.all(
      queries.map((query) =>
        queryAll(this.table, { ...query, IndexName: RULES_SCOPE_INDEX.indexName }),
      ),
    );
    const rules = pages.flat().map(toStoredRule).sort(byKindThenId);
    for (const stored of rules) {
      const list = stored.kind === 'scp' ? 'scpRules' : 'assignmentRules';
      revalidate({ [list]: [stored.rule] }, `${this.source} (version ${pointer.version})`);
    }
    return rules;
  }

  private async readPointer(): Promise<ConfigPointer | null> {
    const output = await callAws(
      { operation: 'GetItem', tableName: this.table.tableName },
      () =>
        this.table.client.send(
          new GetCommand({
            TableName: this.table.tableName,
            Key: CONFIG_KEY,
            ConsistentRead: true,
          }),
        ),
      this.table.retryPolicy,
    );
    return output.Item ? (output.Item as unknown as ConfigPointer) : null;
  }

  private swapPointer(pointer: ConfigPointer, expectedVersion: number): Promise<boolean> {
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    return conditionalPut(this.table, () => ({
      Item: { ...CONFIG_KEY, ...plain(pointer) },
      ...condition,
    }));
  }

  private async deleteGeneration(generation: string | undefined): Promise<void> {
    if (generation === undefined) return;
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `GEN#${generation}` },
      ProjectionExpression: 'pk, sk',
    });
    await batchWriteAll(
      this.table,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } } })),
    );
  }

  private conflict(expectedVersion: number): VersionConflictError {
    return new VersionConflictError(
      `The rules were changed concurrently (expected version ${expectedVersion}); reload and retry`,
      { context: { operation: 'SaveRules', tableName: this.table.tableName } },
    );
  }
}
