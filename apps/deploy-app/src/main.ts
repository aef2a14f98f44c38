/**
 * CDK app entry (`cdk.json`: `node dist/main.js`). Reads the deploy settings and the governance
 * configuration, builds the stacks and synthesizes. Input problems are printed as a list, with
 * paths, and exit code 1 — never a stack trace.
 *
 * Inputs (context first, then environment, then default):
 * - settings: `-c settings=FILE` | `DEPLOY_SETTINGS` | `deploy.json`
 * - configuration: `-c governanceConfig=FILE` | `GOVERNANCE_CONFIG` | `../../examples/governance.yaml`
 */
import { App } from 'aws-cdk-lib';
import { ConstructLibraryError } from '@org/scp-automation-construct';
import { buildGovernanceApp } from './app/build-governance-app';
import { loadDeploySettings } from './config/load-deploy-settings';
import { loadGovernanceConfig } from './config/load-governance-config';
import { DeployAppError } from './errors';

/** Default deploy settings file (relative to apps/deploy-app, where the CDK CLI runs). */
export const DEFAULT_SETTINGS_FILE = 'deploy.json';
/** Default governance configuration (relative to apps/deploy-app). */
export const DEFAULT_GOVERNANCE_FILE = '../../examples/governance.yaml';

/** A context value if it is a non-empty string. */
function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function main(): void {
  // cdk-nag's EventBridge rule reads a deprecated L1 property: do not warn users about it.
  process.env['JSII_DEPRECATED'] ??= 'quiet';
  // CDK's built-in CloudFormation validation (WebAssembly) costs about 8 s of CPU per synth; the
  // `cfn-lint` target validates every template instead. `CDK_VALIDATION=true` turns it on.
  const app = new App({
    builtinCloudFormationValidation: process.env['CDK_VALIDATION'] === 'true',
  });
  const settingsFile =
    contextString(app, 'settings') ?? process.env['DEPLOY_SETTINGS'] ?? DEFAULT_SETTINGS_FILE;
  const configFile =
    contextString(app, 'governanceConfig') ??
    process.env['GOVERNANCE_CONFIG'] ??
    DEFAULT_GOVERNANCE_FILE;
  buildGovernanceApp(app, loadDeploySettings(settingsFile), loadGovernanceConfig(configFile));
  app.synth();
}

try {
  main();
} catch (error) {
  if (!(error instanceof DeployAppError || error instanceof ConstructLibraryError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
