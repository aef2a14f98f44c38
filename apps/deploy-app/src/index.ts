/**
 * `@org/deploy-app` — the CDK app deploying org governance automation from `governance.yaml`
 * and `deploy.json`. The entry point is `main.ts`; these exports let tests and tools build the
 * same stacks.
 */
export * from './errors';
export type { DeploySettings } from './settings/deploy-settings';
export { parseDeploySettings } from './settings/parse-deploy-settings';
export {
  planForwarders,
  ORGANIZATIONS_EVENTS_REGION,
  type ForwarderPlan,
} from './settings/plan-forwarders';
export { loadDeploySettings } from './config/load-deploy-settings';
export { loadGovernanceConfig } from './config/load-governance-config';
export { buildGovernanceApp, type GovernanceStacks } from './app/build-governance-app';
export { CentralStack, CENTRAL_OUTPUTS, type CentralStackProps } from './stacks/central-stack';
export { ForwarderStack, type ForwarderStackProps } from './stacks/forwarder-stack';
