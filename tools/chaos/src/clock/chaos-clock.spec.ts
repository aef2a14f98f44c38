import { ChaosClock } from './chaos-clock';

const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChaosClock', () => {
  it('slows down without jumping: time so far is kept, and from then on runs at the new scale', async () => {
    const clock = new ChaosClock(1000, 0);
    await realSleep(50);
    const realBefore = performance.now();
    const before = clock.now();
    const previous = clock.setScale(1);
    const after = clock.now();
    // No jump: between the two reads at most the real time between them, at the faster scale.
    const bound = (performance.now() - realBefore) * 1000 + 1;
    await realSleep(50);
    const slowed = clock.now() - after;
    expect({
      previous,
      scale: clock.scale,
      fastPart: before >= 40_000,
      continuous: after - before >= 0 && after - before <= bound,
      slowPart: slowed >= 40 && slowed < 20_000,
    }).toStrictEqual({
      previous: 1000,
      scale: 1,
      fastPart: true,
      continuous: true,
      slowPart: true,
    });
  });
});
