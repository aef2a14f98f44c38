import { parseOrgEvent, type ParseOutcome } from '../src';
import { TAGGER } from './helpers/actors';
import { metaOf } from './helpers/expected';
import { fixture } from './helpers/fixtures';

const vended = (name: string, operation: 'CreateManagedAccount' | 'UpdateManagedAccount') => ({
  type: 'ManagedAccountVended' as const,
  operation,
  lifecycle: operation === 'CreateManagedAccount' ? ('created' as const) : ('updated' as const),
  state: 'SUCCEEDED' as const,
  accountId: '888899990000',
  accountName: 'analytics-prod',
  ouId: 'ou-ab12-22222222',
  ouName: 'Prod',
  message: `AWS Control Tower successfully ${operation === 'CreateManagedAccount' ? 'created' : 'updated'} a managed account.`,
  meta: metaOf(name, operation),
});

const cases: ReadonlyArray<[string, ParseOutcome]> = [
  [
    'create-account-result-succeeded',
    {
      kind: 'event',
      event: {
        type: 'AccountCreated',
        accountId: '222233334444',
        accountName: 'payments-dev',
        meta: metaOf('create-account-result-succeeded', 'CreateAccountResult'),
      },
    },
  ],
  [
    'create-account-result-aws-internal',
    {
      kind: 'event',
      event: {
        type: 'AccountCreated',
        accountId: '222233334444',
        accountName: 'payments-dev',
        meta: metaOf('create-account-result-aws-internal', 'CreateAccountResult'),
      },
    },
  ],
  [
    'create-account-result-failed',
    {
      kind: 'event',
      event: {
        type: 'CreateAccountFailed',
        accountName: 'payments-dev',
        failureReason: 'EMAIL_ALREADY_EXISTS',
        meta: metaOf('create-account-result-failed', 'CreateAccountResult'),
      },
    },
  ],
  [
    'accept-handshake',
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        meta: metaOf('accept-handshake', 'AcceptHandshake'),
      },
    },
  ],
  [
    'accept-handshake-service-event',
    {
      kind: 'event',
      event: {
        type: 'AccountJoined',
        accountId: '555566667777',
        meta: metaOf('accept-handshake-service-event', 'AcceptHandshake'),
      },
    },
  ],
  [
    'move-account',
    {
      kind: 'event',
      event: {
        type: 'AccountMoved',
        accountId: '222233334444',
        sourceParentId: 'r-ab12',
        destinationParentId: 'ou-ab12-11111111',
        meta: metaOf('move-account', 'MoveAccount'),
      },
    },
  ],
  [
    'tag-change-on-resource',
    {
      kind: 'event',
      event: {
        type: 'AccountTagsChanged',
        accountId: '222233334444',
        change: { kind: 'replace', tags: { env: 'prod', team: 'payments' }, changedKeys: ['env'] },
        meta: metaOf('tag-change-on-resource', 'TagChangeOnResource'),
      },
    },
  ],
  [
    'tag-change-on-resource-key-deleted',
    {
      kind: 'event',
      event: {
        type: 'AccountTagsChanged',
        accountId: '222233334444',
        change: { kind: 'replace', tags: { env: 'prod' }, changedKeys: ['team'] },
        meta: metaOf('tag-change-on-resource-key-deleted', 'TagChangeOnResource'),
      },
    },
  ],
  [
    'tag-resource',
    {
      kind: 'event',
      event: {
        type: 'AccountTagsChanged',
        accountId: '222233334444',
        change: { kind: 'set', tags: { env: 'prod' } },
        actor: TAGGER,
        meta: metaOf('tag-resource', 'TagResource'),
      },
    },
  ],
  [
    'untag-resource',
    {
      kind: 'event',
      event: {
        type: 'AccountTagsChanged',
        accountId: '222233334444',
        change: { kind: 'remove', keys: ['env'] },
        actor: TAGGER,
        meta: metaOf('untag-resource', 'UntagResource'),
      },
    },
  ],
  [
    'remove-account-from-organization',
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '222233334444',
        meta: metaOf('remove-account-from-organization', 'RemoveAccountFromOrganization'),
      },
    },
  ],
  [
    'close-account-result',
    {
      kind: 'event',
      event: {
        type: 'AccountRemoved',
        accountId: '444455556666',
        meta: metaOf('close-account-result', 'CloseAccountResult'),
      },
    },
  ],
  [
    'create-managed-account-succeeded',
    {
      kind: 'event',
      event: vended('create-managed-account-succeeded', 'CreateManagedAccount'),
    },
  ],
  [
    'create-managed-account-aws-internal',
    {
      kind: 'event',
      event: vended('create-managed-account-aws-internal', 'CreateManagedAccount'),
    },
  ],
  [
    'update-managed-account-succeeded',
    {
      kind: 'event',
      event: vended('update-managed-account-succeeded', 'UpdateManagedAccount'),
    },
  ],
  [
    'create-managed-account-failed',
    {
      kind: 'event',
      event: {
        type: 'ManagedAccountVended',
        operation: 'CreateManagedAccount',
        lifecycle: 'created',
        state: 'FAILED',
        accountId: null,
        accountName: 'analytics-prod',
        ouId: 'ou-ab12-22222222',
        ouName: 'Prod',
        message: 'AWS Control Tower failed to create a managed account.',
        meta: metaOf('create-managed-account-failed', 'CreateManagedAccount'),
      },
    },
  ],
  [
    'create-organizational-unit',
    {
      kind: 'event',
      event: {
        type: 'OrganizationalUnitCreated',
        ouId: 'ou-ab12-44444444',
        name: 'Security',
        parentId: 'r-ab12',
        meta: metaOf('create-organizational-unit', 'CreateOrganizationalUnit'),
      },
    },
  ],
];

describe('parseOrgEvent: every SPEC §3 event type from a realistic fixture', () => {
  it.each(cases)('%s', (name, expected) => {
    expect(parseOrgEvent(fixture(name))).toStrictEqual(expected);
  });
});
