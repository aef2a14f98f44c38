import * as z from 'zod/mini';

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
/**
 * A whole ARN (any service): partition, service, region (may be empty), account (12 digits or
 * empty), then a resource of printable ASCII without spaces, at most 2048 characters in all.
 */
export const ARN =
  /^(?=[\x21-\x7e]{1,2048}$)arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12})?:[\x21-\x7e]+$/;
/** A Secrets Manager secret ARN (with or without the 6-character suffix AWS adds). */
export const SECRET_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;
/** An SNS topic ARN (standard or FIFO). */
export const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;

/** A string matching `pattern`, with `expected` as the message when it does not. */
function patterned(pattern: RegExp, expected: string) {
  return z.string().check(z.regex(pattern, { error: `expected ${expected}` }));
}

/** A non-empty string (names, keys). */
export const NonEmptyStringSchema = z
  .string()
  .check(z.minLength(1, { error: 'must not be empty' }));
/** A 12-digit AWS account id (quote it in YAML: unquoted digits are read as a number). */
export const AccountIdSchema = patterned(ACCOUNT_ID, 'a 12-digit AWS account id');
/** An organization root id such as `r-ab12`. */
export const RootIdSchema = patterned(ROOT_ID, 'a root id like r-ab12');
/** An organizational unit id such as `ou-ab12-11111111`. */
export const OuIdSchema = patterned(OU_ID, 'an OU id like ou-ab12-11111111');
/** A root or OU id. */
export const ParentIdSchema = z.string().check(
  z.refine((v) => ROOT_ID.test(v) || OU_ID.test(v), {
    error: 'expected a root or OU id like r-ab12 or ou-ab12-11111111',
  }),
);
/** An SCP id such as `p-FullAWSAccess`. */
export const PolicyIdSchema = patterned(POLICY_ID, 'a policy id like p-FullAWSAccess');
/** Attachment targets: an account, OU or root id. */
export const TargetIdSchema = z.string().check(
  z.refine((v) => ACCOUNT_ID.test(v) || ROOT_ID.test(v) || OU_ID.test(v), {
    error: 'expected an account, OU or root id',
  }),
);
/** A rule or notification id: `[a-z0-9-]{1,64}`. */
export const RuleIdSchema = patterned(
  RULE_ID_PATTERN,
  'an id of 1-64 lowercase letters, digits or "-" ([a-z0-9-]{1,64})',
);
/** An ARN (any service), checked whole. */
export const ArnSchema = z
  .string()
  .check(z.regex(ARN, { error: 'expected an ARN like arn:aws:service:region:account:resource' }));
/** A Secrets Manager secret ARN, checked whole. */
export const SecretArnSchema = patterned(
  SECRET_ARN,
  'a Secrets Manager secret ARN like arn:aws:secretsmanager:us-east-1:111111111111:secret:name-AbCdEf',
);
/** An SNS topic ARN, checked whole. */
export const TopicArnSchema = patterned(
  TOPIC_ARN,
  'an SNS topic ARN like arn:aws:sns:us-east-1:111111111111:topic-name',
);
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
