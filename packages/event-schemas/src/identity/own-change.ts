import type { ChangeActor } from '../domain/change-event';

/** `arn:<partition>:iam::<account>:role/<path/>name`. */
const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
/** `arn:<partition>:sts::<account>:assumed-role/<name>/<session>`. */
const ASSUMED_ROLE_ARN = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * The role an ARN stands for, as `<account>/<role name>`: an IAM role ARN (any path) or an STS
 * assumed-role session ARN. `null` for anything else (a user, a root, a service).
 *
 * @example
 * ```ts
 * roleKey('arn:aws:sts::111111111111:assumed-role/org-governance-worker/1730450000'); // '111111111111/org-governance-worker'
 * roleKey('arn:aws:iam::111111111111:role/service/org-governance-worker'); // '111111111111/org-governance-worker'
 * ```
 */
export function roleKey(arn: string): string | null {
  const match = ROLE_ARN.exec(arn) ?? ASSUMED_ROLE_ARN.exec(arn);
  return match === null ? null : `${match[1]}/${match[2]}`;
}

/**
 * `true` when the change was made by one of the product's roles: the caller's ARN or its session
 * issuer's ARN is one of `productRoleArns`, or an assumed-role session of one of them (role paths
 * do not appear in session ARNs, so roles compare by account and name).
 *
 * @example
 * ```ts
 * isOwnChange(outcome.event.actor, ['arn:aws:iam::111111111111:role/org-governance-worker']);
 * ```
 */
export function isOwnChange(actor: ChangeActor, productRoleArns: readonly string[]): boolean {
  const own = new Set(productRoleArns.map((arn) => roleKey(arn) ?? arn));
  return [actor.arn, actor.sessionIssuerArn].some(
    (arn) => arn !== null && own.has(roleKey(arn) ?? arn),
  );
}
