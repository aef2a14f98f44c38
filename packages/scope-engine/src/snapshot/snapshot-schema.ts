import * as z from 'zod';
import {
  AccountIdSchema,
  ArnSchema,
  NonEmptyStringSchema,
  OuIdSchema,
  ParentIdSchema,
  PolicyIdSchema,
  PrincipalTypeSchema,
  RootIdSchema,
  RuleIdSchema,
  TargetIdSchema,
} from '../schema/id-schemas';

const OrganizationalUnitSchema = z.strictObject({
  id: OuIdSchema,
  name: NonEmptyStringSchema,
  parentId: ParentIdSchema,
});

/** One account; `status` defaults to ACTIVE and `tags` to `{}`. */
export const AccountSchema = z.strictObject({
  id: AccountIdSchema,
  name: NonEmptyStringSchema,
  email: z.string().optional(),
  parentId: ParentIdSchema,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).default('ACTIVE'),
  tags: z.record(z.string(), z.string()).default({}),
});

const ManagedBySchema = z.array(RuleIdSchema).optional();

/** One SCP attachment (no defaults: a valid item is used as it is). */
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
  principalId: NonEmptyStringSchema,
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
  organizationalUnits: z.array(OrganizationalUnitSchema).default([]),
  accounts: z.array(z.unknown()).default([]),
  policies: z.array(z.strictObject({ id: PolicyIdSchema, name: NonEmptyStringSchema })).default([]),
  permissionSets: z
    .array(z.strictObject({ name: NonEmptyStringSchema, arn: ArnSchema }))
    .default([]),
  principals: z
    .array(
      z.strictObject({
        type: PrincipalTypeSchema,
        name: NonEmptyStringSchema,
        id: NonEmptyStringSchema,
      }),
    )
    .default([]),
  attachments: z.array(z.unknown()).default([]),
  assignments: z.array(z.unknown()).default([]),
});
