import * as z from 'zod';
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

/** A name a rule refers to: no control or invisible character (it would never match). */
const nameRef = (max: number) => textSchema({ max, refuse: 'controlOrInvisible' });
/** A code or short setting value: no control character. */
const CodeSchema = textSchema({ max: 100 });
/** A permission set name (32 characters) or its ARN. */
const PermissionSetRefSchema = nameRef(NAME_LIMITS.arn).refine(
  (v) => v.startsWith('arn:') || v.length <= NAME_LIMITS.permissionSetName,
  {
    error: `a permission set name is at most ${NAME_LIMITS.permissionSetName} characters (or give its ARN)`,
  },
);

const ScopeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('root') }),
  z.strictObject({
    type: z.literal('ou'),
    id: OuIdSchema,
    includeDescendants: z.boolean().default(true),
  }),
  z.strictObject({ type: z.literal('account'), id: AccountIdSchema }),
  z.strictObject({
    type: z.literal('accountTag'),
    key: nameRef(NAME_LIMITS.tagKey),
    value: textSchema({
      min: 0,
      max: NAME_LIMITS.tagValue,
      refuse: 'controlOrInvisible',
    }).optional(),
  }),
]);

const ExclusionsSchema = z
  .strictObject({
    accounts: z.array(AccountIdSchema).default([]),
    ous: z.array(OuIdSchema).default([]),
  })
  .default({ accounts: [], ous: [] });

const ScpRuleSchema = z.strictObject({
  id: RuleIdSchema,
  policies: z.array(nameRef(NAME_LIMITS.policyId)).min(1),
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** A rule of any Organizations policy type. */
const PolicyRuleSchema = z.strictObject({
  id: RuleIdSchema,
  type: z.enum(POLICY_TYPES),
  policies: z.array(nameRef(NAME_LIMITS.policyId)).min(1),
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** Slots per target for each policy type (types not listed keep AWS's default). */
const PolicySlotsSchema = z.partialRecord(z.enum(POLICY_TYPES), z.number().int().min(1).max(1000));

const PrincipalRefSchema = z
  .strictObject({
    type: PrincipalTypeSchema,
    name: nameRef(NAME_LIMITS.groupName).optional(),
    id: nameRef(NAME_LIMITS.principalId).optional(),
  })
  .refine((p) => (p.name === undefined) !== (p.id === undefined), {
    error: 'give exactly one of "name" or "id"',
    // Checked even when a field has another problem, so every problem is listed at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

const AssignmentRuleSchema = z.strictObject({
  id: RuleIdSchema,
  permissionSet: PermissionSetRefSchema,
  principal: PrincipalRefSchema,
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

/** Template text: line breaks are allowed (a subject's are refused by the target checks). */
const TemplateSchema = textSchema({ min: 0, max: 300_000, refuse: 'controlExceptLineBreaks' });
const TemplatesSchema = { subject: TemplateSchema.optional(), body: TemplateSchema.optional() };

const NotificationTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('supportCase'),
    subject: TemplateSchema.min(1, { error: 'must not be empty' }),
    body: TemplateSchema.min(1, { error: 'must not be empty' }),
    serviceCode: CodeSchema,
    categoryCode: CodeSchema,
    severityCode: CodeSchema.default('low'),
  }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z
      .string()
      .max(2048)
      .regex(/^https:\/\/[^\s]+$/, { error: 'expected an https:// URL' }),
    secretArn: SecretArnSchema,
    allowPrivateNetwork: z.boolean().optional(),
    ...TemplatesSchema,
  }),
  z.strictObject({ type: z.literal('sns'), topicArn: TopicArnSchema, ...TemplatesSchema }),
]);

const NotificationSchema = z.strictObject({
  id: RuleIdSchema,
  on: z
    .array(
      z.enum(['ManagedAccountVended', 'AccountCreated', 'AccountJoined', 'CreateAccountFailed']),
    )
    .min(1),
  target: NotificationTargetSchema,
});

/**
 * Shape of a governance configuration document (docs/configuration.md), with defaults: `maxScpsPerTarget` 10
 * (`maxPoliciesPerTarget` absent: AWS's default slots per policy type), `policyRules` empty,
 * `includeManagementAccount` false, `includeDescendants` true, empty exclusions and rule lists,
 * `severityCode` low. Unknown fields are errors.
 */
export const GovernanceConfigSchema = z.strictObject({
  settings: z
    .strictObject({
      maxScpsPerTarget: z.number().int().min(1).max(1000).default(10),
      maxPoliciesPerTarget: PolicySlotsSchema.optional(),
      includeManagementAccount: z.boolean().default(false),
      /**
       * Most detaches and deletes a reconcile run or a rules apply executes without an explicit
       * confirmation. Absent means `DEFAULT_MAX_DESTRUCTIVE_OPERATIONS` (25).
       */
      maxDestructiveOperations: z.number().int().min(0).max(1_000_000).optional(),
    })
    .default({ maxScpsPerTarget: 10, includeManagementAccount: false }),
  scpRules: z.array(ScpRuleSchema).default([]),
  policyRules: z.array(PolicyRuleSchema).default([]),
  assignmentRules: z.array(AssignmentRuleSchema).default([]),
  notifications: z.array(NotificationSchema).default([]),
});

/** The parsed document, before it is mapped to the engine's `GovernanceConfig`. */
export type GovernanceConfigDocument = z.infer<typeof GovernanceConfigSchema>;
