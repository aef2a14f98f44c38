import { parseOrgEvent } from '@org/event-schemas';
import { planForParseOutcome } from '../../src';
import { organizationsEvent } from '../../src/testing';
import { account, ACCT, config, org, PROD, ROOT, scpRule } from '../helpers/builders';

/** A raw CloudTrail `MoveAccount` event as EventBridge delivers it. */
function rawMoveAccount(extra: Record<string, unknown> = {}) {
  return organizationsEvent('10bb9cb3-5b2c-4c4b-9d2f-1a2b3c4d5e6f', 'AWS API Call via CloudTrail', {
    eventName: 'MoveAccount',
    requestParameters: { accountId: ACCT, sourceParentId: ROOT, destinationParentId: PROD },
    responseElements: null,
    eventID: '6d45c3ae-fd49-5218-ac7f-bf93237c5932',
    eventType: 'AwsApiCall',
    ...extra,
  });
}

describe('planning raw events end to end (parseOrgEvent → planForParseOutcome)', () => {
  const snapshot = org({ accounts: [account(ACCT, ROOT)] });
  const governance = config({
    scpRules: [
      scpRule('prod', ['DenyLeaveOrg'], { type: 'ou', id: PROD, includeDescendants: true }),
    ],
  });
  const plan = (raw: unknown) => {
    const outcome = parseOrgEvent(raw);
    if (outcome.kind === 'error') throw outcome.error;
    return planForParseOutcome(snapshot, governance, outcome);
  };

  it('plans a successful MoveAccount', () => {
    expect(plan(rawMoveAccount())).toStrictEqual({
      event: { type: 'AccountMoved', accountId: ACCT },
      operations: [
        {
          type: 'attachPolicy',
          policyType: 'SERVICE_CONTROL_POLICY',
          accountId: ACCT,
          policyId: 'p-aaaa1111',
          ruleIds: ['prod'],
        },
      ],
      skipped: [],
      ignored: null,
    });
  });

  it('ignores a failed API call (errorCode): no operations', () => {
    expect(
      plan(rawMoveAccount({ errorCode: 'ConcurrentModificationException', errorMessage: 'busy' })),
    ).toStrictEqual({
      event: { type: 'MoveAccount', accountId: null },
      operations: [],
      skipped: [],
      ignored: 'ApiCallFailed',
    });
  });
});
