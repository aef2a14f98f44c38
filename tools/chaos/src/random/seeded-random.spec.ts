import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('draws the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1000));
    };
    expect(draw('42')).toStrictEqual(draw('42'));
    expect(draw('42')).not.toStrictEqual(draw('43'));
  });

  describe.each([
    {
      name: 'int stays within [min, max]',
      check: (r: SeededRandom) => {
        const value = r.int(3, 7);
        return value >= 3 && value <= 7 && Number.isInteger(value);
      },
    },
    {
      name: 'next stays within [0, 1)',
      check: (r: SeededRandom) => {
        const value = r.next();
        return value >= 0 && value < 1;
      },
    },
    {
      name: 'pick returns an element',
      check: (r: SeededRandom) => ['a', 'b', 'c'].includes(r.pick(['a', 'b', 'c'])),
    },
    {
      name: 'weighted never returns a zero-weight key',
      check: (r: SeededRandom) => r.weighted({ a: 1, b: 0, c: 2 }) !== 'b',
    },
    {
      name: 'uuid looks like a UUID',
      check: (r: SeededRandom) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.uuid()),
    },
  ])('$name', ({ check }) => {
    it('holds for 2,000 draws', () => {
      const random = new SeededRandom('bounds');
      const failures = Array.from({ length: 2000 }, () => check(random)).filter((ok) => !ok);
      expect(failures).toStrictEqual([]);
    });
  });

  it('shuffles into a permutation and forks independent streams', () => {
    const random = new SeededRandom('shuffle');
    const shuffled = random.shuffle([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toStrictEqual([1, 2, 3, 4, 5, 6]);
    expect(new SeededRandom('s').fork('a').next()).toBe(new SeededRandom('s').fork('a').next());
    expect(new SeededRandom('s').fork('a').next()).not.toBe(new SeededRandom('s').fork('b').next());
  });

  it('chance(p) comes true about p of the time', () => {
    const random = new SeededRandom('chance');
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.2)).filter(Boolean).length;
    expect(Math.abs(hits / 10_000 - 0.2)).toBeLessThan(0.02);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new SeededRandom('x').pick([])).toThrow(
      new RangeError('SeededRandom.pick: empty list'),
    );
  });
});
