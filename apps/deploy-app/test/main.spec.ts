/**
 * The CDK app entry (built `dist/main.js`, as `cdk synth` runs it): invalid inputs print the
 * problems with their paths and exit 1, without a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '..', 'dist', 'main.js');

/** Runs the app with these settings and configuration files. */
function runApp(settings: string, config: string): { status: number | null; stderr: string } {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'deploy-app-main-'));
  const result = spawnSync(process.execPath, [MAIN], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DEPLOY_SETTINGS: settings,
      GOVERNANCE_CONFIG: config,
      CDK_OUTDIR: outdir,
    },
  });
  return { status: result.status, stderr: result.stderr };
}

describe('dist/main.js', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'deploy-app-inputs-'));
  const settings = path.join(directory, 'deploy.json');
  writeFileSync(settings, JSON.stringify({ account: '1', region: 'us-east-1' }));

  it('lists every settings problem and exits 1 without a stack trace', () => {
    const { status, stderr } = runApp(settings, path.join(directory, 'governance.yaml'));
    expect(status).toBe(1);
    expect(stderr).toBe(
      [
        `${settings} is not valid deploy settings: 2 problems`,
        '  - account: expected a 12-digit account id, got "1"',
        '  - managementAccountId: is required (a 12-digit account id)',
        '',
      ].join('\n'),
    );
  });

  it('reports a missing governance configuration the same way', () => {
    const good = path.join(directory, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        account: '111111111111',
        region: 'us-east-1',
        managementAccountId: '111111111111',
      }),
    );
    const missing = path.join(directory, 'missing.yaml');
    const { status, stderr } = runApp(good, missing);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `${missing} cannot be read as a governance configuration: 1 problem\n  - (document): file not found\n`,
    );
  });
});
