/**
 * The DynamoDB repositories against DynamoDB Local over HTTP: conditional writes, concurrent
 * updates, the scope index and TTL attributes.
 */
import { DescribeTimeToLiveCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { GovernanceConfig } from '@org/scope-engine';
import type { ProvisionedItem } from '@org/governance-runtime';
import { createDynamoDbClients, type DynamoDbClients } from '@org/emulators';
import {
  DynamoDbAuditLog,
  DynamoDbIdempotencyStore,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '../../src/dynamodb';
import { exampleGovernance } from '../support/examples';
import { createTables, TABLES } from '../support/tables';

jest.setTimeout(60_000);

let clients: DynamoDbClients;
const FAST = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  clients = createDynamoDbClients();
  await createTables(clients.dynamodb);
});

const rulesRepository = () =>
  new DynamoDbRulesRepository(clients.documents, { tableName: TABLES.rules, retryPolicy: FAST });
const stateRepository = () =>
  new DynamoDbProvisionedStateRepository(clients.documents, {
    tableName: TABLES.provisioned,
    retryPolicy: FAST,
    maxConflictAttempts: 50,
  });

describe('DynamoDbRulesRepository', () => {
  const config = exampleGovernance();
  const ids = (rules: readonly { rule: { id: string } }[]) => rules.map((stored) => stored.rule.id);

  it('saves, loads and looks rules up by scope through the byScope index', async () => {
    const rules = rulesRepository();
    expect(await rules.load()).toBeNull();
    const version = await rules.save(config, 0, '2026-03-01T00:00:00.000Z');
    const loaded = await rules.load();
    expect(loaded?.version).toBe(version);
    expect(loaded?.config.settings).toStrictEqual(config.settings);
    expect(loaded?.config.notifications).toStrictEqual(config.notifications);
    expect(new Set(loaded?.config.scpRules)).toStrictEqual(new Set(config.scpRules));
    expect(new Set(loaded?.config.assignmentRules)).toStrictEqual(new Set(config.assignmentRules));
    expect({
      root: ids(await rules.findByScope({ type: 'root' })),
      workloads: ids(await rules.findByScope({ type: 'ou', id: 'ou-ab12-11111111' })),
      account: ids(await rules.findByScope({ type: 'account', id: '222233334444' })),
      envProd: ids(await rules.findByScope({ type: 'accountTag', key: 'env', value: 'prod' })),
      envDev: ids(await rules.findByScope({ type: 'accountTag', key: 'env', value: 'dev' })),
      team: ids(await rules.findByScope({ type: 'accountTag', key: 'team', value: 'data' })),
      teamAny: ids(await rules.findByScope({ type: 'accountTag', key: 'team' })),
    }).toStrictEqual({
      root: ['auditors-readonly', 'baseline-guardrails'],
      workloads: ['workloads-regions'],
      account: ['payments-extra'],
      envProd: ['prod-auditors', 'prod-backups'],
      envDev: ['dev-developers'],
      // Assignment rules, then policy rules (the example's tag-policy rule on team=data).
      team: ['team-billing', 'cost-center-tags'],
      teamAny: ['team-billing', 'cost-center-tags'],
    });
  });

  it('lets exactly one of two concurrent saves win and keeps the winner complete', async () => {
    const rules = rulesRepository();
    const current = (await rules.load())?.version ?? 0;
    const onlyRoot: GovernanceConfig = {
      ...config,
      scpRules: config.scpRules.slice(0, 1),
      assignmentRules: [],
    };
    const results = await Promise.allSettled([
      rulesRepository().save(onlyRoot, current, '2026-03-02T00:00:00.000Z'),
      rulesRepository().save(config, current, '2026-03-02T00:00:00.000Z'),
    ]);
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result) => result.status === 'rejected');
    expect([
      winners.length,
      losers.map((l) => (l as PromiseRejectedResult).reason.code),
    ]).toStrictEqual([1, ['VersionConflict']]);
    const loaded = await rules.load();
    const winner = results[0]?.status === 'fulfilled' ? onlyRoot : config;
    expect(loaded?.version).toBe(current + 1);
    expect(new Set(loaded?.config.scpRules.map((r) => r.id))).toStrictEqual(
      new Set(winner.scpRules.map((r) => r.id)),
    );
    expect(new Set(loaded?.config.assignmentRules.map((r) => r.id))).toStrictEqual(
      new Set(winner.assignmentRules.map((r) => r.id)),
    );
  });
});

describe('DynamoDbProvisionedStateRepository', () => {
  const assignment = (ruleIds: string[], tagKeys: string[]): ProvisionedItem => ({
    kind: 'assignment',
    permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
    principalType: 'GROUP',
    principalId: 'g-auditors',
    ruleIds,
    tagKeys,
  });

  it('never loses an update when 25 workers record the same item at once', async () => {
    const ruleIds = Array.from({ length: 25 }, (_, i) => `rule-${String(i).padStart(2, '0')}`);
    await Promise.all(
      ruleIds.map((ruleId, i) =>
        stateRepository().recordApplied(
          '100000000001',
          assignment([ruleId], i % 2 ? ['env'] : ['team']),
        ),
      ),
    );
    const state = await stateRepository().getAccount('100000000001');
    expect(state).toStrictEqual({
      accountId: '100000000001',
      items: [assignment(ruleIds, ['env', 'team'])],
    });
    const stored = await clients.dynamodb.send(
      new GetItemCommand({
        TableName: TABLES.provisioned,
        Key: {
          pk: { S: 'ACCOUNT#100000000001' },
          sk: {
            S: 'ITEM#ASSIGNMENT#arn%3Aaws%3Asso%3A%3A%3ApermissionSet%2Fssoins-1%2Fps-1#GROUP#g-auditors',
          },
        },
      }),
    );
    expect(stored.Item?.['version']).toStrictEqual({ N: '25' });
    expect([
      await stateRepository().findByTagKey('100000000001', 'env'),
      await stateRepository().findByTagKey('100000000001', 'team'),
      await stateRepository().findByTagKey('100000000001', 'owner'),
    ]).toStrictEqual([
      [assignment(ruleIds, ['env', 'team'])],
      [assignment(ruleIds, ['env', 'team'])],
      [],
    ]);
  });

  it('records different items of one account concurrently, removes them, forgets accounts', async () => {
    const repository = stateRepository();
    const policies = Array.from({ length: 12 }, (_, i) => `p-conc${String(i).padStart(4, '0')}`);
    // Every third one an RCP attachment; the others recorded without a type (SCP attachments).
    const typeOf = (i: number) => (i % 3 === 0 ? 'RESOURCE_CONTROL_POLICY' : undefined);
    await Promise.all(
      policies.map((policyId, i) => {
        const policyType = typeOf(i);
        return stateRepository().recordApplied('100000000002', {
          kind: 'attachment',
          policyId,
          ...(policyType === undefined ? {} : { policyType }),
          ruleIds: ['baseline'],
          tagKeys: ['env'],
        });
      }),
    );
    await Promise.all([
      stateRepository().recordRemoved('100000000002', {
        kind: 'attachment',
        policyId: policies[0] ?? '',
      }),
      stateRepository().recordRemoved('100000000002', { kind: 'attachment', policyId: 'p-never' }),
    ]);
    const remaining = policies.slice(1).map((policyId, i) => ({
      kind: 'attachment',
      policyId,
      policyType: typeOf(i + 1) ?? 'SERVICE_CONTROL_POLICY',
      ruleIds: ['baseline'],
      tagKeys: ['env'],
    }));
    expect((await repository.getAccount('100000000002')).items).toStrictEqual(remaining);
    expect(await repository.findByTagKey('100000000002', 'env')).toStrictEqual(remaining);
    const all = await repository.listAll();
    expect(all.map((state) => [state.accountId, state.items.length])).toStrictEqual([
      ['100000000001', 1],
      ['100000000002', 11],
    ]);
    await repository.forgetAccount('100000000002');
    expect(await repository.getAccount('100000000002')).toStrictEqual({
      accountId: '100000000002',
      items: [],
    });
    expect(await repository.findByTagKey('100000000002', 'env')).toStrictEqual([]);
  });
});

describe('DynamoDbAuditLog', () => {
  it('stores entries with an expiresAt TTL attribute on a TTL-enabled table', async () => {
    const audit = new DynamoDbAuditLog(clients.documents, {
      tableName: TABLES.audit,
      retentionDays: 7,
    });
    const received = {
      eventId: 'evt-1',
      type: 'event',
      at: '2026-03-01T10:00:00.000Z',
      accountId: '100000000001',
      outcome: 'received',
      ruleIds: [],
    } as const;
    const applied = {
      eventId: 'evt-1',
      type: 'operation',
      at: '2026-03-01T10:00:01.000Z',
      accountId: '100000000001',
      outcome: 'applied',
      ruleIds: ['baseline'],
      operation: {
        type: 'attachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: '100000000001',
        policyId: 'p-1',
        ruleIds: ['baseline'],
      },
      detail: 'attached',
    } as const;
    await audit.append(received);
    await audit.append(applied);
    const ttl = await clients.dynamodb.send(
      new DescribeTimeToLiveCommand({ TableName: TABLES.audit }),
    );
    expect(ttl.TimeToLiveDescription).toStrictEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
    expect(await audit.listByEvent('evt-1')).toStrictEqual([
      { ...received, expiresAt: Date.parse('2026-03-01T10:00:00.000Z') / 1000 + 7 * 86_400 },
      { ...applied, expiresAt: Date.parse('2026-03-01T10:00:01.000Z') / 1000 + 7 * 86_400 },
    ]);
  });
});

describe('DynamoDbIdempotencyStore', () => {
  it('lets exactly one of 20 concurrent claims win, and a released key be claimed again', async () => {
    const store = () =>
      new DynamoDbIdempotencyStore(clients.documents, {
        tableName: TABLES.idempotency,
        ttlSeconds: 3_600,
      });
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => store().claim('supportCase#100000000001#ams')),
    );
    await store().release('supportCase#100000000001#ams');
    expect({
      winners: claims.filter(Boolean).length,
      again: await store().claim('supportCase#100000000001#ams'),
    }).toStrictEqual({
      winners: 1,
      again: true,
    });
  });

  it('lets an expired marker be claimed again (TTL deletion is lazy)', async () => {
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    const store = new DynamoDbIdempotencyStore(clients.documents, {
      tableName: TABLES.idempotency,
      ttlSeconds: 60,
      now: () => now,
    });
    const first = await store.claim('webhook#1');
    now += 30_000;
    const during = await store.claim('webhook#1');
    now += 31_000;
    expect([first, during, await store.claim('webhook#1')]).toStrictEqual([true, false, true]);
  });
});
