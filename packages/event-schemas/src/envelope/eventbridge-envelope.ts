import * as z from 'zod/mini';
import { AccountIdSchema } from '../ids/aws-ids';

/**
 * The EventBridge envelope every raw event arrives in. Unknown fields are kept (AWS adds
 * fields); `detail` is refined by each event's schema.
 *
 * @example
 * ```ts
 * const envelope = EventBridgeEnvelopeSchema.parse(raw);
 * envelope['detail-type']; // 'AWS API Call via CloudTrail'
 * ```
 */
export const EventBridgeEnvelopeSchema = z.looseObject(
  {
    version: z.string(),
    id: z
      .string({ error: 'a non-empty event id' })
      .check(z.minLength(1, { error: 'a non-empty event id' })),
    'detail-type': z.string(),
    source: z.string(),
    account: AccountIdSchema,
    time: z.iso.datetime({ offset: true, error: 'an ISO 8601 time like 2026-11-01T10:00:00Z' }),
    region: z
      .string({ error: 'an AWS region like us-east-1' })
      .check(z.minLength(1, { error: 'an AWS region like us-east-1' })),
    resources: z.array(z.string()),
    detail: z.unknown(),
  },
  { error: 'an EventBridge event object' },
);

/** An EventBridge event with an unrefined `detail`. */
export type EventBridgeEnvelope = z.infer<typeof EventBridgeEnvelopeSchema>;

/** The EventBridge sources this package understands. */
export const KNOWN_SOURCES = ['aws.organizations', 'aws.controltower', 'aws.tag'] as const;

/** One of {@link KNOWN_SOURCES}. */
export type KnownSource = (typeof KNOWN_SOURCES)[number];

/** `true` when `source` is one of {@link KNOWN_SOURCES}. */
export function isKnownSource(source: unknown): source is KnownSource {
  return (KNOWN_SOURCES as readonly unknown[]).includes(source);
}
