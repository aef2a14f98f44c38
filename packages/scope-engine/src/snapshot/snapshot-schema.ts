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

const AccountSchema = z.strictObject({
  id: AccountIdSchema,
  name: NonEmptyStringSchema,
  email: z.string().optional(),
  parentId: ParentIdSchema,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).default('ACTIVE'),
  tags: z.record(z.string(), z.string()).default({}),
});

const ManagedBySchema = z.array(RuleIdSchema).optional();

/**
 * Shape of an organization snapshot document (SPEC §4). Lists default to empty; an account's
 * `status` defaults to `ACTIVE` and its `tags` to `{}`. Unknown fields are errors (a misspelt
 * `tags` would otherwise silently remove access).
 */
export const OrgSnapshotSchema = z.strictObject({
  managementAccountId: AccountIdSchema,
  rootId: RootIdSchema,
  organizationalUnits: z.array(OrganizationalUnitSchema).default([]),
  accounts: z.array(AccountSchema).default([]),
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
  attachments: z
    .array(
      z.strictObject({
        targetId: TargetIdSchema,
        policyId: PolicyIdSchema,
        managedBy: ManagedBySchema,
      }),
    )
    .default([]),
  assignments: z
    .array(
      z.strictObject({
        accountId: AccountIdSchema,
        permissionSetArn: ArnSchema,
        principalType: PrincipalTypeSchema,
        principalId: NonEmptyStringSchema,
        managedBy: ManagedBySchema,
      }),
    )
    .default([]),
});
