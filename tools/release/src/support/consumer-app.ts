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

/** Writes `app.js` and the example `governance.yaml` into a consumer folder. */
export function writeConsumerApp(folder: string): void {
  cpSync(join(workspaceRoot, 'examples', 'governance.yaml'), join(folder, 'governance.yaml'));
  writeFileSync(join(folder, 'app.js'), APP_JS);
}
