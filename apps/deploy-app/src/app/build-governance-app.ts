/**
 * Builds the deployable app: the central stack, one forwarder stack per planned region, and
 * cdk-nag's AwsSolutions checks (synthesis fails on any unacknowledged finding).
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { GovernanceConfig } from '@org/scope-engine';
import { OrgGovernance } from '@org/scp-automation-construct';
import type { DeploySettings } from '../settings/deploy-settings';
import { planForwarders } from '../settings/plan-forwarders';
import { CentralStack } from '../stacks/central-stack';
import { ForwarderStack } from '../stacks/forwarder-stack';

/** The stacks of a built app. */
export interface GovernanceStacks {
  /** The stack holding `OrgGovernance`. */
  readonly central: CentralStack;
  /** One stack per forwarding region of the management account. */
  readonly forwarders: readonly ForwarderStack[];
}

/**
 * Adds the stacks to `app`.
 *
 * @example
 * ```ts
 * const app = new App();
 * buildGovernanceApp(app, loadDeploySettings('deploy.json'), loadGovernanceConfig('governance.yaml'));
 * app.synth();
 * ```
 */
export function buildGovernanceApp(
  app: App,
  settings: DeploySettings,
  governanceConfig: GovernanceConfig,
): GovernanceStacks {
  const prefix = settings.stackNamePrefix;
  const central = new CentralStack(app, `${prefix}-Central`, {
    env: { account: settings.account, region: settings.region },
    description: 'Org governance automation: rules, functions, queues, tables, alarms (SPEC §8)',
    settings,
    governanceConfig,
  });
  const busArn = OrgGovernance.centralEventBusArn(
    settings.account,
    settings.region,
    central.governance.eventBusName,
  );
  const forwarders = planForwarders(settings).map(
    (plan) =>
      new ForwarderStack(app, `${prefix}-Forwarder-${plan.region}`, {
        env: { account: plan.account, region: plan.region },
        description: `Forwards org governance events from ${plan.region} to the central event bus`,
        targetEventBusArn: busArn,
        forwardedEvents: plan.forwardedEvents,
      }),
  );
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { central, forwarders };
}
