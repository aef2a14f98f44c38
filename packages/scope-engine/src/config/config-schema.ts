import * as z from 'zod';
import {
  AccountIdSchema,
  ArnSchema,
  NonEmptyStringSchema,
  OuIdSchema,
  PrincipalTypeSchema,
  RuleIdSchema,
} from '../schema/id-schemas';

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
    key: NonEmptyStringSchema.max(128),
    value: z.string().max(256).optional(),
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
  policies: z.array(NonEmptyStringSchema).min(1),
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

const PrincipalRefSchema = z
  .strictObject({
    type: PrincipalTypeSchema,
    name: NonEmptyStringSchema.optional(),
    id: NonEmptyStringSchema.optional(),
  })
  .refine((p) => (p.name === undefined) !== (p.id === undefined), {
    error: 'give exactly one of "name" or "id"',
    // Checked even when a field has another problem, so every problem is listed at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

const AssignmentRuleSchema = z.strictObject({
  id: RuleIdSchema,
  permissionSet: NonEmptyStringSchema,
  principal: PrincipalRefSchema,
  scope: ScopeSchema,
  exclude: ExclusionsSchema,
});

const TemplatesSchema = { subject: z.string().optional(), body: z.string().optional() };

const NotificationTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('supportCase'),
    subject: NonEmptyStringSchema,
    body: NonEmptyStringSchema,
    serviceCode: NonEmptyStringSchema,
    categoryCode: NonEmptyStringSchema,
    severityCode: NonEmptyStringSchema.default('low'),
  }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z.string().regex(/^https:\/\/[^\s]+$/, { error: 'expected an https:// URL' }),
    secretArn: ArnSchema,
    ...TemplatesSchema,
  }),
  z.strictObject({ type: z.literal('sns'), topicArn: ArnSchema, ...TemplatesSchema }),
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
 * Shape of a governance configuration document (docs/configuration.md), with defaults: `maxScpsPerTarget` 10,
 * `includeManagementAccount` false, `includeDescendants` true, empty exclusions and rule lists,
 * `severityCode` low. Unknown fields are errors.
 */
export const GovernanceConfigSchema = z.strictObject({
  settings: z
    .strictObject({
      maxScpsPerTarget: z.number().int().min(1).max(1000).default(10),
      includeManagementAccount: z.boolean().default(false),
    })
    .default({ maxScpsPerTarget: 10, includeManagementAccount: false }),
  scpRules: z.array(ScpRuleSchema).default([]),
  assignmentRules: z.array(AssignmentRuleSchema).default([]),
  notifications: z.array(NotificationSchema).default([]),
});

/** The parsed document, before it is mapped to the engine's `GovernanceConfig`. */
export type GovernanceConfigDocument = z.infer<typeof GovernanceConfigSchema>;
