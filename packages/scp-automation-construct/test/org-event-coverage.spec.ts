/**
 * The EventBridge rules and the event parser cannot drift: every (source, eventName) the parser
 * turns into an event is matched by some rule, and every name a rule matches is one the parser
 * handles. `aws.tag` events are matched by the Organizations account ARN the parser requires.
 */
import { Stack } from 'aws-cdk-lib';
import { CHANGE_EVENT_NAMES, HANDLED_EVENT_NAMES, parseGovernanceEvent } from '@org/event-schemas';
import { ACCOUNT_ARN_WILDCARD, ORG_EVENT_RULES } from '../src/events/org-event-patterns';

/** `source eventName`, one per pair. */
type SourcedName = string;

/** Every pair the parser handles, from its own registries. */
function parserPairs(): SourcedName[] {
  const bySource: Record<string, readonly string[]>[] = [HANDLED_EVENT_NAMES, CHANGE_EVENT_NAMES];
  return [
    ...new Set(
      bySource.flatMap((names) =>
        Object.entries(names).flatMap(([source, eventNames]) =>
          eventNames.map((eventName) => `${source} ${eventName}`),
        ),
      ),
    ),
  ].sort();
}

/** Every pair the rules match. */
function rulePairs(): SourcedName[] {
  const pairs = ORG_EVENT_RULES.flatMap((spec) => {
    const detail = (spec.pattern.detail ?? {}) as { eventName?: readonly string[] };
    return (spec.pattern.source ?? []).flatMap((source) =>
      (detail.eventName ?? []).map((eventName) => `${source} ${eventName}`),
    );
  });
  return [...new Set(pairs)].sort();
}

describe('the rules and the parser', () => {
  it('match the same event names, source by source', () => {
    expect(rulePairs()).toStrictEqual(parserPairs());
  });

  it('name every event name once across the rules of one source and detail-type', () => {
    const keys = ORG_EVENT_RULES.flatMap((spec) => {
      const detail = (spec.pattern.detail ?? {}) as { eventName?: readonly string[] };
      return (spec.pattern.source ?? []).flatMap((source) =>
        (spec.pattern.detailType ?? []).flatMap((type) =>
          (detail.eventName ?? []).map((name) => `${source} ${type} ${name}`),
        ),
      );
    });
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('match aws.tag events by the account ARN the parser requires, with or without service', () => {
    const account = 'arn:aws:organizations::111111111111:account/o-exampleorg1/222233334444';
    const tagEvent = (detail: Record<string, unknown>, resource: string): unknown => ({
      version: '0',
      id: 'e0000000-0000-4000-8000-000000000001',
      'detail-type': 'Tag Change on Resource',
      source: 'aws.tag',
      account: '111111111111',
      time: '2026-11-02T10:00:00Z',
      region: 'us-east-1',
      resources: [resource],
      detail: { 'changed-tag-keys': ['env'], tags: { env: 'prod' }, ...detail },
    });
    const kinds = [
      tagEvent({ service: 'organizations', 'resource-type': 'account' }, account),
      tagEvent({}, account),
      tagEvent({}, 'arn:aws:ec2:us-east-1:111111111111:instance/i-0abc'),
    ].map((raw) => parseGovernanceEvent(raw).kind);
    const wildcard = new RegExp(`^${ACCOUNT_ARN_WILDCARD.split('*').join('.*')}$`);
    expect({
      kinds,
      matched: [account, 'arn:aws:ec2:us-east-1:111111111111:instance/i-0abc'].map((arn) =>
        wildcard.test(arn),
      ),
      pattern: new Stack().resolve(
        ORG_EVENT_RULES.find((spec) => spec.family === 'AccountTagChanges')?.pattern.resources,
      ),
    }).toStrictEqual({
      kinds: ['event', 'event', 'ignored'],
      matched: [true, false],
      pattern: [{ wildcard: ACCOUNT_ARN_WILDCARD }],
    });
  });
});
