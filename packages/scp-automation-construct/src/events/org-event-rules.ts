/**
 * EventBridge rules for the SPEC §3 events on one event bus, each with the target its owner
 * chooses (a Lambda function in the central stack, the central bus in a forwarder).
 */
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { ORG_EVENT_RULES, type OrgEventRuleSpec } from './org-event-patterns';

/** Settings of {@link OrgEventRules}. */
export interface OrgEventRulesProps {
  /**
   * Bus the rules listen on.
   * @default - the account's default event bus
   */
  readonly eventBus?: events.IEventBus;
  /** Which event origins to create rules for. */
  readonly origins: ReadonlyArray<OrgEventRuleSpec['origin']>;
  /** The target of a rule, given its spec. */
  readonly targetFor: (spec: OrgEventRuleSpec) => events.IRuleTarget;
}

/**
 * One rule per event family of the selected origins.
 *
 * @example
 * ```ts
 * new OrgEventRules(this, 'Rules', {
 *   origins: ['organizations'],
 *   targetFor: () => new targets.LambdaFunction(processor),
 * });
 * ```
 */
export class OrgEventRules extends Construct {
  /** The rules, by event family. */
  readonly rules: ReadonlyMap<OrgEventRuleSpec['family'], events.Rule>;

  constructor(scope: Construct, id: string, props: OrgEventRulesProps) {
    super(scope, id);
    const rules = new Map<OrgEventRuleSpec['family'], events.Rule>();
    for (const spec of ORG_EVENT_RULES.filter((rule) => props.origins.includes(rule.origin))) {
      rules.set(
        spec.family,
        new events.Rule(this, spec.family, {
          description: spec.description,
          eventBus: props.eventBus,
          eventPattern: spec.pattern,
          targets: [props.targetFor(spec)],
        }),
      );
    }
    this.rules = rules;
  }
}
