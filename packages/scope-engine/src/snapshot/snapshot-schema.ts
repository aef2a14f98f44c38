import * as z from 'zod/mini';
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

/** An ISO 8601 date-time (UTC or with an offset). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** A list of `item`, empty when absent. */
const listOf = <T extends z.core.SomeType>(item: T) => z._default(z.array(item), []);
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
  email: z.optional(textSchema({ min: 0, max: NAME_LIMITS.accountEmail })),
  parentId: ParentIdSchema,
  status: z._default(z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']), 'ACTIVE'),
  tags: z._default(TagsSchema, {}),
});

const ManagedBySchema = z.optional(z.array(RuleIdSchema));

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

/** One tag ledger entry: who last set the value of `key` on `accountId`, and when. */
export const TagLedgerEntrySchema = z.strictObject({
  accountId: AccountIdSchema,
  key: textSchema({ max: NAME_LIMITS.tagKey, refuse: 'controlOrInvisible' }),
  value: textSchema({ min: 0, max: NAME_LIMITS.tagValue, refuse: 'controlOrInvisible' }),
  setBy: textSchema({ max: NAME_LIMITS.arn, refuse: 'controlOrInvisible' }),
  setAt: z.optional(
    z
      .string()
      .check(z.regex(ISO_TIME, { error: 'expected an ISO 8601 time like 2026-01-01T00:00:00Z' })),
  ),
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
  enabledPolicyTypes: z.optional(z.array(z.enum(POLICY_TYPES))),
  organizationalUnits: listOf(OrganizationalUnitSchema),
  accounts: listOf(z.unknown()),
  policies: listOf(
    z.strictObject({
      id: PolicyIdSchema,
      name: name(NAME_LIMITS.policyName),
      // Absent: SERVICE_CONTROL_POLICY (left out, so a v1 snapshot reads back unchanged).
      type: z.optional(z.enum(POLICY_TYPES)),
    }),
  ),
  permissionSets: listOf(
    z.strictObject({ name: name(NAME_LIMITS.permissionSetName), arn: ArnSchema }),
  ),
  principals: listOf(
    z.strictObject({
      type: PrincipalTypeSchema,
      name: name(NAME_LIMITS.groupName),
      id: name(NAME_LIMITS.principalId),
    }),
  ),
  attachments: listOf(z.unknown()),
  assignments: listOf(z.unknown()),
  /** Who last set each tag value (absent: no ledger). */
  tagLedger: z.optional(z.array(TagLedgerEntrySchema)),
});
