/**
 * Deploy settings: defaults, and every problem reported at once with its path.
 */
import { InputFileError, parseDeploySettings, type DeploySettings } from '../src';

/** The problems of invalid settings. */
function problems(input: unknown): string[] {
  try {
    parseDeploySettings(input, 'deploy.json');
  } catch (error) {
    if (error instanceof InputFileError)
      return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('parseDeploySettings', () => {
  it('applies defaults to the minimal settings', () => {
    expect(
      parseDeploySettings(
        { account: '111111111111', region: 'us-east-1', managementAccountId: '111111111111' },
        'deploy.json',
      ),
    ).toStrictEqual<DeploySettings>({
      account: '111111111111',
      region: 'us-east-1',
      managementAccountId: '111111111111',
      organizationId: undefined,
      controlTowerHomeRegion: undefined,
      identityCenterHomeRegion: undefined,
      forwarderRegions: undefined,
      failureNotificationEmails: [],
      failureNotificationUrls: [],
      operatorRoleArns: undefined,
      identityCenterRoleArn: undefined,
      ssoInstanceArn: undefined,
      identityStoreId: undefined,
      organizationTrail: false,
      stackNamePrefix: 'OrgGovernance',
    });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', ['x'], [': expected a JSON object']],
    [
      'missing required settings',
      {},
      [
        'account: is required (a 12-digit account id)',
        'region: is required (a region such as us-east-1)',
        'managementAccountId: is required (a 12-digit account id)',
      ],
    ],
    [
      'every kind of mistake at once',
      {
        account: '2222',
        region: 'Europe',
        managementAccountId: '111111111111',
        controlTowerHomeRegion: 'eu-west-1',
        identityCenterHomeRegion: 'Ireland',
        forwarderRegions: ['us-east-1', 'mars-1'],
        failureNotificationEmails: ['oncall'],
        failureNotificationUrls: 'https://x.example.com',
        operatorRoleArns: [
          'arn:aws:iam::111111111111:role/Operator',
          'arn:aws:iam::111111111111:user/alice',
        ],
        organizationTrail: 'yes',
        stackPrefix: 'Gov',
      },
      [
        'stackPrefix: unknown setting (known: account, region, managementAccountId, organizationId, controlTowerHomeRegion, identityCenterHomeRegion, forwarderRegions, failureNotificationEmails, failureNotificationUrls, operatorRoleArns, identityCenterRoleArn, ssoInstanceArn, identityStoreId, organizationTrail, stackNamePrefix)',
        'account: expected a 12-digit account id, got "2222"',
        'region: expected a region such as us-east-1, got "Europe"',
        'identityCenterHomeRegion: expected a region such as eu-west-1, got "Ireland"',
        'forwarderRegions[1]: expected a region, got "mars-1"',
        'failureNotificationEmails[0]: expected an e-mail address, got "oncall"',
        'failureNotificationUrls: expected a list of an https URL',
        'operatorRoleArns[1]: expected an IAM role ARN, got "arn:aws:iam::111111111111:user/alice"',
        'organizationTrail: expected true or false, got "yes"',
      ],
    ],
    [
      'a central stack outside the management account without organization id',
      {
        account: '222222222222',
        region: 'eu-west-1',
        managementAccountId: '111111111111',
        organizationTrail: true,
      },
      [
        'organizationId: is required when the central stack is not in the management account (the central bus admits the organization)',
        'organizationId: is required with organizationTrail',
      ],
    ],
  ])('reports %s', (_name, input, expected) => {
    expect(problems(input)).toStrictEqual(expected);
  });

  it('formats the error as a list, one problem per line', () => {
    expect(() =>
      parseDeploySettings(
        { account: 'x', region: 'us-east-1', managementAccountId: '111111111111' },
        'deploy.json',
      ),
    ).toThrow(
      'deploy.json is not valid deploy settings: 1 problem\n  - account: expected a 12-digit account id, got "x"',
    );
  });
});
