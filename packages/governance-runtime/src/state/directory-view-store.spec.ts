import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { VirtualClock } from '../testing/virtual-clock';
import {
  CachedDirectoryView,
  EMPTY_DIRECTORY_VIEW,
  type StoredDirectoryView,
} from './directory-view-store';

const VIEW: StoredDirectoryView = {
  permissionSets: [{ name: 'ReadOnly', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro' }],
  principals: [{ type: 'GROUP', name: 'Auditors', id: 'g-auditors' }],
  readAt: '2026-11-01T00:00:00.000Z',
};

/** A store counting its loads. */
function countingStore(initial: StoredDirectoryView | null) {
  const store = new InMemoryDirectoryViewStore(initial);
  let loads = 0;
  return {
    store,
    loads: () => loads,
    load: async () => {
      loads += 1;
      return store.load();
    },
  };
}

describe('CachedDirectoryView', () => {
  it('reads the store once per TTL, and again once it has passed', async () => {
    let time = 0;
    const clock = { now: () => time, sleep: async () => undefined };
    const counting = countingStore(VIEW);
    const views = new CachedDirectoryView(counting, clock, 60_000);
    const first = await Promise.all([views.current(), views.current()]);
    time = 59_999;
    const cached = await views.current();
    await counting.store.save({ ...VIEW, readAt: '2026-11-02T00:00:00.000Z' });
    time = 60_000;
    const refreshed = await views.current();
    expect({ first, cached, refreshed: refreshed.readAt, loads: counting.loads() }).toStrictEqual({
      first: [VIEW, VIEW],
      cached: VIEW,
      refreshed: '2026-11-02T00:00:00.000Z',
      loads: 2,
    });
  });

  it('is the empty view while none is stored', async () => {
    const views = new CachedDirectoryView(countingStore(null), new VirtualClock(0), 60_000);
    expect(await views.current()).toStrictEqual(EMPTY_DIRECTORY_VIEW);
  });
});
