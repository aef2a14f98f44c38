import { parseOrgEvent, type DomainEvent } from '../src';
import { TAGGER } from './helpers/actors';
import { metaOf } from './helpers/expected';
import { fixture } from './helpers/fixtures';
import { edit } from './helpers/mutate';

type Edits = ReadonlyArray<readonly [string] | readonly [string, unknown]>;

const HS = '$.detail.responseElements.handshake';
const RP = '$.detail.requestParameters';

/** Real-world variants of the samples (fields AWS omits, alternative shapes) and what they yield. */
const cases: ReadonlyArray<[string, string, Edits, DomainEvent]> = [
  [
    'CreateAccountResult SUCCEEDED without accountName',
    'create-account-result-succeeded',
    [['$.detail.serviceEventDetails.createAccountStatus.accountName']],
    {
      type: 'AccountCreated',
      accountId: '222233334444',
      accountName: null,
      meta: metaOf('create-account-result-succeeded', 'CreateAccountResult'),
    },
  ],
  [
    'AcceptHandshake without action (an invitation)',
    'accept-handshake',
    [[`${HS}.action`]],
    {
      type: 'AccountJoined',
      accountId: '555566667777',
      meta: metaOf('accept-handshake', 'AcceptHandshake'),
    },
  ],
  [
    'AcceptHandshake of an invitation sent by email (EMAIL party, ACCOUNT resource)',
    'accept-handshake',
    [[`${HS}.parties[1]`, { type: 'EMAIL', id: 'owner@example.com' }]],
    {
      type: 'AccountJoined',
      accountId: '555566667777',
      meta: metaOf('accept-handshake', 'AcceptHandshake'),
    },
  ],
  [
    'AcceptHandshake with unknown fields everywhere',
    'accept-handshake-service-event',
    [
      [`${HS}.parties[0].extra`, true],
      ['$.detail.additionalEventData', { foo: 'bar' }],
      ['$.detail.requestParameters'],
    ],
    {
      type: 'AccountJoined',
      accountId: '555566667777',
      meta: metaOf('accept-handshake-service-event', 'AcceptHandshake'),
    },
  ],
  [
    'TagResource with a repeated key (last wins) and an empty value',
    'tag-resource',
    [
      [
        `${RP}.tags`,
        [
          { key: 'env', value: 'dev' },
          { key: 'owner', value: '' },
          { key: 'env', value: 'prod' },
        ],
      ],
    ],
    {
      type: 'AccountTagsChanged',
      accountId: '222233334444',
      change: { kind: 'set', tags: { env: 'prod', owner: '' } },
      actor: TAGGER,
      meta: metaOf('tag-resource', 'TagResource'),
    },
  ],
  [
    'Tag change that deleted every tag',
    'tag-change-on-resource',
    [
      ['$.detail.tags', {}],
      ['$.detail["changed-tag-keys"]', ['env', 'team']],
    ],
    {
      type: 'AccountTagsChanged',
      accountId: '222233334444',
      change: { kind: 'replace', tags: {}, changedKeys: ['env', 'team'] },
      meta: metaOf('tag-change-on-resource', 'TagChangeOnResource'),
    },
  ],
  [
    'Tag change without version, in the aws-cn partition',
    'tag-change-on-resource',
    [
      ['$.detail.version'],
      [
        '$.resources[0]',
        'arn:aws-cn:organizations::111111111111:account/o-exampleorg1/222233334444',
      ],
    ],
    {
      type: 'AccountTagsChanged',
      accountId: '222233334444',
      change: { kind: 'replace', tags: { env: 'prod', team: 'payments' }, changedKeys: ['env'] },
      meta: metaOf('tag-change-on-resource', 'TagChangeOnResource'),
    },
  ],
  [
    'Control Tower vending IN_PROGRESS without message',
    'create-managed-account-succeeded',
    [
      ['$.detail.serviceEventDetails.createManagedAccountStatus.state', 'IN_PROGRESS'],
      ['$.detail.serviceEventDetails.createManagedAccountStatus.message'],
    ],
    {
      type: 'ManagedAccountVended',
      operation: 'CreateManagedAccount',
      lifecycle: 'created',
      state: 'IN_PROGRESS',
      accountId: '888899990000',
      accountName: 'analytics-prod',
      ouId: 'ou-ab12-22222222',
      ouName: 'Prod',
      message: null,
      meta: metaOf('create-managed-account-succeeded', 'CreateManagedAccount'),
    },
  ],
  [
    'Control Tower FAILED with "Not Available" OU and account name',
    'create-managed-account-failed',
    [
      [
        '$.detail.serviceEventDetails.createManagedAccountStatus.organizationalUnit',
        {
          organizationalUnitName: 'Not Available',
          organizationalUnitId: 'Not Available',
        },
      ],
      [
        '$.detail.serviceEventDetails.createManagedAccountStatus.account.accountName',
        'Not Available',
      ],
    ],
    {
      type: 'ManagedAccountVended',
      operation: 'CreateManagedAccount',
      lifecycle: 'created',
      state: 'FAILED',
      accountId: null,
      accountName: null,
      ouId: null,
      ouName: null,
      message: 'AWS Control Tower failed to create a managed account.',
      meta: metaOf('create-managed-account-failed', 'CreateManagedAccount'),
    },
  ],
  [
    'CreateOrganizationalUnit under another OU',
    'create-organizational-unit',
    [[`${RP}.parentId`, 'ou-ab12-11111111']],
    {
      type: 'OrganizationalUnitCreated',
      ouId: 'ou-ab12-44444444',
      name: 'Security',
      parentId: 'ou-ab12-11111111',
      meta: metaOf('create-organizational-unit', 'CreateOrganizationalUnit'),
    },
  ],
  [
    'MoveAccount delivered with an empty errorCode',
    'move-account',
    [['$.detail.errorCode', '']],
    {
      type: 'AccountMoved',
      accountId: '222233334444',
      sourceParentId: 'r-ab12',
      destinationParentId: 'ou-ab12-11111111',
      meta: metaOf('move-account', 'MoveAccount'),
    },
  ],
];

describe('parseOrgEvent: real-world variants of the samples', () => {
  it.each(cases)('%s', (_label, name, edits, event) => {
    expect(parseOrgEvent(edit(fixture(name), edits))).toStrictEqual({ kind: 'event', event });
  });
});
