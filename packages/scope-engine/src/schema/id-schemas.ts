import * as z from 'zod';

/** Rule and notification ids: 1-64 lowercase letters, digits or `-`. */
export const RULE_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
/** A 12-digit account id. */
export const ACCOUNT_ID = /^\d{12}$/;
/** A root id such as `r-ab12`. */
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
/** An OU id such as `ou-ab12-11111111`. */
export const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
/** A policy id such as `p-FullAWSAccess`. */
export const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
/** Any ARN. */
export const ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:/;

/** A string matching `pattern`, with `expected` as the message when it does not. */
function patterned(pattern: RegExp, expected: string) {
  return z.string().regex(pattern, { error: `expected ${expected}` });
}

/** A non-empty string (names, keys). */
export const NonEmptyStringSchema = z.string().min(1, { error: 'must not be empty' });
/** A 12-digit AWS account id (quote it in YAML: unquoted digits are read as a number). */
export const AccountIdSchema = patterned(ACCOUNT_ID, 'a 12-digit AWS account id');
/** An organization root id such as `r-ab12`. */
export const RootIdSchema = patterned(ROOT_ID, 'a root id like r-ab12');
/** An organizational unit id such as `ou-ab12-11111111`. */
export const OuIdSchema = patterned(OU_ID, 'an OU id like ou-ab12-11111111');
/** A root or OU id. */
export const ParentIdSchema = z.string().refine((v) => ROOT_ID.test(v) || OU_ID.test(v), {
  error: 'expected a root or OU id like r-ab12 or ou-ab12-11111111',
});
/** An SCP id such as `p-FullAWSAccess`. */
export const PolicyIdSchema = patterned(POLICY_ID, 'a policy id like p-FullAWSAccess');
/** Attachment targets: an account, OU or root id. */
export const TargetIdSchema = z
  .string()
  .refine((v) => ACCOUNT_ID.test(v) || ROOT_ID.test(v) || OU_ID.test(v), {
    error: 'expected an account, OU or root id',
  });
/** A rule or notification id: `[a-z0-9-]{1,64}`. */
export const RuleIdSchema = patterned(
  RULE_ID_PATTERN,
  'an id of 1-64 lowercase letters, digits or "-" ([a-z0-9-]{1,64})',
);
/** An ARN (any service). */
export const ArnSchema = z.string().regex(ARN, { error: 'expected an ARN' });
/** Identity Center principal type. */
export const PrincipalTypeSchema = z.enum(['USER', 'GROUP']);

/** `true` when `value` is a root id such as `r-ab12`. */
export function isRootId(value: string): boolean {
  return ROOT_ID.test(value);
}

/** `true` when `value` is a 12-digit account id. */
export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}
