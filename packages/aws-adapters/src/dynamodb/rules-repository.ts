/**
 * `RulesRepository` on DynamoDB. A save writes the rules under a fresh generation id, then
 * swaps the `CONFIG` pointer with a version condition, so a configuration of any size is
 * replaced atomically and concurrent saves cannot mix. The pointer records the generation's rule
 * count and content hash: a reader checks what it read against them and never returns an empty
 * or partial rule set. A superseded generation is deleted only after a grace period longer than
 * any reader can still be reading it; until then `loadRecent` reads it back (the operations
 * worker tells an operation planned under superseded rules from a forged one).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GovernanceConfig } from '@org/scope-engine';
import type {
  RulesRepository,
  ScopeLookup,
  StoredGovernanceConfig,
  StoredRule,
} from '@org/governance-runtime';
import { TransientError, VersionConflictError } from '../errors';
import { callAws, type RetryPolicy } from '../retry';
import {
  batchWriteAll,
  conditionalPut,
  queryAll,
  tableAccess,
  type TableAccess,
} from './document-calls';
import {
  assembleConfig,
  deleteExpired,
  deleteGeneration,
  generationMetaItem,
  newGeneration,
  readGeneration,
  readRetired,
} from './generation-items';
import {
  byKindThenId,
  type ConfigPointer,
  DEFAULT_RETIRED_GENERATION_GRACE_MS,
  expectedScopeCount,
  generationMismatch,
  planRetirement,
  scopeCountsOf,
} from './rules-generation';
import {
  plain,
  revalidate,
  ruleItem,
  scopeIndexQueries,
  SECTION_OF_KIND,
  toStoredRule,
} from './rule-items';
import { scopeQueriesOf } from './scope-keys';

/** Options of {@link DynamoDbRulesRepository}. */
export interface DynamoDbRulesRepositoryOptions {
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Generation ids (tests inject deterministic ones). @default crypto.randomUUID */
  readonly newGeneration?: () => string;
  /**
   * How long a superseded generation is kept (and `loadRecent` returns it) before a later save
   * deletes it: longer than a reader can take between reading the pointer and reading the
   * generation.
   * @default DEFAULT_RETIRED_GENERATION_GRACE_MS (90 minutes)
   */
  readonly retiredGenerationGraceMs?: number;
  /** Reads of pointer + generation before a load gives up on a mismatch. @default 3 */
  readonly maxReadAttempts?: number;
  /** Epoch milliseconds (tests inject a clock). @default Date.now */
  readonly now?: () => number;
}

const CONFIG_KEY = { pk: 'CONFIG', sk: 'CURRENT' };

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
  private readonly graceMs: number;
  private readonly maxReadAttempts: number;
  private readonly now: () => number;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbRulesRepositoryOptions) {
    this.table = tableAccess(client, options);
    this.newGeneration = options.newGeneration ?? randomUUID;
    this.source = `the rules table ${options.tableName}`;
    this.graceMs = options.retiredGenerationGraceMs ?? DEFAULT_RETIRED_GENERATION_GRACE_MS;
    this.maxReadAttempts = Math.max(1, options.maxReadAttempts ?? 3);
    this.now = options.now ?? Date.now;
  }

  /**
   * @inheritdoc
   * Reads the pointer, then its generation, and checks the rules read against the pointer's count
   * and hash (a pointer from an older writer: that the pointer still names the generation after
   * reading it); on a mismatch it starts again from the pointer.
   * @throws {ConfigError} when the stored configuration does not validate (re-checked on every read).
   * @throws {TransientError} (retryable) when no read of the pointer and its generation agreed.
   */
  async load(): Promise<StoredGovernanceConfig | null> {
    return this.readConsistently<StoredGovernanceConfig>('LoadRules', async (pointer) => {
      const rules = await readGeneration(this.table, pointer.generation);
      const mismatch = await this.mismatchOf(pointer, rules);
      return mismatch === undefined
        ? { value: assembleConfig(pointer, rules, this.source) }
        : { mismatch };
    });
  }

  /**
   * @inheritdoc
   * Reads the pointer, then each generation it lists as superseded less than the grace period
   * ago (a query and a read each). A generation is left out when it is no longer whole (being
   * deleted), does not validate, or was written by a version that recorded no `META` item.
   */
  async loadRecent(): Promise<readonly StoredGovernanceConfig[]> {
    const pointer = await this.readPointer();
    const now = this.now();
    const recent = (pointer?.retired ?? []).filter((r) => now - r.retiredAt < this.graceMs);
    return readRetired(this.table, recent, this.source);
  }

  /**
   * @inheritdoc
   * The superseded generation stays readable; generations superseded longer than the grace period
   * ago are deleted (one that fails to delete stays listed and is tried again by the next save).
   */
  async save(
    config: GovernanceConfig,
    expectedVersion: number,
    updatedAt: string,
  ): Promise<number> {
    const previous = await this.readPointer();
    if ((previous?.version ?? 0) !== expectedVersion) throw this.conflict(expectedVersion);
    const generation = this.newGeneration();
    const version = expectedVersion + 1;
    const { rules, meta } = newGeneration(config, version, updatedAt);
    await batchWriteAll(this.table, [
      ...rules.map((stored) => ({ PutRequest: { Item: ruleItem(generation, stored) } })),
      // What the generation is, so it can be read back whole once superseded (`loadRecent`).
      { PutRequest: { Item: generationMetaItem(generation, meta) } },
    ]);
    const { expired, kept } = planRetirement(previous, this.now(), this.graceMs);
    // Expired generations were superseded before any reader still running read its pointer.
    const undeleted = await deleteExpired(this.table, expired);
    const swapped = await this.swapPointer(
      {
        ...meta,
        generation,
        scopeCounts: scopeCountsOf(rules),
        retired: [...undeleted, ...kept],
      },
      expectedVersion,
    );
    // A failed condition can also mean our own swap landed and only its response was lost (the
    // retry then found version + 1): the pointer names our generation, so the save succeeded —
    // deleting "our" rule items then would leave the pointer on an empty configuration.
    const ours = swapped || (await this.readPointer())?.generation === generation;
    if (!ours) {
      // The loser of a race removes its own rule items; nothing ever pointed at them.
      await deleteGeneration(this.table, generation);
      throw this.conflict(expectedVersion);
    }
    return version;
  }

  /**
   * @inheritdoc
   * Checks the number of rules found against the pointer's count for the scope (the index is
   * eventually consistent: a generation just written may not be complete in it yet) and starts
   * again from the pointer on a mismatch.
   * @throws {ConfigError} when a rule found does not validate.
   * @throws {TransientError} (retryable) when no read found as many rules as the pointer says.
   */
  async findByScope(scope: ScopeLookup): Promise<readonly StoredRule[]> {
    const query = scopeQueriesOf(scope);
    const found = await this.readConsistently('FindRulesByScope', async (pointer) => {
      const pages = await Promise.all(
        scopeIndexQueries(pointer.generation, query).map((input) => queryAll(this.table, input)),
      );
      const rules = pages.flat().map(toStoredRule).sort(byKindThenId);
      const expected = expectedScopeCount(pointer.scopeCounts, query);
      if (expected !== undefined && rules.length !== expected) {
        return {
          mismatch: `holds ${rules.length} rule item(s) in scope ${query.partition} of the index, the pointer says ${expected}`,
        };
      }
      for (const stored of rules) {
        const list = SECTION_OF_KIND[stored.kind];
        revalidate({ [list]: [stored.rule] }, `${this.source} (version ${pointer.version})`);
      }
      return { value: rules };
    });
    return found ?? [];
  }

  /**
   * Reads the pointer, then what `read` reads from it, until they agree; `null` without a pointer.
   * @throws {TransientError} (retryable) after `maxReadAttempts` disagreeing reads.
   */
  private async readConsistently<T>(
    operation: string,
    read: (
      pointer: ConfigPointer,
    ) => Promise<{ readonly value: T } | { readonly mismatch: string }>,
  ): Promise<T | null> {
    let problem = '';
    for (let attempt = 1; attempt <= this.maxReadAttempts; attempt += 1) {
      const pointer = await this.readPointer();
      if (pointer === null) return null;
      const outcome = await read(pointer);
      if ('value' in outcome) return outcome.value;
      problem = `generation ${pointer.generation} (version ${pointer.version}) ${outcome.mismatch}`;
    }
    throw new TransientError(
      `${this.source}: ${problem} after ${this.maxReadAttempts} read(s); retry later`,
      { context: { operation, tableName: this.table.tableName } },
    );
  }

  /** Why `rules` is not the whole generation `pointer` names, or `undefined`. */
  private async mismatchOf(
    pointer: ConfigPointer,
    rules: readonly StoredRule[],
  ): Promise<string | undefined> {
    if (pointer.contentHash !== undefined) return generationMismatch(pointer, rules);
    // An older writer's pointer (no count, no hash) deleted the superseded generation right
    // after swapping: if the pointer still names this generation, no deletion had started.
    const after = await this.readPointer();
    return after?.generation === pointer.generation
      ? undefined
      : `was superseded by generation ${after?.generation ?? '(none)'} while being read`;
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

  private conflict(expectedVersion: number): VersionConflictError {
    return new VersionConflictError(
      `The rules were changed concurrently (expected version ${expectedVersion}); reload and retry`,
      { context: { operation: 'SaveRules', tableName: this.table.tableName } },
    );
  }
}
