import { decideLease, EMPTY_LEASE_TABLE, type LeaseTable, releaseLeaseFrom } from './lease-table';

const request = (leaseId: string, now: number) => ({
  leaseId,
  limit: 2,
  now,
  expiresAt: now + 1000,
  waiterTtlMs: 100,
});

/** One row of the decision table. */
interface LeaseCase {
  readonly name: string;
  readonly table: LeaseTable;
  readonly attempt: ReturnType<typeof request>;
  readonly expected: unknown;
}

describe('decideLease', () => {
  it.each<LeaseCase>([
    {
      name: 'grants a free slot',
      table: EMPTY_LEASE_TABLE,
      attempt: request('a', 0),
      expected: { granted: true, table: { leases: { a: 1000 }, waiters: {} } },
    },
    {
      name: 'renews a held lease',
      table: { leases: { a: 500 }, waiters: {} },
      attempt: request('a', 100),
      expected: { granted: true, table: { leases: { a: 1100 }, waiters: {} } },
    },
    {
      name: 'queues a caller when every slot is held',
      table: { leases: { a: 500, b: 500 }, waiters: {} },
      attempt: request('c', 100),
      expected: {
        granted: false,
        table: { leases: { a: 500, b: 500 }, waiters: { c: { since: 100, seen: 100 } } },
      },
    },
    {
      name: 'gives a freed slot to the longest waiter, not to a newcomer',
      table: { leases: { a: 500 }, waiters: { c: { since: 100, seen: 180 } } },
      attempt: request('d', 200),
      expected: {
        granted: false,
        table: {
          leases: { a: 500 },
          waiters: { c: { since: 100, seen: 180 }, d: { since: 200, seen: 200 } },
        },
      },
    },
    {
      name: 'serves the longest waiter when it asks again',
      table: {
        leases: { a: 500 },
        waiters: { c: { since: 100, seen: 180 }, d: { since: 200, seen: 200 } },
      },
      attempt: request('c', 210),
      expected: {
        granted: true,
        table: { leases: { a: 500, c: 1210 }, waiters: { d: { since: 200, seen: 200 } } },
      },
    },
    {
      name: 'leaves a fresh waiter’s entry alone (nothing to write)',
      table: { leases: { a: 500, b: 500 }, waiters: { c: { since: 100, seen: 100 } } },
      attempt: request('c', 120),
      expected: {
        granted: false,
        table: { leases: { a: 500, b: 500 }, waiters: { c: { since: 100, seen: 100 } } },
      },
    },
    {
      name: 'drops expired leases and waiters that gave up',
      table: { leases: { a: 50, b: 500 }, waiters: { gone: { since: 0, seen: 0 } } },
      attempt: request('c', 200),
      expected: { granted: true, table: { leases: { b: 500, c: 1200 }, waiters: {} } },
    },
  ])('$name', ({ table, attempt, expected }) => {
    expect(decideLease(table, attempt)).toStrictEqual(expected);
  });

  it('releases a lease and keeps the line', () => {
    expect(
      releaseLeaseFrom({ leases: { a: 1, b: 2 }, waiters: { c: { since: 0, seen: 0 } } }, 'a'),
    ).toStrictEqual({
      leases: { b: 2 },
      waiters: { c: { since: 0, seen: 0 } },
    });
  });
});
