/**
 * Input files: the example configuration loads; broken files are reported with paths and lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputFileError, loadDeploySettings, loadGovernanceConfig } from '../src';

const EXAMPLE_CONFIG = path.join(__dirname, '..', '..', '..', 'examples', 'governance.yaml');
const directory = mkdtempSync(path.join(os.tmpdir(), 'deploy-app-inputs-'));

/** Writes a file into the temporary directory and returns its path. */
function file(name: string, text: string): string {
  const target = path.join(directory, name);
  writeFileSync(target, text);
  return target;
}

/** The InputFileError thrown by `load`. */
function inputError(load: () => unknown): InputFileError {
  try {
    load();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('loadGovernanceConfig', () => {
  it('loads and validates the example configuration', () => {
    const config = loadGovernanceConfig(EXAMPLE_CONFIG);
    expect(config.settings).toStrictEqual({
      maxScpsPerTarget: 10,
      includeManagementAccount: false,
    });
    expect(config.scpRules.map((rule) => rule.id)).toContain('baseline-guardrails');
  });

  it('lists every problem with its path and line', () => {
    const broken = file(
      'governance.yaml',
      [
        'scpRules:',
        '  - id: Bad_Id',
        '    policies: [DenyLeaveOrg]',
        '    scope: { type: galaxy }',
        '',
      ].join('\n'),
    );
    const error = inputError(() => loadGovernanceConfig(broken));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.problems.map((p) => p.path)).toStrictEqual([
      'scpRules[0].id',
      'scpRules[0].scope.type',
    ]);
    expect(error.problems.every((p) => /\(line \d+\)$/.test(p.message))).toBe(true);
    expect(error.message.split('\n')[0]).toBe(
      `${broken} is not a valid governance configuration: 2 problems`,
    );
  });

  it('reports a missing file in one line', () => {
    expect(
      inputError(() => loadGovernanceConfig(path.join(directory, 'absent.yaml'))).message,
    ).toBe(
      `${path.join(directory, 'absent.yaml')} cannot be read as a governance configuration: 1 problem\n  - (document): file not found`,
    );
  });
});

describe('loadDeploySettings', () => {
  it('loads the committed deploy.json', () => {
    expect(loadDeploySettings(path.join(__dirname, '..', 'deploy.json')).stackNamePrefix).toBe(
      'OrgGovernance',
    );
  });

  it('reports JSON syntax errors', () => {
    const error = inputError(() => loadDeploySettings(file('deploy.json', '{ "account": ')));
    expect(error.summary).toBe('is not valid JSON');
    expect(error.problems).toHaveLength(1);
  });
});
