/**
 * The 10-line CDK app a consumer of the construct writes: one stack with `OrgGovernance` and the
 * repository's example configuration.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './consumer';

/** The consumer app's source (CommonJS, plain Node.js). */
const APP_JS = [
  "const { readFileSync } = require('node:fs');",
  "const { App, Stack } = require('aws-cdk-lib');",
  "const { parseGovernanceConfig } = require('@org/scope-engine');",
  "const { OrgGovernance } = require('@org/scp-automation-construct');",
  "const app = new App({ outdir: 'cdk.out' });",
  "const stack = new Stack(app, 'Governance', { env: { account: '111111111111', region: 'eu-west-1' } });",
  "const governanceConfig = parseGovernanceConfig(readFileSync('governance.yaml', 'utf8'), 'governance.yaml');",
  "new OrgGovernance(stack, 'OrgGovernance', { governanceConfig, organizationId: 'o-exampleorg1' });",
  'app.synth();',
  '',
].join('\n');

/**
 * A consumer app that uses every escape hatch: the configuration from its file, function
 * defaults and per-function settings (tracing, VPC, architecture, runtime, log retention, memory,
 * reserved concurrency), its own KMS key, alarm actions per severity, a backup plan, an adopted
 * rules table, the organization trail, `grantRulesApply`, `addEnvironment` and `addOkAction` on
 * the exposed classes — and two `OrgGovernance`s in one stack with their own metrics namespaces.
 */
const EVERY_PROP_APP_JS = [
  'const {',
  '  App, Stack, aws_backup: backup, aws_cloudwatch_actions: actions, aws_ec2: ec2, aws_iam: iam,',
  '  aws_dynamodb: dynamodb, aws_kms: kms, aws_lambda: lambda, aws_logs: logs, aws_sns: sns,',
  "} = require('aws-cdk-lib');",
  "const { GovernanceConfigSource, OrgGovernance } = require('@org/scp-automation-construct');",
  "const app = new App({ outdir: 'cdk.out' });",
  "const stack = new Stack(app, 'Governance', { env: { account: '222222222222', region: 'eu-west-1' } });",
  "const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });",
  "const key = new kms.Key(stack, 'PlatformKey', { enableKeyRotation: true });",
  "const pager = new sns.Topic(stack, 'Pager', { masterKey: key });",
  "const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });",
  'const shared = {',
  "  config: GovernanceConfigSource.fromFile('governance.yaml'),",
  "  managementAccountId: '111111111111',",
  "  organizationId: 'o-exampleorg1',",
  '  functionDefaults: {',
  '    tracing: lambda.Tracing.ACTIVE,',
  '    vpc,',
  '    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },',
  '    architecture: lambda.Architecture.ARM_64,',
  '    runtime: lambda.Runtime.NODEJS_22_X,',
  '    logRetention: logs.RetentionDays.ONE_YEAR,',
  '    memorySize: 512,',
  '  },',
  '  functions: { reconciler: { memorySize: 1024 }, worker: { reservedConcurrentExecutions: 5 } },',
  '  encryptionKey: key,',
  '  alarmActions: { critical: [new actions.SnsAction(pager)], warning: [new actions.SnsAction(pager)] },',
  "  backupPlan: backup.BackupPlan.daily35DayRetention(stack, 'TablesBackup'),",
  '};',
  "const production = new OrgGovernance(stack, 'Production', { ...shared, metricsNamespace: 'OrgGovernance/Production' });",
  "new OrgGovernance(stack, 'Sandbox', {",
  '  ...shared,',
  "  metricsNamespace: 'OrgGovernance/Sandbox',",
  "  existingTables: { rules: dynamodb.Table.fromTableName(stack, 'AdoptedRules', 'sandbox-rules') },",
  '  organizationTrail: true,',
  '});',
  'production.grantRulesApply(operator);',
  "production.operationsWorker.addEnvironment('PLATFORM_TEAM', 'cloud-platform');",
  'for (const alarm of production.alarms) alarm.addOkAction(new actions.SnsAction(pager));',
  'app.synth();',
  '',
].join('\n');

/** The namespaces of {@link EVERY_PROP_APP_JS}'s two instances. */
export const EVERY_PROP_NAMESPACES = ['OrgGovernance/Production', 'OrgGovernance/Sandbox'];

/**
 * Writes `app.js` (`minimal`: one `OrgGovernance` with the parsed example; `every-prop`: see
 * {@link EVERY_PROP_APP_JS}) and the example `governance.yaml` into a consumer folder.
 */
export function writeConsumerApp(folder: string, app: 'minimal' | 'every-prop'): void {
  cpSync(join(workspaceRoot, 'examples', 'governance.yaml'), join(folder, 'governance.yaml'));
  writeFileSync(join(folder, 'app.js'), app === 'minimal' ? APP_JS : EVERY_PROP_APP_JS);
}
