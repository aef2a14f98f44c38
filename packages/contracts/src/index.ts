/**
 * `@org/contracts` — the names both sides of a seam agree on, written once: the handlers'
 * environment (names and a typed parser), metric names, table designs and handled event names, and the grants a deployment gives the rules it stores.
 * No dependencies, so anything may import it.
 */
export { HANDLER_FUNCTIONS, type HandlerFunctionName } from './functions/handler-functions';
export {
  type BooleanVariable,
  type ChoiceVariable,
  type NumberVariable,
  type StringVariable,
  type VariableSetter,
  type VariableSpec,
  type VariableValue,
} from './environment/variable-spec';
export {
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_STATUS_WAIT_SECONDS,
  DEFAULT_RULES_CACHE_TTL_SECONDS,
  HANDLER_ENV,
  HANDLER_VARIABLES,
  type HandlerVariableKey,
  LOG_LEVELS,
  type LogLevel,
  VARIABLE_PAIRS,
} from './environment/handler-variables';
export {
  constructEnvironment,
  type ConstructVariableValues,
  FUNCTION_VARIABLES,
  type FunctionVariableKey,
  functionVariableNames,
  type HandlerEnvironment,
  type VariableFilter,
} from './environment/function-variables';
export { type Environment, parseHandlerEnvironment } from './environment/parse-handler-environment';
export {
  type EnvironmentProblem,
  HandlerEnvironmentError,
} from './environment/handler-environment-error';
export {
  METRIC_NAMES,
  METRICS_NAMESPACE,
  type MetricName,
  SERVICE_DIMENSION,
  SERVICE_NAME,
} from './metrics/metric-names';
export {
  type GovernanceTableName,
  type IndexDesign,
  RULES_SCOPE_INDEX,
  TABLE_DESIGNS,
  TABLE_KEYS,
  type TableDesign,
  TTL_ATTRIBUTE,
} from './tables/table-designs';
export {
  createTableInput,
  type CreateTableInput,
  type KeySchemaElementInput,
} from './tables/create-table-input';
export {
  CONTROL_TOWER_EVENT_NAMES,
  type ControlTowerEventName,
  IDENTITY_CENTER_EVENT_NAMES,
  IDENTITY_STORE_EVENT_NAMES,
  IDENTITY_STORE_EVENT_SOURCES,
  type IdentityCenterEventName,
  type IdentityStoreEventName,
  ORGANIZATIONS_API_CALL_EVENT_NAMES,
  ORGANIZATIONS_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
  ORGANIZATIONS_SERVICE_EVENT_NAMES,
  type OrganizationsEventName,
  type OrganizationsPolicyChangeEventName,
} from './events/handled-event-names';
export {
  DEPLOYMENT_GRANTS,
  type DeployedGrants,
  type DeploymentGrant,
  type DeploymentGrants,
  deploymentConfigHash,
  deploymentGrantList,
  deploymentGrantsOf,
  deploymentGrantTags,
  type GovernanceConfigLike,
  normalizeDeploymentGrants,
  readDeploymentGrantTags,
  ungrantedDeploymentGrants,
} from './deployment/deployment-grants';
export { sha256Hex } from './deployment/sha256';
export {
  RECONCILE_PERMANENT_ERRORS,
  type ReconcilePermanentError,
} from './functions/reconcile-errors';
