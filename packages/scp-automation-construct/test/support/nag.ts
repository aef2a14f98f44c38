/**
 * Runs cdk-nag's AwsSolutions pack over an app (test helper) and returns the unacknowledged
 * findings as `rule @ construct path` lines.
 */
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Unacknowledged AwsSolutions findings, sorted (empty = clean). */
export function unacknowledgedNagFindings(app: App): string[] {
  // cdk-nag's EventBridge rule reads a deprecated L1 property; keep the test output clean.
  process.env['JSII_DEPRECATED'] = 'quiet';
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations
    .flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.ruleName} @ ${resource.constructPath}`,
      ),
    )
    .sort();
}
