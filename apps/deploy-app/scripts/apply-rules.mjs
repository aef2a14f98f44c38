/**
 * Second step of `nx run deploy-app:deploy`: stores the governance configuration in the deployed
 * rules table with `orgctl rules apply`, which also reconciles the accounts whose
 * desired state changed. Reads the table name from the outputs `cdk deploy --outputs-file`
 * wrote.
 *
 * Usage: `node scripts/apply-rules.mjs` (settings and configuration as for the app:
 * `DEPLOY_SETTINGS`, `GOVERNANCE_CONFIG`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const settingsFile = process.env.DEPLOY_SETTINGS ?? 'deploy.json';
const configFile = process.env.GOVERNANCE_CONFIG ?? '../../examples/governance.yaml';
const outputsFile = 'cdk.out/outputs.json';

if (!existsSync(outputsFile)) {
  console.error(`${outputsFile} not found: run \`cdk deploy --outputs-file ${outputsFile}\` first`);
  process.exit(1);
}
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const prefix = settings.stackNamePrefix ?? 'OrgGovernance';
const outputs = JSON.parse(readFileSync(outputsFile, 'utf8'))[`${prefix}-Central`];
const table = outputs?.RulesTableName;
if (typeof table !== 'string') {
  console.error(`${outputsFile} has no RulesTableName output of ${prefix}-Central`);
  process.exit(1);
}
console.log(
  `orgctl rules apply --config ${configFile} --table ${table} (region ${settings.region})`,
);
const result = spawnSync(
  'npx',
  ['orgctl', 'rules', 'apply', '--config', configFile, '--table', table],
  {
    stdio: 'inherit',
    env: { ...process.env, AWS_REGION: settings.region },
  },
);
process.exit(result.status ?? 1);
