import { ChaosClock } from './chaos-clock';

const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChaosClock', () => {
  it('slows down without jumping: time so far is kept, and from then on runs at the new scale', async () => {
    const clock = new ChaosClock(1000, 0);
    await realSleep(50);
    const before = clock.now();
    const previous = clock.setScale(1);
    const after = clock.now();
    await realSleep(50);
    const slowed = clock.now() - after;
    expect({
      previous,
      scale: clock.scale,
      fastPart: before >= 40_000,
      continuous: after - before >= 0 && after - before < 50,
      slowPart: slowed >= 40 && slowed < 1000,
    }).toStrictEqual({
      previous: 1000,
      scale: 1,
      fastPart: true,
      continuous: true,
      slowPart: true,
    });
  });
});
