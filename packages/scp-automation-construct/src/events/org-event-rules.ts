/**
 * EventBridge rules for the handled events on one event bus, each with the target its owner
 * chooses (a Lambda function in the central stack, the central bus in a forwarder).
 */
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { OrgEventFamily, OrgEventRuleSpec } from './org-event-patterns';

/** Settings of {@link OrgEventRules}. */
export interface OrgEventRulesProps {
  /**
   * Bus the rules listen on.
   * @default - the account's default event bus
   */
  readonly eventBus?: events.IEventBus;
  /** The rules to create (see `ORG_EVENT_RULES`). */
  readonly specs: readonly OrgEventRuleSpec[];
  /** The target of a rule, given its spec. */
  readonly targetFor: (spec: OrgEventRuleSpec) => events.IRuleTarget;
}

/**
 * One rule per event family.
 *
 * @example
 * ```ts
 * new OrgEventRules(this, 'Rules', {
 *   specs: ORG_EVENT_RULES,
 *   targetFor: (spec) => new targets.LambdaFunction(spec.handler === 'processor' ? processor : notifier),
 * });
 * ```
 */
export class OrgEventRules extends Construct {
  /** The rules, by event family. */
  readonly rules: ReadonlyMap<OrgEventFamily, events.Rule>;

  constructor(scope: Construct, id: string, props: OrgEventRulesProps) {
    super(scope, id);
    const rules = new Map<OrgEventFamily, events.Rule>();
    for (const spec of props.specs) {
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
