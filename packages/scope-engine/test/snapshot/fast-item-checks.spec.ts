import fc from 'fast-check';
import {
  isPlainValidAccount,
  isPlainValidAssignment,
  isPlainValidAttachment,
} from '../../src/snapshot/fast-item-checks';
import {
  AccountSchema,
  AssignmentSchema,
  AttachmentSchema,
} from '../../src/snapshot/snapshot-schema';

/** Values that are valid for some field and invalid for others. */
const anyValue = fc.oneof(
  fc.constantFrom(
    '222222222222',
    '22222222222',
    'r-ab12',
    'ou-ab12-11111111',
    'p-FullAWSAccess',
    'p-x',
    'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
    'GROUP',
    'USER',
    'ROLE',
    'rule-1',
    'Rule_1',
    'ACTIVE',
    'GONE',
    '',
    'name',
  ),
  fc.constantFrom(undefined, null, 1, true),
  fc.array(fc.constantFrom('rule-1', 'Bad Rule', 3), { maxLength: 2 }),
  fc.dictionary(
    fc.constantFrom('env', 'team'),
    fc.oneof(fc.constantFrom('prod', ''), fc.integer()),
  ),
);
/** A valid value per field, so that many generated items are (nearly) valid. */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  targetId: fc.constantFrom('222222222222', 'r-ab12', 'ou-ab12-11111111'),
  policyId: fc.constant('p-FullAWSAccess'),
  managedBy: fc.constantFrom(undefined, [], ['rule-1']),
  accountId: fc.constant('222222222222'),
  permissionSetArn: fc.constant('arn:aws:sso:::permissionSet/ssoins-1/ps-1'),
  principalType: fc.constantFrom('GROUP', 'USER'),
  principalId: fc.constant('g-1'),
  id: fc.constant('222222222222'),
  name: fc.constant('acct'),
  email: fc.constantFrom(undefined, 'a@example.com'),
  parentId: fc.constantFrom('r-ab12', 'ou-ab12-11111111'),
  status: fc.constantFrom('ACTIVE', 'SUSPENDED'),
  tags: fc.constantFrom({}, { env: 'prod' }),
};
/** Items whose fields are mostly valid, sometimes missing, wrong or extra. */
const item = (keys: readonly string[]) =>
  fc
    .tuple(
      ...keys.map((key) =>
        fc.oneof(
          { weight: 8, arbitrary: (VALID[key] ?? anyValue).map((v) => [key, v] as const) },
          { weight: 1, arbitrary: anyValue.map((v) => [key, v] as const) },
          { weight: 1, arbitrary: fc.constant([key, undefined] as const) },
        ),
      ),
      fc.option(
        anyValue.map((v) => ['extra', v] as const),
        { freq: 10 },
      ),
    )
    .map((entries) =>
      Object.fromEntries(
        entries.filter((e): e is readonly [string, unknown] => e !== null && e[1] !== undefined),
      ),
    );

describe.each([
  ['attachment', isPlainValidAttachment, AttachmentSchema, ['targetId', 'policyId', 'managedBy']],
  [
    'assignment',
    isPlainValidAssignment,
    AssignmentSchema,
    ['accountId', 'permissionSetArn', 'principalType', 'principalId', 'managedBy'],
  ],
  [
    'account',
    isPlainValidAccount,
    AccountSchema,
    ['id', 'name', 'email', 'parentId', 'status', 'tags'],
  ],
] as const)('the fast %s check', (_name, fast, schema, keys) => {
  it('accepts an item only when zod accepts it unchanged (and accepts many)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(item(keys), (candidate) => {
        if (!fast(candidate)) return;
        accepted++;
        const parsed = schema.safeParse(candidate);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(candidate);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('the fast checks accept typical items', () => {
  it.each([
    [
      isPlainValidAttachment({
        targetId: '222222222222',
        policyId: 'p-FullAWSAccess',
        managedBy: ['a'],
      }),
      true,
    ],
    [
      isPlainValidAssignment({
        accountId: '222222222222',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
        principalType: 'GROUP',
        principalId: 'g',
      }),
      true,
    ],
    [
      isPlainValidAccount({
        id: '222222222222',
        name: 'a',
        parentId: 'r-ab12',
        status: 'ACTIVE',
        tags: {},
      }),
      true,
    ],
    [isPlainValidAccount({ id: '222222222222', name: 'a', parentId: 'r-ab12' }), false],
  ])('%#', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
