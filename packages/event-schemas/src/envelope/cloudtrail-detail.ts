import * as z from 'zod/mini';
import { EventBridgeEnvelopeSchema } from './eventbridge-envelope';

/** `detail-type` of a CloudTrail-recorded API call. */
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';
/** `detail-type` of a CloudTrail-recorded service event (no caller; `serviceEventDetails`). */
export const SERVICE_EVENT_DETAIL_TYPE = 'AWS Service Event via CloudTrail';

/** Both CloudTrail detail-types; the same eventName can arrive with either. */
export const CloudTrailDetailTypeSchema = z.enum([API_CALL_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE]);

/**
 * The role behind temporary credentials: `userIdentity.sessionContext.sessionIssuer` (`type`
 * `Role`, `arn` the role's IAM ARN with its path). Every field is optional.
 */
export const SessionIssuerSchema = z.looseObject({
  type: z.optional(z.string()),
  principalId: z.optional(z.string()),
  arn: z.optional(z.string()),
  accountId: z.optional(z.string()),
  userName: z.optional(z.string()),
});

/**
 * Who made the call. API calls carry `type`/`arn`/`principalId` (and, for assumed roles,
 * `sessionContext.sessionIssuer`); service events carry only `{ accountId, invokedBy }` (e.g.
 * `invokedBy: "AWS Internal"`). Every field is optional.
 */
export const CloudTrailUserIdentitySchema = z.looseObject({
  type: z.optional(z.string()),
  principalId: z.optional(z.string()),
  arn: z.optional(z.string()),
  accountId: z.optional(z.string()),
  invokedBy: z.optional(z.string()),
  sessionContext: z.nullish(z.looseObject({ sessionIssuer: z.nullish(SessionIssuerSchema) })),
});

/** CloudTrail `userIdentity` (inferred type). */
export type CloudTrailUserIdentity = z.infer<typeof CloudTrailUserIdentitySchema>;

/**
 * The CloudTrail record carried in `detail`. Only `eventName` is required here: audit fields
 * vary between API calls and service events, and `requestParameters` / `responseElements` are
 * `null` or absent on service events. Event schemas extend it with the fields they read.
 *
 * @example
 * ```ts
 * const MyDetail = z.extend(CloudTrailDetailSchema, { eventName: z.literal('MoveAccount') });
 * ```
 */
export const CloudTrailDetailSchema = z.looseObject(
  {
    eventVersion: z.optional(z.string()),
    userIdentity: z.optional(CloudTrailUserIdentitySchema),
    eventTime: z.optional(z.string()),
    eventSource: z.optional(z.string()),
    eventName: z.string({ error: 'the CloudTrail eventName (a string)' }),
    awsRegion: z.optional(z.string()),
    sourceIPAddress: z.optional(z.string()),
    userAgent: z.optional(z.string()),
    requestParameters: z.nullish(z.record(z.string(), z.unknown())),
    responseElements: z.nullish(z.record(z.string(), z.unknown())),
    serviceEventDetails: z.nullish(z.record(z.string(), z.unknown())),
    requestID: z.optional(z.string()),
    eventID: z.optional(z.string()),
    readOnly: z.optional(z.boolean()),
    eventType: z.optional(z.string()),
    managementEvent: z.optional(z.boolean()),
    recipientAccountId: z.optional(z.string()),
    eventCategory: z.optional(z.string()),
    errorCode: z.optional(z.string()),
    errorMessage: z.optional(z.string()),
  },
  { error: 'a CloudTrail record (an object)' },
);

/** The CloudTrail record in `detail` (inferred type). */
export type CloudTrailDetail = z.infer<typeof CloudTrailDetailSchema>;

/**
 * An EventBridge event whose `detail` is a CloudTrail record (API call or service event).
 *
 * @example
 * ```ts
 * const event = CloudTrailEventSchema.parse(raw);
 * event.detail.eventName; // 'MoveAccount'
 * ```
 */
export const CloudTrailEventSchema = z.extend(EventBridgeEnvelopeSchema, {
  'detail-type': CloudTrailDetailTypeSchema,
  detail: CloudTrailDetailSchema,
});

/** A CloudTrail event delivered by EventBridge (inferred type). */
export type CloudTrailEvent = z.infer<typeof CloudTrailEventSchema>;

/**
 * The minimum read before anything else: `detail.eventName` and `detail.errorCode`, so a failed
 * API call is ignored before the rest of its detail is validated.
 */
export const CloudTrailRoutingSchema = z.looseObject({
  detail: z.looseObject(
    {
      eventName: z.string({ error: 'the CloudTrail eventName (a string)' }),
      errorCode: z.optional(z.string()),
      errorMessage: z.optional(z.string()),
    },
    { error: 'a CloudTrail record (an object)' },
  ),
});

/**
 * Builds the schema of one CloudTrail event: the envelope, with `detail` extended by `shape`.
 *
 * @example
 * ```ts
 * const MoveAccountSchema = cloudTrailEvent({
 *   eventName: z.literal('MoveAccount'),
 *   requestParameters: z.looseObject({ accountId: AccountIdSchema }),
 * });
 * ```
 */
export function cloudTrailEvent<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.extend(CloudTrailEventSchema, { detail: z.extend(CloudTrailDetailSchema, shape) });
}
