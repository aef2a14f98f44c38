import { InMemoryProvisionedState } from './in-memory-provisioned-state';

describe('InMemoryProvisionedState', () => {
  it('merges rule ids and tag keys, finds by tag key, forgets removed items and accounts', async () => {
    const state = new InMemoryProvisionedState();
    const assignment = {
      kind: 'assignment' as const,
      permissionSetArn: 'arn:ps',
      principalType: 'GROUP' as const,
      principalId: 'g-1',
    };
    await state.recordApplied('222222222222', { ...assignment, ruleIds: ['b'], tagKeys: ['env'] });
    await state.recordApplied('222222222222', { ...assignment, ruleIds: ['a', 'b'], tagKeys: [] });
    await state.recordApplied('222222222222', {
      kind: 'attachment',
      policyId: 'p-1',
      ruleIds: ['r'],
      tagKeys: [],
    });
    await state.recordApplied('333333333333', {
      kind: 'attachment',
      policyId: 'p-1',
      ruleIds: ['r'],
      tagKeys: [],
    });
    const merged = { ...assignment, ruleIds: ['a', 'b'], tagKeys: ['env'] };
    const before = {
      account: await state.getAccount('222222222222'),
      byTag: await state.findByTagKey('222222222222', 'env'),
    };
    await state.recordRemoved('222222222222', { kind: 'attachment', policyId: 'p-1' });
    await state.recordRemoved('222222222222', { kind: 'attachment', policyId: 'p-unknown' });
    await state.forgetAccount('333333333333');
    expect({ ...before, all: await state.listAll() }).toStrictEqual({
      account: {
        accountId: '222222222222',
        items: [merged, { kind: 'attachment', policyId: 'p-1', ruleIds: ['r'], tagKeys: [] }],
      },
      byTag: [merged],
      all: [{ accountId: '222222222222', items: [merged] }],
    });
  });
});
