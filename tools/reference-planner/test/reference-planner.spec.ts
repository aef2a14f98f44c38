/**
 * The reference planner on hand-made cases taken from the specification's wording.
 */
import {
  applyReferenceChanges,
  changedAccounts,
  referencePlanForEvent,
  referenceReconcile,
  type RefChange,
} from '../src';
import { EXAMPLE_ORG, scpConfig, scpRule } from './support/example-org';

const attachedTo = (ops: readonly { type: string; accountId: string }[]) =>
  ops.filter((o) => o.type === 'attachPolicy').map((o) => o.accountId);

describe('reference planner', () => {
  it('an OU scope without includeDescendants takes only accounts directly in the OU', () => {
    const config = scpConfig([
      scpRule('r', ['One'], { type: 'ou', id: 'ou-prod', includeDescendants: false }),
    ]);
    expect(attachedTo(referenceReconcile(EXAMPLE_ORG, config).operations)).toEqual([
      '222222222222',
    ]);
  });

  it('an OU scope with includeDescendants also takes accounts in OUs below it', () => {
    const config = scpConfig([
      scpRule('r', ['One'], { type: 'ou', id: 'ou-work', includeDescendants: true }),
    ]);
    expect(attachedTo(referenceReconcile(EXAMPLE_ORG, config).operations)).toEqual([
      '222222222222',
      '333333333333',
    ]);
  });

  it('exclusions of accounts and OU subtrees win over a tag scope', () => {
    const rule = {
      ...scpRule('r', ['One'], { type: 'accountTag', key: 'env' }),
      exclude: { accounts: ['222222222222'], ous: ['ou-prod'] },
    };
    expect(attachedTo(referenceReconcile(EXAMPLE_ORG, scpConfig([rule])).operations)).toEqual([]);
  });

  it('never attaches to the management account and skips inactive accounts once', () => {
    const plan = referenceReconcile(
      EXAMPLE_ORG,
      scpConfig([scpRule('r', ['One'], { type: 'root' })]),
    );
    expect(attachedTo(plan.operations)).toEqual(['222222222222', '333333333333', '444444444444']);
    expect(plan.skipped).toEqual([
      { accountId: '111111111111', ruleId: 'r', reason: 'ManagementAccount' },
      { accountId: '555555555555', ruleId: null, reason: 'AccountNotActive' },
    ]);
  });

  it('reference-counts: an item two rules justify carries both ids and stays while one remains', () => {
    const both = scpConfig([
      scpRule('a', ['One'], { type: 'account', id: '444444444444' }),
      scpRule('b', ['p-1'], { type: 'accountTag', key: 'team', value: 'a' }),
    ]);
    const plan = referenceReconcile(EXAMPLE_ORG, both, ['444444444444']);
    expect(plan.operations).toEqual([
      {
        type: 'attachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: '444444444444',
        policyId: 'p-1',
        ruleIds: ['a', 'b'],
      },
    ]);
    const after = applyReferenceChanges(EXAMPLE_ORG, plan.operations as RefChange[]);
    const onlyB = scpConfig([
      scpRule('b', ['p-1'], { type: 'accountTag', key: 'team', value: 'a' }),
    ]);
    expect(referenceReconcile(after, onlyB, ['444444444444']).operations).toEqual([]);
    expect(referenceReconcile(after, scpConfig([]), ['444444444444']).operations).toEqual([
      {
        type: 'detachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: '444444444444',
        policyId: 'p-1',
        ruleIds: [],
      },
    ]);
  });

  it('counts every direct attachment against the slot limit and never detaches FullAWSAccess or unmanaged items', () => {
    const org = {
      ...EXAMPLE_ORG,
      attachments: [
        { targetId: '444444444444', policyId: 'p-FullAWSAccess', managedBy: ['old'] },
        { targetId: '444444444444', policyId: 'p-3' },
      ],
    };
    const config = scpConfig(
      [scpRule('r', ['Two', 'One'], { type: 'account', id: '444444444444' })],
      3,
    );
    expect(referenceReconcile(org, config, ['444444444444'])).toEqual({
      operations: [
        {
          type: 'attachPolicy',
          policyType: 'SERVICE_CONTROL_POLICY',
          accountId: '444444444444',
          policyId: 'p-1',
          ruleIds: ['r'],
        },
      ],
      skipped: [{ accountId: '444444444444', ruleId: 'r', reason: 'ScpLimitExceeded' }],
    });
  });

  it('plans a move for the moved account only, from a snapshot taken before the move', () => {
    const config = scpConfig([
      scpRule('r', ['One'], { type: 'ou', id: 'ou-sand', includeDescendants: true }),
    ]);
    const event = {
      type: 'AccountMoved' as const,
      accountId: '222222222222',
      destinationParentId: 'ou-sand',
      meta: { eventName: 'MoveAccount' },
    };
    expect(referencePlanForEvent(EXAMPLE_ORG, config, event).operations).toEqual([
      {
        type: 'attachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: '222222222222',
        policyId: 'p-1',
        ruleIds: ['r'],
      },
    ]);
  });

  it('tells which accounts a rules change alters', () => {
    const before = scpConfig([
      scpRule('r', ['One'], { type: 'accountTag', key: 'env', value: 'prod' }),
    ]);
    const after = scpConfig([
      scpRule('r', ['One'], { type: 'accountTag', key: 'env', value: 'test' }),
    ]);
    expect(changedAccounts(EXAMPLE_ORG, before, after)).toEqual(['222222222222', '333333333333']);
  });
});
