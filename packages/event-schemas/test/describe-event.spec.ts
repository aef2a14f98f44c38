import { describeOutcome, parseOrgEvent } from '../src';
import { fixture } from './helpers/fixtures';
import { mutate } from './helpers/mutate';

describe('describeOutcome / describeEvent', () => {
  it.each([
    ['create-account-result-succeeded', 'AccountCreated 222233334444 (payments-dev)'],
    ['create-account-result-failed', 'CreateAccountFailed (payments-dev): EMAIL_ALREADY_EXISTS'],
    ['accept-handshake', 'AccountJoined 555566667777'],
    ['move-account', 'AccountMoved 222233334444: r-ab12 -> ou-ab12-11111111'],
    [
      'tag-change-on-resource',
      'AccountTagsChanged 222233334444: tags now {env=prod, team=payments}, changed [env]',
    ],
    ['tag-resource', 'AccountTagsChanged 222233334444: set {env=prod}'],
    ['untag-resource', 'AccountTagsChanged 222233334444: removed [env]'],
    ['close-account-result', 'AccountRemoved 444455556666'],
    [
      'create-managed-account-succeeded',
      'ManagedAccountVended CreateManagedAccount SUCCEEDED 888899990000 (analytics-prod) in ou-ab12-22222222 (Prod)',
    ],
    [
      'create-organizational-unit',
      'OrganizationalUnitCreated ou-ab12-44444444 (Security) under r-ab12',
    ],
    [
      'move-account-access-denied',
      "ignored (ApiCallFailed): MoveAccount failed with AccessDenied: You don't have permissions to access this resource.",
    ],
  ])('%s → %s', (name, summary) => {
    expect(describeOutcome(parseOrgEvent(fixture(name)))).toStrictEqual(summary);
  });

  it.each([
    [
      'a failed account creation without name or reason',
      mutate(
        fixture('create-account-result-failed'),
        '$.detail.serviceEventDetails.createAccountStatus',
        { state: 'FAILED' },
      ),
      'CreateAccountFailed: no reason given',
    ],
    [
      'a failed vending without account or OU',
      mutate(
        fixture('create-managed-account-failed'),
        '$.detail.serviceEventDetails.createManagedAccountStatus',
        { state: 'FAILED' },
      ),
      'ManagedAccountVended CreateManagedAccount FAILED (no account id) in (no OU)',
    ],
    [
      'a malformed event',
      mutate(fixture('move-account'), '$.detail.requestParameters.accountId', '1'),
      'error: Event 10bb9cb3-249d-91b7-1a6d-9576fa4b74b2 (MoveAccount) is malformed: $.detail.requestParameters.accountId: expected a 12-digit AWS account id',
    ],
  ])('%s', (_label, raw, summary) => {
    expect(describeOutcome(parseOrgEvent(raw))).toStrictEqual(summary);
  });
});
