import {
  AccountIdSchema,
  isAccountId,
  isOuId,
  isPolicyId,
  isRootId,
  OuIdSchema,
  ParentIdSchema,
  PolicyIdSchema,
  RootIdSchema,
  TaggableResourceIdSchema,
} from '../src';

describe.each([
  [
    'AccountIdSchema',
    AccountIdSchema,
    ['222233334444', '000000000000'],
    ['22223333444', '2222333344445', 'abcdefghijkl', ' 222233334444', 222233334444],
  ],
  [
    'RootIdSchema',
    RootIdSchema,
    ['r-ab12', 'r-0123456789abcdefghijklmnopqrstuv'],
    ['r-ab1', 'r-AB12', 'ou-ab12-11111111', 'r-'],
  ],
  [
    'OuIdSchema',
    OuIdSchema,
    ['ou-ab12-11111111', 'ou-ab12-abcdefgh12345678'],
    ['ou-ab12', 'ou-ab12-1111111', 'ou-AB12-11111111', 'r-ab12'],
  ],
  [
    'ParentIdSchema',
    ParentIdSchema,
    ['r-ab12', 'ou-ab12-22222222'],
    ['p-FullAWSAccess', '222233334444', ''],
  ],
  [
    'PolicyIdSchema',
    PolicyIdSchema,
    ['p-FullAWSAccess', 'p-aaaa1111', 'p-95ouy7ns_x'],
    ['p-short', 'p-has-dash1', 'FullAWSAccess', 'r-ab12'],
  ],
  [
    'TaggableResourceIdSchema',
    TaggableResourceIdSchema,
    ['222233334444', 'r-ab12', 'ou-ab12-11111111', 'p-aaaa1111', 'rp-ab12cd34'],
    ['12345', 'o-exampleorg1', 'arn:aws:organizations::111111111111:account/o-x/222233334444'],
  ],
] as const)('%s', (_name, schema, valid, invalid) => {
  it.each(valid.map((v) => [v]))('accepts %j', (value) => {
    expect(schema.safeParse(value)).toStrictEqual({ success: true, data: value });
  });
  it.each(invalid.map((v) => [v]))('rejects %j', (value) => {
    expect(schema.safeParse(value).success).toStrictEqual(false);
  });
});

describe('id predicates', () => {
  it.each([
    ['222233334444', [true, false, false, false]],
    ['r-ab12', [false, true, false, false]],
    ['ou-ab12-11111111', [false, false, true, false]],
    ['p-FullAWSAccess', [false, false, false, true]],
    [undefined, [false, false, false, false]],
  ] as const)('%j → [account, root, ou, policy]', (value, expected) => {
    expect([isAccountId(value), isRootId(value), isOuId(value), isPolicyId(value)]).toStrictEqual(
      expected,
    );
  });
});
