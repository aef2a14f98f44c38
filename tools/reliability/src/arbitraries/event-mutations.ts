import { HANDLED_EVENT_NAMES } from '@org/event-schemas';
import * as fc from 'fast-check';
import type { SampleEvent } from '../support/workspace';
import { hostileString } from './hostile-strings';
import { mutationArb, type Mutation } from './mutations';

/** Every `source` the parser routes, plus near misses. */
export const SOURCES: readonly string[] = [
  'aws.organizations',
  'aws.controltower',
  'aws.tag',
  'aws.ec2',
  'AWS.organizations',
  'aws.organizations ',
];

/** Every `detail-type` the parser routes, plus near misses. */
export const DETAIL_TYPES: readonly string[] = [
  'AWS API Call via CloudTrail',
  'AWS Service Event via CloudTrail',
  'Tag Change on Resource',
  'EC2 Instance State-change Notification',
  'aws api call via cloudtrail',
];

/** Every handled CloudTrail `eventName`, plus unhandled and near-miss ones. */
export const EVENT_NAMES: readonly string[] = [
  ...HANDLED_EVENT_NAMES['aws.organizations'],
  ...HANDLED_EVENT_NAMES['aws.controltower'],
  'CreatePolicy',
  'InviteAccountToOrganization',
  'moveAccount',
];

/** Sets `path` to a value from `known` or a hostile string. */
function retarget(path: readonly string[], known: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(path),
    value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, hostileString),
  });
}

/**
 * Edits of the routing fields: `source`, `detail-type`, `detail.eventName` (so a MoveAccount
 * body is parsed as a CreateAccountResult, a tag change as a Control Tower event…), and
 * `detail.errorCode` (which turns an event into an ignored failed call).
 */
export const routingMutation: fc.Arbitrary<Mutation> = fc.oneof(
  retarget(['source'], SOURCES),
  retarget(['detail-type'], DETAIL_TYPES),
  retarget(['detail', 'eventName'], EVENT_NAMES),
  retarget(['detail', 'errorCode'], ['AccessDenied', '']),
);

/** A real sample event and the mutations to apply to it, in order. */
export interface MutatedEventCase {
  readonly sample: SampleEvent;
  readonly mutations: readonly Mutation[];
}

/**
 * A real event with 1…4 mutations (generic and routing ones; huge strings up to 300 000 units).
 *
 * @example
 * ```ts
 * fc.property(mutatedEvent(sampleEvents()), ({ sample, mutations }) => …);
 * ```
 */
export function mutatedEvent(samples: readonly SampleEvent[]): fc.Arbitrary<MutatedEventCase> {
  return fc.record({
    sample: fc.constantFrom(...samples),
    mutations: fc.array(mutationArb({ targeted: routingMutation, hugeLength: [1_000, 300_000] }), {
      minLength: 1,
      maxLength: 4,
    }),
  });
}
