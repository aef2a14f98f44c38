/**
 * A forwarder stack in one region of the management account.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type ForwardedEvents, OrgEventForwarder } from '@org/scp-automation-construct';

/** Props of {@link ForwarderStack}. */
export interface ForwarderStackProps extends StackProps {
  /** ARN of the central event bus. */
  readonly targetEventBusArn: string;
  /** What to forward from this region. */
  readonly forwardedEvents: readonly ForwardedEvents[];
}

/**
 * The stack holding one `OrgEventForwarder`.
 *
 * @example
 * ```ts
 * new ForwarderStack(app, 'OrgGovernance-Forwarder-us-east-1', { env, targetEventBusArn, forwardedEvents });
 * ```
 */
export class ForwarderStack extends Stack {
  constructor(scope: Construct, id: string, props: ForwarderStackProps) {
    super(scope, id, props);
    new OrgEventForwarder(this, 'OrgEventForwarder', {
      targetEventBusArn: props.targetEventBusArn,
      forwardedEvents: props.forwardedEvents,
    });
  }
}
