import * as z from 'zod';
import {
  AccountIdSchema,
  ArnSchema,
  OuIdSchema,
  ParentIdSchema,
  PolicyIdSchema,
  PrincipalTypeSchema,
  RootIdSchema,
  RuleIdSchema,
  TargetIdSchema,
} from '../schema/id-schemas';
import { NAME_LIMITS, textSchema } from '../schema/text-schemas';
import { POLICY_TYPES } from '../policy/policy-types';

/** A name as AWS allows it: at most `max` characters, no control character. */
const name = (max: number) => textSchema({ max });
/** Tag keys and values: AWS allows no control or invisible (format) character in either. */
const TagsSchema = z.record(
  textSchema({ max: NAME_LIMITS.tagKey, refuse: 'controlOrInvisible' }),
  textSchema({ min: 0, max: NAME_LIMITS.tagValue, refuse: 'controlOrInvisible' }),
);

const OrganizationalUnitSchema = z.strictObject({
  id: OuIdSchema,
  name: name(NAME_LIMITS.ouName),
  parentId: ParentIdSchema,
});

/** One account; `status` defaults to ACTIVE and `tags` to `{}`. */
export const AccountSchema = z.strictObject({
  id: AccountIdSchema,
  name: name(NAME_LIMITS.accountName),
  email: textSchema({ min: 0, max: NAME_LIMITS.accountEmail }).optional(),
  parentId: ParentIdSchema,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).default('ACTIVE'),
  tags: TagsSchema.default({}),
});

const ManagedBySchema = z.array(RuleIdSchema).optional();

/** One policy attachment, of any type (no defaults: a valid item is used as it is). */
export const AttachmentSchema = z.strictObject({
  targetId: TargetIdSchema,
  policyId: PolicyIdSchema,
  managedBy: ManagedBySchema,
});

/** One account assignment (no defaults: a valid item is used as it is). */
export const AssignmentSchema = z.strictObject({
  accountId: AccountIdSchema,
  permissionSetArn: ArnSchema,
  principalType: PrincipalTypeSchema,
  principalId: name(NAME_LIMITS.principalId),
  managedBy: ManagedBySchema,
});

/**
 * Shape of an organization snapshot document (`org.yaml`), except the items of the three large
 * lists (`accounts`, `attachments`, `assignments`), which {@link parseOrgSnapshot} validates one by
 * one with {@link AccountSchema}, {@link AttachmentSchema} and {@link AssignmentSchema} so that a
 * snapshot of tens of thousands of accounts is never held twice in memory. Lists default to empty.
 * Unknown fields are errors (a misspelt `tags` would otherwise silently remove access).
 */
export const OrgSnapshotShellSchema = z.strictObject({
  managementAccountId: AccountIdSchema,
  rootId: RootIdSchema,
  /** Absent: only SERVICE_CONTROL_POLICY is enabled. */
  enabledPolicyTypes: z.array(z.enum(POLICY_TYPES)).optional(),
  organizationalUnits: z.array(OrganizationalUnitSchema).default([]),
  accounts: z.array(z.unknown()).default([]),
  policies: z
    .array(
      z.strictObject({
        id: PolicyIdSchema,
        name: name(NAME_LIMITS.policyName),
        // Absent: SERVICE_CONTROL_POLICY (left out, so a v1 snapshot reads back unchanged).
        type: z.enum(POLICY_TYPES).optional(),
      }),
    )
    .default([]),
  permissionSets: z
    .array(z.strictObject({ name: name(NAME_LIMITS.permissionSetName), arn: ArnSchema }))
    .default([]),
  principals: z
    .array(
      z.strictObject({
        type: PrincipalTypeSchema,
        name: name(NAME_LIMITS.groupName),
        id: name(NAME_LIMITS.principalId),
      }),
    )
    .default([]),
  attachments: z.array(z.unknown()).default([]),
  assignments: z.array(z.unknown()).default([]),
});
