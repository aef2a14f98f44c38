/**
 * The events the use-case specs feed the processor: the metadata of an Organizations API call and
 * the EventBridge envelope of an Organizations CloudTrail record.
 */
import type { EventMeta } from '@org/event-schemas';
import { MANAGEMENT_ACCOUNT_ID } from './org-fixtures';

/**
 * The metadata of an Organizations API call `eventName` (id `evt-<eventName>`, us-east-1, at the
 * epoch), with `overrides` applied.
 *
 * @example
 * ```ts
 * eventMeta('DeleteAccountAssignment', { source: 'aws.sso' });
 * ```
 */
export function eventMeta(eventName: string, overrides: Partial<EventMeta> = {}): EventMeta {
  return {
    eventId: `evt-${eventName}`,
    source: 'aws.organizations',
    detailType: 'AWS API Call via CloudTrail',
    eventName,
    time: '1970-01-01T00:00:00Z',
    region: 'us-east-1',
    ...overrides,
  };
}

/**
 * An Organizations event as EventBridge delivers it from CloudTrail in the management account
 * (us-east-1, 2026-11-01T10:00:00Z): `detail` joins the fields every Organizations record has
 * (`eventVersion`, `eventSource`, `awsRegion`).
 *
 * @example
 * ```ts
 * organizationsEvent('e-1', 'AWS API Call via CloudTrail', { eventName: 'TagResource', ... });
 * ```
 */
export function organizationsEvent(
  id: string,
  detailType: 'AWS API Call via CloudTrail' | 'AWS Service Event via CloudTrail',
  detail: Record<string, unknown>,
): Record<string, unknown> {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source: 'aws.organizations',
    account: MANAGEMENT_ACCOUNT_ID,
    time: '2026-11-01T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      eventSource: 'organizations.amazonaws.com',
      awsRegion: 'us-east-1',
      ...detail,
    },
  };
}
