import type * as z from 'zod/mini';
import {
  AcceptHandshakeSchema,
  CloseAccountResultSchema,
  CloudTrailEventSchema,
  CreateAccountResultSchema,
  CreateManagedAccountSchema,
  CreateOrganizationalUnitSchema,
  EventBridgeEnvelopeSchema,
  HANDLED_EVENT_NAMES,
  MoveAccountSchema,
  RemoveAccountFromOrganizationSchema,
  TagChangeOnResourceSchema,
  TagResourceSchema,
  UntagResourceSchema,
  UpdateManagedAccountSchema,
} from '../src';
import { fixture, fixtureNames } from './helpers/fixtures';
import { mutate } from './helpers/mutate';

const schemaCases: ReadonlyArray<[string, z.ZodMiniType, string]> = [
  ['CreateAccountResultSchema', CreateAccountResultSchema, 'create-account-result-succeeded'],
  ['CreateAccountResultSchema', CreateAccountResultSchema, 'create-account-result-failed'],
  ['AcceptHandshakeSchema', AcceptHandshakeSchema, 'accept-handshake'],
  ['AcceptHandshakeSchema', AcceptHandshakeSchema, 'accept-handshake-service-event'],
  ['MoveAccountSchema', MoveAccountSchema, 'move-account'],
  ['TagChangeOnResourceSchema', TagChangeOnResourceSchema, 'tag-change-on-resource'],
  ['TagResourceSchema', TagResourceSchema, 'tag-resource'],
  ['UntagResourceSchema', UntagResourceSchema, 'untag-resource'],
  [
    'RemoveAccountFromOrganizationSchema',
    RemoveAccountFromOrganizationSchema,
    'remove-account-from-organization',
  ],
  ['CloseAccountResultSchema', CloseAccountResultSchema, 'close-account-result'],
  ['CreateManagedAccountSchema', CreateManagedAccountSchema, 'create-managed-account-succeeded'],
  ['UpdateManagedAccountSchema', UpdateManagedAccountSchema, 'update-managed-account-succeeded'],
  ['CreateOrganizationalUnitSchema', CreateOrganizationalUnitSchema, 'create-organizational-unit'],
];

describe('event schemas keep the raw event intact, unknown fields included (AWS adds fields)', () => {
  it.each(schemaCases)('%s parses %s unchanged', (_name, schema, name) => {
    const raw = mutate(fixture(name), '$.detail.someFieldAwsAddsLater', { nested: [1, 2] });
    expect(schema.parse(raw)).toStrictEqual(raw);
  });
});

describe('envelope schemas', () => {
  const cloudTrailFixtures = fixtureNames().filter(
    (n) => !n.startsWith('tag-change') && !n.startsWith('ec2'),
  );

  it.each(fixtureNames())('EventBridgeEnvelopeSchema accepts %s', (name) => {
    expect(EventBridgeEnvelopeSchema.safeParse(fixture(name)).success).toStrictEqual(true);
  });

  it.each(cloudTrailFixtures)('CloudTrailEventSchema accepts %s', (name) => {
    expect(CloudTrailEventSchema.safeParse(fixture(name)).success).toStrictEqual(true);
  });
});

describe('HANDLED_EVENT_NAMES', () => {
  it('lists every handled CloudTrail eventName by source', () => {
    expect(HANDLED_EVENT_NAMES).toStrictEqual({
      'aws.organizations': [
        'CreateAccountResult',
        'AcceptHandshake',
        'MoveAccount',
        'TagResource',
        'UntagResource',
        'RemoveAccountFromOrganization',
        'CloseAccountResult',
        'CreateOrganizationalUnit',
        'LeaveOrganization',
        'AccountJoinedOrganization',
        'AccountDepartedOrganization',
      ],
      'aws.controltower': ['CreateManagedAccount', 'UpdateManagedAccount'],
    });
  });
});
