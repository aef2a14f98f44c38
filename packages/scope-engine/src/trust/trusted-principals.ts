/**
 * Trusted tag principals: IAM role and user ARN patterns (`*` is the only wildcard) that decide
 * whose tags an `accountTag` rule believes.
 */

/** Longest principal pattern accepted (IAM ARNs are at most 2048 characters). */
export const MAX_PRINCIPAL_PATTERN_LENGTH = 2048;

/**
 * What a `settings.trustedTagPrincipals` entry must look like: an IAM role or user ARN in which
 * `*` may stand for any run of characters, e.g. `arn:aws:iam::123456789012:role/Platform*` or
 * `arn:aws:iam::*:role/org/TagAdmin`. Session (`sts`) ARNs, other services and a bare `*` are refused.
 */
export const TRUSTED_PRINCIPAL_PATTERN =
  /^arn:(?:aws[a-z-]*|\*):iam::(?:[0-9*]{1,12}):(?:role|user)\/[\w+=,.@/*-]*[\w+=,.@*-]$/;

/** An IAM role ARN split into the parts a session ARN can be compared on. */
const IAM_ROLE = /^arn:([^:]*):iam::([^:]*):role\/(.*)$/;
/** `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
const ASSUMED_ROLE = /^arn:([^:]+):sts::([^:]+):assumed-role\/([^/]+)\/.+$/;

/** A compiled pattern: the whole pattern, and for role patterns its partition, account and name. */
interface CompiledPattern {
  readonly whole: RegExp;
  readonly role?: {
    readonly partition: RegExp;
    readonly account: RegExp;
    readonly name: RegExp;
  };
}

/** `glob` as an anchored regular expression: `*` is any run of characters, everything else literal. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

function compile(pattern: string): CompiledPattern {
  const whole = globRegExp(pattern);
  const role = IAM_ROLE.exec(pattern);
  if (role === null) return { whole };
  const [, partition = '', account = '', pathAndName = ''] = role;
  const name = pathAndName.slice(pathAndName.lastIndexOf('/') + 1);
  return {
    whole,
    role: {
      partition: globRegExp(partition),
      account: globRegExp(account),
      name: globRegExp(name),
    },
  };
}

/**
 * A predicate that tells whether a principal ARN is trusted by any of `patterns` (compiled once;
 * use it when checking many principals against the same patterns).
 *
 * An IAM role or user ARN matches a pattern when the whole ARN matches it. An assumed-role session
 * (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) matches through its role: a session ARN does
 * not carry the role's path, so it matches a role pattern when the partition, the account and the
 * role name (the pattern's last `/` segment) match — `role/ROLE`, `role/team/ROLE` and a
 * wildcard path before `/ROLE` all trust the sessions of `ROLE` (role names are unique in an
 * account whatever their path). A pattern with a path and a wildcard in the name (`role/team/*`) therefore trusts
 * the sessions of every role of that account whose name matches: list roles by name where that
 * matters. Comparisons are case-sensitive, as ARNs in CloudTrail records are.
 *
 * @example
 * ```ts
 * const trusted = trustedPrincipalMatcher(['arn:aws:iam::123456789012:role/Platform*']);
 * trusted('arn:aws:sts::123456789012:assumed-role/PlatformAdmin/jdoe'); // true
 * ```
 */
export function trustedPrincipalMatcher(patterns: readonly string[]): (arn: string) => boolean {
  const compiled = patterns.map(compile);
  return (principalArn) => {
    if (compiled.some((p) => p.whole.test(principalArn))) return true;
    const session = ASSUMED_ROLE.exec(principalArn);
    if (session === null) return false;
    const [, partition = '', account = '', roleName = ''] = session;
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
    return compiled.some(
      (p) =>
        p.whole.test(roleArn) ||
        (p.role !== undefined &&
          p.role.partition.test(partition) &&
          p.role.account.test(account) &&
          p.role.name.test(roleName)),
    );
  };
}

/**
 * Whether `principalArn` (an IAM role or user ARN, or an assumed-role session ARN) is trusted by
 * one of `patterns`; see {@link trustedPrincipalMatcher} for how sessions match.
 *
 * @example
 * ```ts
 * isTrustedPrincipal('arn:aws:sts::123456789012:assumed-role/TagAdmin/ci', ['arn:aws:iam::123456789012:role/ops/TagAdmin']); // true
 * isTrustedPrincipal('arn:aws:iam::123456789012:user/mallory', ['arn:aws:iam::123456789012:role/*']); // false
 * ```
 */
export function isTrustedPrincipal(principalArn: string, patterns: readonly string[]): boolean {
  return trustedPrincipalMatcher(patterns)(principalArn);
}
