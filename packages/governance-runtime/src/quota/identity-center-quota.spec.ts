import { QuotaUnavailableError } from '../errors';
import { VirtualClock } from '../testing/virtual-clock';
import { IdentityCenterQuota } from './identity-center-quota';
import { InMemoryQuotaStore } from '../testing/in-memory-quota-store';

describe('IdentityCenterQuota', () => {
  describe.each([
    { requestsPerSecond: 20, tokensPerWindow: 5, windowMs: 250 },
    { requestsPerSecond: 1, tokensPerWindow: 1, windowMs: 1000 },
    { requestsPerSecond: 6, tokensPerWindow: 2, windowMs: 1000 / 3 },
  ])('at $requestsPerSecond requests/s', ({ requestsPerSecond, tokensPerWindow, windowMs }) => {
    it('uses small windows and never exceeds the rate in any second', async () => {
      const clock = new VirtualClock(0);
      const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock, { requestsPerSecond });
      const times: number[] = [];
      await clock.run(async () => {
        await Promise.all(
          Array.from({ length: requestsPerSecond * 3 }, async () => {
            await quota.beforeRequest();
            times.push(clock.now());
          }),
        );
      });
      const perSecond = new Map<number, number>();
      for (const t of times)
        perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
      expect({
        tokensPerWindow: quota.tokensPerWindow,
        windowMs: quota.windowMs,
        perSecond: [...perSecond.values()],
      }).toStrictEqual({
        tokensPerWindow,
        windowMs,
        perSecond: [requestsPerSecond, requestsPerSecond, requestsPerSecond],
      });
    });
  });

  it('holds at most maxOutstandingCreates slots and hands freed ones to waiters', async () => {
    const clock = new VirtualClock(0);
    const store = new InMemoryQuotaStore();
    const quota = new IdentityCenterQuota(store, clock, {
      maxOutstandingCreates: 2,
      slotRetryMs: 100,
    });
    const acquiredAt: Record<string, number> = {};
    await clock.run(async () => {
      await Promise.all(
        ['a', 'b', 'c'].map(async (id) => {
          await quota.acquireCreateSlot(id);
          acquiredAt[id] = clock.now();
          await clock.sleep(1000);
          await quota.releaseCreateSlot(id);
        }),
      );
    });
    expect({ acquiredAt, held: store.heldLeases() }).toStrictEqual({
      acquiredAt: { a: 0, b: 0, c: 1000 },
      held: 0,
    });
  });

  it('re-acquiring a held slot is a renewal, not a second slot', async () => {
    const clock = new VirtualClock(0);
    const store = new InMemoryQuotaStore();
    const quota = new IdentityCenterQuota(store, clock, { maxOutstandingCreates: 1 });
    await clock.run(async () => {
      await quota.acquireCreateSlot('a');
      await quota.acquireCreateSlot('a');
      await quota.renewCreateSlot('a');
    });
    expect(store.heldLeases()).toBe(1);
  });

  it('reclaims the slot of a vanished holder after its lease', async () => {
    const clock = new VirtualClock(0);
    const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock, {
      maxOutstandingCreates: 1,
      slotLeaseMs: 5000,
      slotRetryMs: 1000,
    });
    const at = await clock.run(async () => {
      await quota.acquireCreateSlot('crashed');
      await quota.acquireCreateSlot('next');
      return clock.now();
    });
    expect(at).toBe(5000);
  });

  it('gives up with a retryable QuotaUnavailableError after maxWaitMs', async () => {
    const clock = new VirtualClock(0);
    const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock, {
      maxOutstandingCreates: 1,
      maxWaitMs: 2000,
      slotRetryMs: 500,
    });
    const error = await clock
      .run(async () => {
        await quota.acquireCreateSlot('a');
        await quota.acquireCreateSlot('b');
      })
      .catch((e: unknown) => e);
    expect(error).toStrictEqual(new QuotaUnavailableError('outstanding-creation slot', 2000));
    expect((error as QuotaUnavailableError).retryable).toBe(true);
  });

  it("waits for a slot until the caller's deadline when that is later than maxWaitMs", async () => {
    const clock = new VirtualClock(0);
    const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock, {
      maxOutstandingCreates: 1,
      maxWaitMs: 2000,
      slotRetryMs: 500,
    });
    const gotSlot = await clock.run(async () => {
      await quota.acquireCreateSlot('a');
      // 'a' settles after 5 s: 'b', allowed to wait 8 s, gets the slot instead of giving up at 2 s.
      const release = clock.sleep(5000).then(() => quota.releaseCreateSlot('a'));
      await quota.acquireCreateSlot('b', 8000);
      await release;
      return clock.now();
    });
    expect(gotSlot).toBe(5000);
  });

  it.each([
    { requestsPerSecond: 0, maxOutstandingCreates: 10 },
    { requestsPerSecond: 20, maxOutstandingCreates: 0 },
    { requestsPerSecond: 20, maxOutstandingCreates: 1.5 },
  ])('rejects settings %o', (settings) => {
    expect(
      () => new IdentityCenterQuota(new InMemoryQuotaStore(), new VirtualClock(), settings),
    ).toThrow(RangeError);
  });
});
