import { SeededRandom } from '../random/seeded-random';
import { IdentityCenterScript } from './identity-center-script';

describe('IdentityCenterScript', () => {
  it('names the creations that fail in a round, and only in that round', () => {
    const script = new IdentityCenterScript(new SeededRandom('s'), 0);
    script.failCreation(3, 'a#ps#GROUP#g');
    expect([...script.failingIn(3)]).toEqual(['a#ps#GROUP#g']);
    expect(script.isFailing(3, 'a#ps#GROUP#g')).toBe(true);
    expect([...script.failingIn(4)]).toEqual([]);
    expect(script.isFailing(4, 'a#ps#GROUP#g')).toBe(false);
  });
});
