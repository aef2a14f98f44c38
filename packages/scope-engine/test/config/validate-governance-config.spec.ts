/**
 * `validateGovernanceConfig` (data already parsed, e.g. read back from the rules table) applies
 * exactly the checks and defaults of `parseGovernanceConfig` on the same data.
 */
import { ConfigError, parseGovernanceConfig, validateGovernanceConfig } from '../../src';

const VALID = {
  scpRules: [{ id: 'deny-root', scope: { type: 'root' }, policies: ['DenyRootUser'] }],
};

describe('validateGovernanceConfig', () => {
  it('gives the configuration parseGovernanceConfig gives for the same data', () => {
    expect(validateGovernanceConfig(VALID, 'rules table')).toStrictEqual(
      parseGovernanceConfig(VALID, 'rules table'),
    );
  });

  it('refuses what parseGovernanceConfig refuses, with the same problems', () => {
    const bad = { scpRules: [{ id: 'x', scope: { type: 'galaxy' }, policies: [] }] };
    const problems = (run: () => unknown): unknown => {
      try {
        run();
        return 'accepted';
      } catch (error) {
        return error instanceof ConfigError ? error.problems : error;
      }
    };
    const viaValidate = problems(() => validateGovernanceConfig(bad, 'rules table'));
    expect(viaValidate).not.toBe('accepted');
    expect(viaValidate).toStrictEqual(problems(() => parseGovernanceConfig(bad, 'rules table')));
  });
});
