export * from './run-cli';
export * from './errors';
export * from './io/cli-io';
export * from './io/node-io';
export * from './io/node-support';
export * from './commands';
export { renderPlanTable } from './format/plan-table';
export { buildReportModel } from './report/report-model';
export { renderReport } from './report/render-report';
export {
  buildAccessMatrix,
  groupGrants,
  type AccessGrant,
  type AccessGroup,
  type AccessMatrix,
  type GrantState,
} from './report/access/access-matrix';
export { accessCsv, accessJson, csvField, ACCESS_CSV_COLUMNS } from './report/access/access-export';
export { renderAccess } from './report/access/render-access';
export { escapeHtml, jsonForScript } from './report/escape';
export {
  createAwsClients,
  type AwsClientFactory,
  type AwsClients,
  type AwsConnection,
} from './live/aws-clients';
export { progressLine, type ProgressLine } from './live/progress-line';
