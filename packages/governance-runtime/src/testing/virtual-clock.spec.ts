import { VirtualClock } from './virtual-clock';

describe('VirtualClock', () => {
  it('jumps to each wake-up and fires simultaneous timers in the order they were set', async () => {
    const clock = new VirtualClock(1000);
    const log: string[] = [];
    await clock.run(async () => {
      await Promise.all([
        clock.sleep(500).then(() => log.push(`a@${clock.now()}`)),
        clock.sleep(100).then(() => log.push(`b@${clock.now()}`)),
        clock.sleep(500).then(() => log.push(`c@${clock.now()}`)),
        clock.sleep(0).then(() => log.push(`d@${clock.now()}`)),
      ]);
    });
    expect(log).toStrictEqual(['d@1000', 'b@1100', 'a@1500', 'c@1500']);
  });

  it('returns the task result and rethrows its error', async () => {
    const clock = new VirtualClock();
    await expect(clock.run(async () => 42)).resolves.toBe(42);
    await expect(
      clock.run(async () => {
        await clock.sleep(10);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });

  it('reports a task that waits on something else instead of hanging', async () => {
    const clock = new VirtualClock();
    await expect(clock.run(() => new Promise<void>(() => undefined))).rejects.toThrow(
      'VirtualClock.run: the task is waiting on something other than the virtual clock',
    );
  });
});
