export * from './run-cli';
export * from './errors';
export * from './io/cli-io';
export * from './io/node-io';
export * from './commands';
export { renderPlanTable } from './format/plan-table';
export { buildReportModel } from './report/report-model';
export { renderReport } from './report/render-report';
export { escapeHtml, jsonForScript } from './report/escape';
export {
  createAwsClients,
  type AwsClientFactory,
  type AwsClients,
  type AwsConnection,
} from './live/aws-clients';
export { progressLine, type ProgressLine } from './live/progress-line';
