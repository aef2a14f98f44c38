/**
 * `@org/scp-automation-construct` — CDK constructs that deploy org governance automation
 * (docs/architecture.md): `OrgGovernance` (central stack) and `OrgEventForwarder` (event forwarding from
 * us-east-1 and the Control Tower home region).
 */
export * from './errors';
export { OrgGovernance } from './org-governance/org-governance';
export {
  GovernanceConfigSource,
  type GovernanceDeploymentGrants,
} from './config/governance-config-source';
export {
  RULES_APPLY_RULES_TABLE_ACTIONS,
  RULES_APPLY_STATE_TABLE_ACTIONS,
} from './config/grant-rules-apply';
export { HandlerLogLevel, type OrgGovernanceProps } from './org-governance/org-governance-props';
export {
  type GovernanceExistingTables,
  type OrgGovernanceOptions,
} from './org-governance/org-governance-options';
export {
  type GovernanceFunctionOptions,
  type GovernanceFunctionOverrides,
} from './functions/function-options';
export { AlarmSeverity, type GovernanceAlarmActions } from './alarms/alarm-actions';
export { validateOrgGovernanceProps } from './org-governance/validate-org-governance-props';
export { DEFAULT_EVENT_BUS_NAME } from './org-governance/resolve-org-governance-props';
export {
  FUNCTION_ACCESS,
  type FunctionAccess,
  type GovernanceTableName,
  type IdentityCenterAccess,
  type OrganizationsAccess,
} from './org-governance/function-access';
export {
  HANDLER_ENV,
  HANDLER_FUNCTIONS,
  type HandlerFunctionName,
  type HandlerVariableKey,
  METRIC_NAMES,
  TABLE_DESIGNS,
  RULES_SCOPE_INDEX,
  TABLE_KEYS,
  TTL_ATTRIBUTE,
  DEPLOYMENT_GRANTS,
  type DeploymentGrants,
  deploymentConfigHash,
  deploymentGrantsOf,
  type GovernanceConfigLike,
} from '@org/contracts';
export { defaultAssetsDirectory } from './functions/handler-assets';
export {
  GOVERNANCE_METRICS,
  governanceMetric,
  type GovernanceMetricName,
} from './metrics/governance-metrics';
export {
  ORG_EVENT_RULES,
  ORGANIZATIONS_API_CALL_EVENT_NAMES,
  ORGANIZATIONS_SERVICE_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
  IDENTITY_CENTER_EVENT_NAMES,
  IDENTITY_STORE_EVENT_NAMES,
  CONTROL_TOWER_EVENT_NAMES,
  NOTIFIABLE_ORGANIZATIONS_EVENT_NAMES,
  notifiableOrganizationsRule,
  notifiableOrganizationsRuleFor,
  type OrgEventFamily,
  type OrgEventOrigin,
  type OrgEventRuleSpec,
} from './events/org-event-patterns';
export { OrgEventForwarder } from './forwarder/org-event-forwarder';
export {
  ReconcileStateMachine,
  type ReconcileStateMachineProps,
} from './reconcile/reconcile-state-machine';
export {
  ForwardedEvents,
  type OrgEventForwarderProps,
} from './forwarder/org-event-forwarder-props';
export {
  TAG_GUARD_SID,
  TagGuardPolicy,
  type TagGuardPolicyProps,
  tagGuardDocument,
} from './tag-guard/tag-guard-policy';
