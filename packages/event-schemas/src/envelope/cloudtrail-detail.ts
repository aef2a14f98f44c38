import * as z from 'zod';
import { EventBridgeEnvelopeSchema } from './eventbridge-envelope';

/** `detail-type` of a CloudTrail-recorded API call. */
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';
/** `detail-type` of a CloudTrail-recorded service event (no caller; `serviceEventDetails`). */
export const SERVICE_EVENT_DETAIL_TYPE = 'AWS Service Event via CloudTrail';

/** Both CloudTrail detail-types; the same eventName can arrive with either. */
export const CloudTrailDetailTypeSchema = z.enum([API_CALL_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE]);

/**
 * Who made the call. API calls carry `type`/`arn`/`principalId`; service events carry only
 * `{ accountId, invokedBy }` (e.g. `invokedBy: "AWS Internal"`). Every field is optional.
 */
export const CloudTrailUserIdentitySchema = z.looseObject({
  type: z.string().optional(),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  invokedBy: z.string().optional(),
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
 * const MyDetail = CloudTrailDetailSchema.extend({ eventName: z.literal('MoveAccount') });
 * ```
 */
export const CloudTrailDetailSchema = z.looseObject(
  {
    eventVersion: z.string().optional(),
    userIdentity: CloudTrailUserIdentitySchema.optional(),
    eventTime: z.string().optional(),
    eventSource: z.string().optional(),
    eventName: z.string({ error: 'the CloudTrail eventName (a string)' }),
    awsRegion: z.string().optional(),
    sourceIPAddress: z.string().optional(),
    userAgent: z.string().optional(),
    requestParameters: z.record(z.string(), z.unknown()).nullish(),
    responseElements: z.record(z.string(), z.unknown()).nullish(),
    serviceEventDetails: z.record(z.string(), z.unknown()).nullish(),
    requestID: z.string().optional(),
    eventID: z.string().optional(),
    readOnly: z.boolean().optional(),
    eventType: z.string().optional(),
    managementEvent: z.boolean().optional(),
    recipientAccountId: z.string().optional(),
    eventCategory: z.string().optional(),
    errorCode: z.string().optional(),
    errorMessage: z.string().optional(),
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
export const CloudTrailEventSchema = EventBridgeEnvelopeSchema.extend({
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
      errorCode: z.string().optional(),
      errorMessage: z.string().optional(),
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
  return CloudTrailEventSchema.extend({ detail: CloudTrailDetailSchema.extend(shape) });
}
