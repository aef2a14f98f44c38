import { progressLine } from '../src';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, sink: { write: (t: string) => void writes.push(t), isTTY } };
}

describe('progressLine', () => {
  it('redraws one line on a terminal, once per percent, and ends it', () => {
    const { writes, sink: s } = sink(true);
    const bar = progressLine(s, 'reading');
    for (let done = 1; done <= 400; done++) bar.update({ done, total: 400 });
    bar.end();
    bar.end();
    expect({ count: writes.length, first: writes[0], last: writes.slice(-2) }).toStrictEqual({
      count: 102,
      first: `\rreading [${'-'.repeat(30)}]   0% 1/400`,
      last: [`\rreading [${'#'.repeat(30)}] 100% 400/400`, '\n'],
    });
  });

  it('shows an empty organization as done', () => {
    const { writes, sink: s } = sink(true);
    progressLine(s, 'reading').update({ done: 0, total: 0 });
    expect(writes).toStrictEqual([`\rreading [${'#'.repeat(30)}] 100% 0/0`]);
  });

  it('writes nothing when the sink is not a terminal', () => {
    const { writes, sink: s } = sink(false);
    const bar = progressLine(s, 'reading');
    bar.update({ done: 1, total: 2 });
    bar.end();
    expect(writes).toStrictEqual([]);
  });
});
