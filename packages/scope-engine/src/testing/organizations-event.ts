/** The management account the test events come from. */
const MANAGEMENT_ACCOUNT_ID = '111111111111';

/**
 * An Organizations event as EventBridge delivers it from CloudTrail in the management account
 * `111111111111` (us-east-1, 2026-11-01T10:00:00Z): `detail` joins the fields every
 * Organizations record has (`eventVersion`, `eventSource`, `awsRegion`).
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
