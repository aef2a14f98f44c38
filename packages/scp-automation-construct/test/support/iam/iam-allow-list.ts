/**
 * The reviewed IAM allow-list (`test/iam-allow-list.json`): for every role the stacks create, the
 * exact actions it may perform, each with the reason, and the features a deployment needs for
 * the entry to apply.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** Deployment features that add or remove permissions. */
export const IAM_FEATURES = [
  // Functions call SSO Admin / Identity Store themselves (no `identityCenterRoleArn`).
  'directIdentityCenter',
  // Functions assume `identityCenterRoleArn` for SSO Admin / Identity Store.
  'delegatedIdentityCenter',
  // No `ssoInstanceArn` / `identityStoreId`: functions find the instance with sso:ListInstances.
  'discoveredIdentityCenterInstance',
  // `settings.includeManagementAccount` is true.
  'managementAccountAssignments',
  // `OrgEventForwarder` stacks are part of the deployment.
  'forwarders',
] as const;

/** One deployment feature. */
export type IamFeature = (typeof IAM_FEATURES)[number];

/** `service:Action`, as IAM writes it (letters and digits; wildcards are checked separately). */
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

const WhenSchema = z.array(z.enum(IAM_FEATURES)).min(1).optional();

const ActionEntrySchema = z.strictObject({
  reason: z.string().min(20, 'write the reason in a sentence'),
  when: WhenSchema,
});

const RoleEntrySchema = z.strictObject({
  role: z.string().min(10, 'say which role this is'),
  when: WhenSchema,
  actions: z.record(z.string().regex(ACTION, 'expected service:Action'), ActionEntrySchema),
});

/** `service:Action on <resource ARN>`: an explicit deny every role must carry. */
const DENY = /^[a-z0-9-]+:[A-Za-z0-9]+ on arn:\S+$/;

/** Schema of `iam-allow-list.json`. */
export const IamAllowListSchema = z.strictObject({
  description: z.string(),
  managedPolicies: z.record(z.string(), z.string().min(20, 'write the reason in a sentence')),
  /** Explicit denies every role of every deployment carries, with the reason. */
  denies: z.record(
    z.string().regex(DENY, 'expected service:Action on arn:…'),
    z.string().min(20, 'write the reason in a sentence'),
  ),
  roles: z.record(z.string(), RoleEntrySchema),
});

/** The reviewed allow-list. */
export type IamAllowList = z.infer<typeof IamAllowListSchema>;

/** Where the reviewed allow-list lives. */
export const IAM_ALLOW_LIST_FILE = join(__dirname, '..', '..', 'iam-allow-list.json');

/**
 * Reads and validates the allow-list; a malformed file fails with every problem and its path.
 *
 * @example
 * ```ts
 * const allowList = loadIamAllowList();
 * Object.keys(allowList.roles); // ['org-events-processor', 'operations-worker', …]
 * ```
 */
export function loadIamAllowList(file: string = IAM_ALLOW_LIST_FILE): IamAllowList {
  const result = IamAllowListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`${file} is not a valid IAM allow-list:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Whether an entry applies to a deployment with these features. */
function applies(when: readonly IamFeature[] | undefined, features: ReadonlySet<IamFeature>) {
  return (when ?? []).every((feature) => features.has(feature));
}

/**
 * The roles a deployment with these features must create, with the actions each may perform
 * (sorted).
 *
 * @example
 * ```ts
 * expectedRoles(allowList, new Set(['directIdentityCenter']))['operations-worker'];
 * // ['dynamodb:DeleteItem', 'dynamodb:GetItem', …]
 * ```
 */
export function expectedRoles(
  allowList: IamAllowList,
  features: ReadonlySet<IamFeature>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(allowList.roles)
      .filter(([, role]) => applies(role.when, features))
      .map(([key, role]) => [
        key,
        Object.entries(role.actions)
          .filter(([, entry]) => applies(entry.when, features))
          .map(([action]) => action)
          .sort(),
      ]),
  );
}

/**
 * Every action the allow-list names, whatever the features (sorted, distinct).
 *
 * @example
 * ```ts
 * allowListedActions(allowList).includes('organizations:AttachPolicy'); // true
 * ```
 */
export function allowListedActions(allowList: IamAllowList): string[] {
  const actions = Object.values(allowList.roles).flatMap((role) => Object.keys(role.actions));
  return [...new Set(actions)].sort();
}
