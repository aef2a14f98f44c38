import * as z from 'zod/mini';
import { NOTIFICATION_TRIGGERS } from '@org/event-schemas';
import {
  AccountIdSchema,
  OuIdSchema,
  PrincipalTypeSchema,
  RuleIdSchema,
  SecretArnSchema,
  TopicArnSchema,
} from '../schema/id-schemas';
import { NAME_LIMITS, textSchema } from '../schema/text-schemas';
import { POLICY_TYPES } from '../policy/policy-types';
import {
  MAX_PRINCIPAL_PATTERN_LENGTH,
  TRUSTED_PRINCIPAL_PATTERN,
} from '../trust/trusted-principals';

/** A name a rule refers to: no control or invisible character (it would never match). */
const nameRef = (max: number) => textSchema({ max, refuse: 'controlOrInvisible' });
/** A code or short setting value: no control character. */
const CodeSchema = textSchema({ max: 100 });
/** A permission set name (32 characters) or its ARN. */
const PermissionSetRefSchema = nameRef(NAME_LIMITS.arn).check(
  z.refine((v) => v.startsWith('arn:') || v.length <= NAME_LIMITS.permissionSetName, {
    error: `a permission set name is at most ${NAME_LIMITS.permissionSetName} characters (or give its ARN)`,
  }),
);
/** A list of `item`, empty when absent. */
const listOf = <T extends z.core.SomeType>(item: T) => z._default(z.array(item), []);
/** A list of at least one `item`. */
const nonEmptyList = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1));
/** An integer from `min` to `max`. */
const intFrom = (min: number, max: number) =>
  z.number().check(z.int(), z.minimum(min), z.maximum(max));

const ScopeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('root') }),
  z.strictObject({
    type: z.literal('ou'),
    id: OuIdSchema,
    includeDescendants: z._default(z.boolean(), true),
  }),
  z.strictObject({ type: z.literal('account'), id: AccountIdSchema }),
  z.strictObject({
    type: z.literal('accountTag'),
    key: nameRef(NAME_LIMITS.tagKey),
    value: z.optional(
      textSchema({ min: 0, max: NAME_LIMITS.tagValue, refuse: 'controlOrInvisible' }),
    ),
  }),
]);

const ExclusionsSchema = z._default(
  z.strictObject({ accounts: listOf(AccountIdSchema), ous: listOf(OuIdSchema) }),
  { accounts: [], ous: [] },
);

const ScpRuleSchema = z.strictObject({
  id: RuleIdSchema,
  policies: nonEmptyList(nameRef(NAME_LIMITS.policyId)),
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** A rule of any Organizations policy type. */
const PolicyRuleSchema = z.strictObject({
  id: RuleIdSchema,
  type: z.enum(POLICY_TYPES),
  policies: nonEmptyList(nameRef(NAME_LIMITS.policyId)),
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** Slots per target for each policy type (types not listed keep AWS's default). */
const PolicySlotsSchema = z.partialRecord(z.enum(POLICY_TYPES), intFrom(1, 1000));

const PrincipalRefSchema = z
  .strictObject({
    type: PrincipalTypeSchema,
    name: z.optional(nameRef(NAME_LIMITS.groupName)),
    id: z.optional(nameRef(NAME_LIMITS.principalId)),
  })
  .check(
    z.refine((p) => (p.name === undefined) !== (p.id === undefined), {
      error: 'give exactly one of "name" or "id"',
      // Checked even when a field has another problem, so every problem is listed at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );

/** A trusted tag principal: an IAM role or user ARN pattern, `*` the only wildcard. */
const TrustedPrincipalSchema = z.string().check(
  z.maxLength(MAX_PRINCIPAL_PATTERN_LENGTH),
  z.regex(TRUSTED_PRINCIPAL_PATTERN, {
    error:
      'expected an IAM role or user ARN pattern like arn:aws:iam::123456789012:role/Platform* (an assumed-role session matches through its role)',
  }),
);

const AssignmentRuleSchema = z.strictObject({
  id: RuleIdSchema,
  permissionSet: PermissionSetRefSchema,
  principal: PrincipalRefSchema,
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** Template text: line breaks are allowed (a subject's are refused by the target checks). */
const TemplateSchema = textSchema({ min: 0, max: 300_000, refuse: 'controlExceptLineBreaks' });
const TemplatesSchema = { subject: z.optional(TemplateSchema), body: z.optional(TemplateSchema) };
/** Template text that must not be empty. */
const RequiredTemplateSchema = TemplateSchema.check(z.minLength(1, { error: 'must not be empty' }));

const NotificationTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('supportCase'),
    subject: RequiredTemplateSchema,
    body: RequiredTemplateSchema,
    serviceCode: CodeSchema,
    categoryCode: CodeSchema,
    severityCode: z._default(CodeSchema, 'low'),
  }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z
      .string()
      .check(
        z.maxLength(2048),
        z.regex(/^https:\/\/[^\s]+$/, { error: 'expected an https:// URL' }),
      ),
    secretArn: SecretArnSchema,
    allowPrivateNetwork: z.optional(z.boolean()),
    ...TemplatesSchema,
  }),
  z.strictObject({ type: z.literal('sns'), topicArn: TopicArnSchema, ...TemplatesSchema }),
]);

const NotificationSchema = z.strictObject({
  id: RuleIdSchema,
  on: nonEmptyList(z.enum(NOTIFICATION_TRIGGERS)),
  target: NotificationTargetSchema,
});

/**
 * Shape of a governance configuration document (docs/configuration.md), with defaults: `maxScpsPerTarget` 10
 * (`maxPoliciesPerTarget` absent: AWS's default slots per policy type), `policyRules` empty,
 * `includeManagementAccount` false, `includeDescendants` true, empty exclusions and rule lists,
 * `severityCode` low. Unknown fields are errors.
 */
export const GovernanceConfigSchema = z.strictObject({
  settings: z._default(
    z.strictObject({
      maxScpsPerTarget: z._default(intFrom(1, 1000), 10),
      maxPoliciesPerTarget: z.optional(PolicySlotsSchema),
      includeManagementAccount: z._default(z.boolean(), false),
      /**
       * Most detaches and deletes a reconcile run or a rules apply executes without an explicit
       * confirmation. Absent means `DEFAULT_MAX_DESTRUCTIVE_OPERATIONS` (25).
       */
      maxDestructiveOperations: z.optional(intFrom(0, 1_000_000)),
      /** Whose tags `accountTag` rules trust (absent or empty: everyone's, as in v1). */
      trustedTagPrincipals: z.optional(z.array(TrustedPrincipalSchema)),
    }),
    { maxScpsPerTarget: 10, includeManagementAccount: false },
  ),
  scpRules: listOf(ScpRuleSchema),
  policyRules: listOf(PolicyRuleSchema),
  assignmentRules: listOf(AssignmentRuleSchema),
  notifications: listOf(NotificationSchema),
});

/** The parsed document, before it is mapped to the engine's `GovernanceConfig`. */
export type GovernanceConfigDocument = z.infer<typeof GovernanceConfigSchema>;
