import { describeOutcome, parseOrgEvent } from '../src';
import { fixture } from './helpers/fixtures';

describe('parseOrgEvent on the shared samples', () => {
  it.each([
    ['accept-handshake', 'AccountJoined 555566667777'],
    ['create-account-result-succeeded', 'AccountCreated 222233334444 (payments-dev)'],
    ['move-account', 'AccountMoved 222233334444: r-ab12 -> ou-ab12-11111111'],
  ])('%s → %s', (name, summary) => {
    expect(describeOutcome(parseOrgEvent(fixture(name)))).toStrictEqual(summary);
  });
});
