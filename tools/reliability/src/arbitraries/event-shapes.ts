import * as fc from 'fast-check';
import { DETAIL_TYPES, EVENT_NAMES, SOURCES } from './event-mutations';
import { hostileJson, type Json } from './json-values';

/**
 * An object shaped like an EventBridge event — a routed `source`, `detail-type` and
 * `detail.eventName`, random everything else — so random values get past the routing checks and
 * reach every event schema.
 *
 * @example
 * ```ts
 * fc.sample(eventShapedJson, 1); // [{ source: 'aws.organizations', 'detail-type': …, detail: { eventName: 'MoveAccount', … } }]
 * ```
 */
export const eventShapedJson: fc.Arbitrary<Json> = fc
  .record(
    {
      version: fc.oneof(fc.constant('0'), hostileJson(1)),
      id: fc.oneof(fc.uuid(), hostileJson(1)),
      'detail-type': fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...DETAIL_TYPES) },
        hostileJson(1),
      ),
      source: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SOURCES) }, hostileJson(1)),
      account: fc.oneof(fc.constant('111111111111'), hostileJson(1)),
      time: fc.oneof(fc.constant('2026-11-01T10:00:00Z'), hostileJson(1)),
      region: fc.oneof(fc.constant('us-east-1'), hostileJson(1)),
      resources: fc.oneof(fc.constant([]), hostileJson(2)),
      detail: fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record(
            {
              eventName: fc.oneof(
                { weight: 5, arbitrary: fc.constantFrom(...EVENT_NAMES) },
                hostileJson(1),
              ),
              errorCode: hostileJson(1),
              requestParameters: hostileJson(3),
              responseElements: hostileJson(3),
              serviceEventDetails: hostileJson(4),
              userIdentity: hostileJson(2),
              service: fc.oneof(fc.constant('organizations'), hostileJson(1)),
              'resource-type': fc.oneof(fc.constant('account'), hostileJson(1)),
              tags: hostileJson(2),
              'changed-tag-keys': hostileJson(2),
            },
            { requiredKeys: ['eventName'] },
          ),
        },
        hostileJson(2),
      ),
    },
    { requiredKeys: ['source', 'detail-type', 'detail'] },
  )
  .map((event) => event as Json);
