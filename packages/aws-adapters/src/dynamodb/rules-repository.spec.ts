import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { GovernanceConfig } from '@org/scope-engine';
import { mockClient } from 'aws-sdk-client-mock';
import { definedFields, FAST_RETRY } from '../../test/support/fast-retry';
import { DynamoDbRulesRepository } from './rules-repository';
import { generationDigest } from './rules-generation';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const TABLE = 'rules';

const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [
    {
      id: 'baseline',
      policies: ['DenyLeaveOrg'],
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  assignmentRules: [
    {
      id: 'auditors',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'accountTag', key: 'env', value: 'prod' },
      exclude: { accounts: ['333333333333'], ous: [] },
    },
  ],
  notifications: [],
};

const NOW = Date.parse('2026-01-02T00:00:00.000Z');
const STORED_RULES = [
  ...CONFIG.scpRules.map((rule) => ({ kind: 'scp' as const, rule })),
  ...CONFIG.assignmentRules.map((rule) => ({ kind: 'assignment' as const, rule })),
];

const POINTER_V1 = {
  pk: 'CONFIG',
  sk: 'CURRENT',
  version: 1,
  generation: 'g1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  settings: CONFIG.settings,
  notifications: [],
  ruleCount: 2,
  contentHash: generationDigest(STORED_RULES),
  retired: [],
};

/** Rule items per byScope partition and value prefix of CONFIG, as save() records them. */
const SCOPE_COUNTS = { root: { '*': 1 }, 'tag#env': { '=prod': 1 } };

const RULE_ITEMS_G1 = [
  {
    pk: 'GEN#g1',
    sk: 'RULE#scp#baseline',
    scopeKey: 'g1#root',
    scopeSort: '*#scp#baseline',
    kind: 'scp',
    rule: CONFIG.scpRules[0],
  },
  {
    pk: 'GEN#g1',
    sk: 'RULE#assignment#auditors',
    scopeKey: 'g1#tag#env',
    scopeSort: '=prod#assignment#auditors',
    kind: 'assignment',
    rule: CONFIG.assignmentRules[0],
  },
];

/** The generation's META item: what it was saved as, read back once it is superseded. */
const META_G1 = {
  pk: 'GEN#g1#META',
  sk: 'META',
  version: 1,
  updatedAt: POINTER_V1.updatedAt,
  settings: CONFIG.settings,
  notifications: [],
  ruleCount: 2,
  contentHash: POINTER_V1.contentHash,
};

function repository(generation = 'g1'): DynamoDbRulesRepository {
  return new DynamoDbRulesRepository(client, {
    tableName: TABLE,
    retryPolicy: FAST_RETRY,
    newGeneration: () => generation,
    now: () => NOW,
  });
}

beforeEach(() => {
  ddbMock.reset();
  ddbMock.on(BatchWriteCommand).resolves({});
});

describe('DynamoDbRulesRepository.save', () => {
  it('writes the rule items and the META item of a new generation, then creates the pointer', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(PutCommand).resolves({});
    const version = await repository().save(CONFIG, 0, '2026-01-01T00:00:00.000Z');
    expect(version).toBe(1);
    expect(ddbMock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        RequestItems: {
          rules: [...RULE_ITEMS_G1, META_G1].map((Item) => ({ PutRequest: { Item } })),
        },
      },
    ]);
    expect(ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        TableName: TABLE,
        Item: { ...POINTER_V1, scopeCounts: SCOPE_COUNTS },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    ]);
  });

  it('swaps the pointer on the expected version and keeps the previous generation for its readers', async () => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(QueryCommand).resolves({ Items: [{ pk: 'GEN#g1', sk: 'RULE#scp#baseline' }] });
    const version = await repository('g2').save(CONFIG, 1, '2026-01-02T00:00:00.000Z');
    expect(version).toBe(2);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: {
        version: 2,
        generation: 'g2',
        ruleCount: 2,
        contentHash: POINTER_V1.contentHash,
        retired: [{ generation: 'g1', retiredAt: NOW }],
      },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(1);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('deletes only the generations superseded longer than the grace period ago, META items too', async () => {
    const grace = 90 * 60_000;
    const retired = [
      { generation: 'g-old', retiredAt: NOW - grace },
      { generation: 'g-recent', retiredAt: NOW - grace + 1 },
    ];
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, retired } });
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g-old' } }).resolves({
      Items: [{ pk: 'GEN#g-old', sk: 'RULE#scp#baseline' }],
    });
    await repository('g2').save(CONFIG, 1, 'now');
    expect(ddbMock.commandCalls(BatchWriteCommand)[1]?.args[0].input).toStrictEqual({
      RequestItems: {
        rules: [
          { DeleteRequest: { Key: { pk: 'GEN#g-old', sk: 'RULE#scp#baseline' } } },
          { DeleteRequest: { Key: { pk: 'GEN#g-old#META', sk: 'META' } } },
        ],
      },
    });
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input.Item?.['retired']).toStrictEqual([
      { generation: 'g-recent', retiredAt: NOW - grace + 1 },
      { generation: 'g1', retiredAt: NOW },
    ]);
  });

  it('keeps an expired generation listed when deleting it fails, so a later save retries', async () => {
    const expired = { generation: 'g-old', retiredAt: 0 };
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, retired: [expired] } });
    ddbMock.on(PutCommand).resolves({});
    ddbMock
      .on(QueryCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(repository('g2').save(CONFIG, 1, 'now')).resolves.toBe(2);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input.Item?.['retired']).toStrictEqual([
      expired,
      { generation: 'g1', retiredAt: NOW },
    ]);
  });

  it('refuses a stale expected version before writing anything', async () => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    await expect(repository().save(CONFIG, 0, 'now')).rejects.toMatchObject({
      code: 'VersionConflict',
      message: 'The rules were changed concurrently (expected version 0); reload and retry',
    });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('removes its own generation when it loses the race for the pointer', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock
      .on(PutCommand)
      .rejects(Object.assign(new Error('cond'), { name: 'ConditionalCheckFailedException' }));
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g9' } }).resolves({
      Items: [{ pk: 'GEN#g9', sk: 'RULE#scp#baseline' }],
    });
    await expect(repository('g9').save(CONFIG, 0, 'now')).rejects.toMatchObject({
      code: 'VersionConflict',
    });
    expect(ddbMock.commandCalls(BatchWriteCommand)[1]?.args[0].input).toStrictEqual({
      RequestItems: {
        rules: [
          { DeleteRequest: { Key: { pk: 'GEN#g9', sk: 'RULE#scp#baseline' } } },
          { DeleteRequest: { Key: { pk: 'GEN#g9#META', sk: 'META' } } },
        ],
      },
    });
  });

  it('keeps its generation (and the previous one) when the swap landed and only its response was lost', async () => {
    // First read: version 1 (g1). The swap to g2 lands, its response is lost, the retry's
    // condition fails; the re-read shows the pointer on g2: the save succeeded.
    ddbMock
      .on(GetCommand)
      .resolvesOnce({ Item: POINTER_V1 })
      .resolves({ Item: { ...POINTER_V1, version: 2, generation: 'g2' } });
    ddbMock
      .on(PutCommand)
      .rejectsOnce(
        Object.assign(new Error('lost'), {
          name: 'InternalServerError',
          $metadata: { httpStatusCode: 500 },
        }),
      )
      .rejects(Object.assign(new Error('cond'), { name: 'ConditionalCheckFailedException' }));
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g1' } }).resolves({
      Items: [{ pk: 'GEN#g1', sk: 'RULE#scp#baseline' }],
    });
    await expect(repository('g2').save(CONFIG, 1, 'now')).resolves.toBe(2);
    const deleted = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.['rules'] ?? [])
      .flatMap((request) => (request.DeleteRequest ? [request.DeleteRequest.Key?.['pk']] : []));
    expect(deleted).toStrictEqual([]);
  });

  it('re-sends unprocessed batch items, then gives up with Throttled', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(PutCommand).resolves({});
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { rules: [{ PutRequest: { Item: RULE_ITEMS_G1[1] } }] } })
      .resolves({});
    await repository().save(CONFIG, 0, 'now');
    expect(ddbMock.commandCalls(BatchWriteCommand)[1]?.args[0].input).toStrictEqual({
      RequestItems: { rules: [{ PutRequest: { Item: RULE_ITEMS_G1[1] } }] },
    });
    ddbMock.reset();
    ddbMock.on(GetCommand).resolves({});
    ddbMock
      .on(BatchWriteCommand)
      .resolves({ UnprocessedItems: { rules: [{ PutRequest: { Item: RULE_ITEMS_G1[1] } }] } });
    await expect(repository().save(CONFIG, 0, 'now')).rejects.toMatchObject({
      code: 'Throttled',
      message: '1 batch write item(s) stayed unprocessed',
    });
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(3);
  });
});

describe('DynamoDbRulesRepository.load', () => {
  it('returns null before the first save', async () => {
    ddbMock.on(GetCommand).resolves({});
    expect(await repository().load()).toBeNull();
  });

  it('rebuilds the configuration from the pointer and the current generation', async () => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    ddbMock
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g1' } })
      .resolves({ Items: [...RULE_ITEMS_G1].reverse() });
    expect(await repository().load()).toStrictEqual({
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      config: CONFIG,
    });
  });
});

describe('DynamoDbRulesRepository.load never returns an empty or partial rule set', () => {
  const POINTER_V2 = { ...POINTER_V1, version: 2, generation: 'g2' };
  const RULE_ITEMS_G2 = RULE_ITEMS_G1.map((item) => ({
    ...item,
    pk: 'GEN#g2',
    scopeKey: item.scopeKey.replace('g1#', 'g2#'),
  }));
  const generationQueries = () =>
    ddbMock
      .commandCalls(QueryCommand)
      .map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk']);

  it('re-reads the pointer when the generation it named was swapped out and deleted meanwhile', async () => {
    // The reported race: the reader read the pointer on g1, a save swapped it to g2 and deleted
    // g1 before the reader queried g1 — the reader found 0 rules and planned on that.
    ddbMock.on(GetCommand).resolvesOnce({ Item: POINTER_V1 }).resolves({ Item: POINTER_V2 });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g1' } }).resolves({
      Items: [],
    });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g2' } }).resolves({
      Items: RULE_ITEMS_G2,
    });
    const loaded = await repository().load();
    expect({ version: loaded?.version, config: loaded?.config }).toStrictEqual({
      version: 2,
      config: CONFIG,
    });
    expect(generationQueries()).toStrictEqual(['GEN#g1', 'GEN#g2']);
  });

  it('re-reads when a generation holds as many rules as the pointer says but other ones', async () => {
    const other = { ...RULE_ITEMS_G1[1], rule: { ...CONFIG.assignmentRules[0], id: 'other' } };
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [RULE_ITEMS_G1[0], other] })
      .resolves({ Items: RULE_ITEMS_G1 });
    expect((await repository().load())?.config).toStrictEqual(CONFIG);
    expect(generationQueries()).toStrictEqual(['GEN#g1', 'GEN#g1']);
  });

  it('throws a retryable error, never a partial set, when the reads keep disagreeing', async () => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    ddbMock.on(QueryCommand).resolves({ Items: [RULE_ITEMS_G1[0]] });
    await expect(repository().load()).rejects.toMatchObject({
      code: 'Transient',
      retryable: true,
      message:
        'the rules table rules: generation g1 (version 1) holds 1 rule item(s), the pointer says 2 after 3 read(s); retry later',
      context: { operation: 'LoadRules', tableName: TABLE },
    });
    expect(generationQueries()).toHaveLength(3);
  });

  it('checks an older pointer without count and hash by re-reading it after the generation', async () => {
    const legacy = Object.fromEntries(
      Object.entries(POINTER_V1).filter(
        ([key]) => !['ruleCount', 'contentHash', 'retired'].includes(key),
      ),
    );
    ddbMock
      .on(GetCommand)
      .resolvesOnce({ Item: legacy })
      .resolvesOnce({ Item: { ...legacy, version: 2, generation: 'g2' } })
      .resolves({ Item: { ...legacy, version: 2, generation: 'g2' } });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g1' } }).resolves({
      Items: [],
    });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'GEN#g2' } }).resolves({
      Items: RULE_ITEMS_G2,
    });
    const loaded = await repository().load();
    expect({ version: loaded?.version, rules: loaded?.config.scpRules.length }).toStrictEqual({
      version: 2,
      rules: 1,
    });
    expect(generationQueries()).toStrictEqual(['GEN#g1', 'GEN#g2']);
  });
});

describe('generationDigest', () => {
  it('does not depend on the order of the rules or of their keys', () => {
    const reversedKeys = <T extends object>(value: T): T =>
      Object.fromEntries(Object.entries(value).reverse()) as T;
    const shuffled = [
      ...CONFIG.assignmentRules.map((rule) => ({
        rule: reversedKeys(rule),
        kind: 'assignment' as const,
      })),
      ...CONFIG.scpRules.map((rule) => reversedKeys({ kind: 'scp' as const, rule })),
    ];
    expect(generationDigest(shuffled)).toBe(generationDigest(STORED_RULES));
    expect(generationDigest(STORED_RULES.slice(1))).not.toBe(generationDigest(STORED_RULES));
  });
});

describe('rules read back from the table are validated again', () => {
  const WEBHOOK = {
    id: 'cmdb',
    on: ['AccountCreated'],
    target: {
      type: 'webhook',
      url: 'https://cmdb.example.com/h',
      secretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:cmdb-AbCdEf',
    },
  };

  it('loads a stored webhook notification that validates', async () => {
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, notifications: [WEBHOOK] } });
    ddbMock.on(QueryCommand).resolves({ Items: RULE_ITEMS_G1 });
    const stored = await repository().load();
    expect(stored?.config.notifications).toStrictEqual([WEBHOOK]);
  });

  it.each([
    [
      'an http:// webhook URL',
      { ...WEBHOOK, target: { ...WEBHOOK.target, url: 'http://cmdb.example.com/h' } },
      'notifications[0].target.url',
    ],
    [
      'a webhook URL to instance metadata',
      {
        ...WEBHOOK,
        target: { ...WEBHOOK.target, url: 'https://169.254.169.254/latest/meta-data' },
      },
      'notifications[0].target.url',
    ],
    [
      'an unknown target type',
      { ...WEBHOOK, target: { type: 'email', to: 'a@example.com' } },
      'notifications[0].target.type',
    ],
    [
      'a target with an unknown field',
      { ...WEBHOOK, target: { ...WEBHOOK.target, followRedirects: true } },
      'notifications[0].target.followRedirects',
    ],
  ])(
    'refuses a stored notification with %s, naming the table and the path',
    async (_case, notification, path) => {
      ddbMock
        .on(GetCommand)
        .resolves({ Item: { ...POINTER_V1, version: 7, notifications: [notification] } });
      ddbMock.on(QueryCommand).resolves({ Items: RULE_ITEMS_G1 });
      const error = await repository()
        .load()
        .catch((caught: unknown) => caught);
      expect({
        code: (error as { code?: string }).code,
        names: (error as Error).message.startsWith(
          'the rules table rules (version 7) is not a valid governance configuration',
        ),
        paths: ((error as { problems?: { path: string }[] }).problems ?? []).map((p) => p.path),
      }).toStrictEqual({ code: 'CONFIG_INVALID', names: true, paths: [path] });
    },
  );

  it('refuses a stored rule found by scope that does not validate', async () => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    const broken = { ...RULE_ITEMS_G1[0], rule: { ...CONFIG.scpRules[0], id: 'Not A Valid Id!' } };
    ddbMock.on(QueryCommand).resolves({ Items: [broken] });
    await expect(repository().findByScope({ type: 'root' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      problems: [expect.objectContaining({ path: 'scpRules[0].id' })],
    });
  });
});

describe('DynamoDbRulesRepository.findByScope', () => {
  it.each([
    [{ type: 'root' } as const, [{ ':key': 'g1#root' }], 'scopeKey = :key'],
    [
      { type: 'ou', id: 'ou-ab12-11111111' } as const,
      [{ ':key': 'g1#ou#ou-ab12-11111111' }],
      'scopeKey = :key',
    ],
    [
      { type: 'account', id: '222222222222' } as const,
      [{ ':key': 'g1#account#222222222222' }],
      'scopeKey = :key',
    ],
    [{ type: 'accountTag', key: 'env' } as const, [{ ':key': 'g1#tag#env' }], 'scopeKey = :key'],
    [
      { type: 'accountTag', key: 'cost center', value: 'a#b' } as const,
      [
        { ':key': 'g1#tag#cost%20center', ':prefix': '=a%23b#' },
        { ':key': 'g1#tag#cost%20center', ':prefix': '*#' },
      ],
      'scopeKey = :key AND begins_with(scopeSort, :prefix)',
    ],
  ])('%j queries the byScope index with %j', async (lookup, values, condition) => {
    ddbMock.on(GetCommand).resolves({ Item: POINTER_V1 });
    ddbMock.on(QueryCommand).resolves({ Items: [RULE_ITEMS_G1[0]] });
    const found = await repository().findByScope(lookup);
    expect(
      ddbMock.commandCalls(QueryCommand).map((c) => definedFields(c.args[0].input)),
    ).toStrictEqual(
      values.map((ExpressionAttributeValues) => ({
        TableName: TABLE,
        IndexName: 'byScope',
        KeyConditionExpression: condition,
        ExpressionAttributeValues,
      })),
    );
    expect(found).toStrictEqual(values.map(() => ({ kind: 'scp', rule: CONFIG.scpRules[0] })));
  });

  it('re-reads when the index does not yet hold every rule the pointer counts for the scope', async () => {
    // The index is eventually consistent: right after a swap a lookup can miss rules.
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, scopeCounts: SCOPE_COUNTS } });
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock
      .on(QueryCommand, { ExpressionAttributeValues: { ':prefix': '=prod#' } })
      .resolvesOnce({ Items: [] })
      .resolves({ Items: [RULE_ITEMS_G1[1]] });
    const found = await repository().findByScope({ type: 'accountTag', key: 'env', value: 'prod' });
    expect(found).toStrictEqual([{ kind: 'assignment', rule: CONFIG.assignmentRules[0] }]);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(4);
  });

  it('throws a retryable error, never a partial set, when the index keeps missing rules', async () => {
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, scopeCounts: SCOPE_COUNTS } });
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    await expect(repository().findByScope({ type: 'root' })).rejects.toMatchObject({
      code: 'Transient',
      retryable: true,
      message:
        'the rules table rules: generation g1 (version 1) holds 0 rule item(s) in scope root of the index, the pointer says 1 after 3 read(s); retry later',
      context: { operation: 'FindRulesByScope', tableName: TABLE },
    });
  });

  it('finds nothing, without re-reading, where the pointer counts no rule', async () => {
    ddbMock.on(GetCommand).resolves({ Item: { ...POINTER_V1, scopeCounts: SCOPE_COUNTS } });
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    expect(await repository().findByScope({ type: 'ou', id: 'ou-ab12-11111111' })).toStrictEqual(
      [],
    );
    expect(ddbMock.commandCalls(GetCommand)).toHaveLength(1);
  });

  it('finds nothing before the first save', async () => {
    ddbMock.on(GetCommand).resolves({});
    expect(await repository().findByScope({ type: 'root' })).toStrictEqual([]);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
