import {
  OrganizationsClient,
  ListRootsCommand,
  DescribeOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { Readable } from 'node:stream';
import {
  ApiCallCounter,
  AsyncCache,
  canonicalJson,
  compareStrings,
  createLimiter,
  mapWithConcurrency,
  sha256OfCanonicalJson,
} from '.';

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once, in arrival order', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        limit(async () => {
          started.push(n);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running -= 1;
        }),
      ),
    );
    expect({ peak, started }).toStrictEqual({ peak: 2, started: [0, 1, 2, 3, 4] });
  });

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it.each([0, -1, 1.5])('rejects concurrency %p', (concurrency) => {
    expect(() => createLimiter(concurrency)).toThrow(
      `concurrency must be a positive integer, got ${concurrency}`,
    );
  });

  it('mapWithConcurrency keeps input order', async () => {
    const result = await mapWithConcurrency([30, 10, 20], 2, async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms / 10));
      return `${index}:${ms}`;
    });
    expect(result).toStrictEqual(['0:30', '1:10', '2:20']);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [['x', 1, true], '["x",1,true]'],
  ])('%j → %s', (value, expected) => expect(canonicalJson(value)).toBe(expected));

  it('hashes equal values with different key order identically', () => {
    expect(sha256OfCanonicalJson({ a: 1, b: 2 })).toBe(sha256OfCanonicalJson({ b: 2, a: 1 }));
    expect(sha256OfCanonicalJson({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compareStrings orders by code unit, not locale', () => {
    expect(['p-aaaa1111', 'p-FullAWSAccess', 'B', 'a'].sort(compareStrings)).toStrictEqual([
      'B',
      'a',
      'p-FullAWSAccess',
      'p-aaaa1111',
    ]);
  });
});

describe('ApiCallCounter', () => {
  it('counts every command sent through the instrumented clients', async () => {
    const client = new OrganizationsClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async () => ({
          response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from('{}')]) },
        }),
      },
    });
    const counter = new ApiCallCounter().instrument(client);
    await client.send(new ListRootsCommand({}));
    await client.send(new ListRootsCommand({}));
    await client.send(new DescribeOrganizationCommand({}));
    expect({
      total: counter.total(),
      byCommand: Object.fromEntries(counter.byCommand),
    }).toStrictEqual({
      total: 3,
      byCommand: { ListRootsCommand: 2, DescribeOrganizationCommand: 1 },
    });
  });
});

describe('AsyncCache', () => {
  it('shares one in-flight load, expires after the TTL and forgets failures', async () => {
    let now = 0;
    const cache = new AsyncCache<string, number>({ ttlMs: 10, now: () => now });
    let loads = 0;
    const load = async (): Promise<number> => {
      loads += 1;
      if (loads === 3) throw new Error('flaky');
      return loads;
    };
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    now = 10;
    const c = await cache.get('k', load);
    now = 20;
    await expect(cache.get('k', load)).rejects.toThrow('flaky');
    const d = await cache.get('k', load);
    cache.clear('k');
    const e = await cache.get('k', load);
    cache.clear();
    expect({ values: [a, b, c, d, e], loads }).toStrictEqual({ values: [1, 1, 2, 4, 5], loads: 5 });
  });
});
