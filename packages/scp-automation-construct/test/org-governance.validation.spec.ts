/**
 * Prop validation reports every mistake at once, naming the construct path.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import type { GovernanceConfig } from '@org/scope-engine';
import { HandlerLogLevel, InvalidPropsError, OrgGovernance, type OrgGovernanceProps } from '../src';
import { FULL_CONFIG } from './support/governance-config';

/** The error thrown by constructing an `OrgGovernance` with these props. */
function validationError(props: OrgGovernanceProps): InvalidPropsError {
  const stack = new Stack(new App(), 'Governance');
  try {
    new OrgGovernance(stack, 'OrgGovernance', props);
  } catch (error) {
    if (error instanceof InvalidPropsError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPropsError');
}

describe('validateOrgGovernanceProps', () => {
  it('lists every mistake in one error naming the construct path', () => {
    const error = validationError({
      governanceConfig: FULL_CONFIG,
      managementAccountId: '1111',
      organizationId: 'org-1',
      operationsMaxReceiveCount: 0,
      assignmentStatusWait: Duration.minutes(20),
      workerReservedConcurrency: 25,
      workerBatchSize: 11,
      asyncRetryAttempts: 3,
      failureNotificationEmails: ['ops@example.com', 'not-an-email'],
      failureNotificationUrls: ['http://hooks.example.com/x'],
      auditRetention: Duration.hours(36),
      driftAlarmThreshold: 0,
      eventBusName: 'default',
    });
    expect(error.code).toBe('INVALID_PROPS');
    expect(error.constructPath).toBe('Governance/OrgGovernance');
    expect(error.problems).toStrictEqual([
      "managementAccountId must be a 12-digit account id, got '1111'",
      "organizationId must look like 'o-' followed by 10-32 lowercase letters or digits, got 'org-1'",
      "eventBusName must be 1-256 characters of letters, digits, . - _ / and not 'default', got 'default'",
      'operationsMaxReceiveCount must be an integer from 1 to 1000, got 0',
      "assignmentStatusWait must be whole seconds from 1 to 870 (the worker's timeout is 30 s longer and at most 15 minutes), got 1200 s",
      'workerReservedConcurrency must be an integer from 1 to 10 (Identity Center allows 10 outstanding assignment creations), got 25',
      'workerBatchSize must be an integer from 1 to 10 (FIFO queues deliver at most 10), got 11',
      'asyncRetryAttempts must be 0, 1 or 2, got 3',
      'failureNotificationEmails must be e-mail addresses, got not-an-email',
      'failureNotificationUrls must be https URLs, got http://hooks.example.com/x',
      'auditRetention must be whole days from 1 to 3650, got 1.5 days',
      'driftAlarmThreshold must be a positive integer, got 0',
    ]);
    expect(error.message).toBe(
      `OrgGovernance at 'Governance/OrgGovernance' has 12 invalid prop(s):\n${error.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  });

  it.each<[string, Partial<OrgGovernanceProps>, string[]]>([
    [
      'a trail without an organization id',
      { organizationTrail: true, trailName: 'x' },
      [
        'organizationTrail requires organizationId (the trail bucket policy admits the organization)',
        "trailName must be 3-128 letters, digits, . _ - starting with a letter or digit, got 'x'",
      ],
    ],
    [
      'malformed Identity Center settings',
      {
        ssoInstanceArn: 'ssoins-1',
        identityStoreId: 'store',
        identityCenterRoleArn: 'arn:aws:iam::1:user/x',
        identityCenterRegion: 'Ireland',
      },
      [
        "ssoInstanceArn must be an Identity Center instance ARN (arn:aws:sso:::instance/ssoins-…), got 'ssoins-1'",
        "identityStoreId must look like 'd-' followed by 10 hex digits, got 'store'",
        "identityCenterRoleArn must be an IAM role ARN, got 'arn:aws:iam::1:user/x'",
        "identityCenterRegion must be a region such as eu-west-1, got 'Ireland'",
      ],
    ],
    [
      'an unknown log level and a fractional trail retention',
      { logLevel: 'VERBOSE' as HandlerLogLevel, trailLogRetention: Duration.hours(12) },
      [
        "logLevel must be one of DEBUG, INFO, WARN, ERROR, got 'VERBOSE'",
        'trailLogRetention must be whole days from 1 to 36500, got 0.5 days',
      ],
    ],
  ])('reports %s', (_name, props, problems) => {
    expect(validationError({ governanceConfig: FULL_CONFIG, ...props }).problems).toStrictEqual(
      problems,
    );
  });

  it('requires the Identity Center instance ARN and Identity Store id together', () => {
    expect(
      validationError({
        governanceConfig: FULL_CONFIG,
        ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      }).problems,
    ).toStrictEqual([
      'ssoInstanceArn and identityStoreId go together (the functions discover both otherwise), got only ssoInstanceArn',
    ]);
  });

  it('checks the ARNs of notification targets', () => {
    const config: GovernanceConfig = {
      ...FULL_CONFIG,
      notifications: [
        {
          id: 'hook',
          on: ['AccountCreated'],
          target: { type: 'webhook', url: 'https://x.example.com', secretArn: 'my-secret' },
        },
        { id: 'topic', on: ['AccountCreated'], target: { type: 'sns', topicArn: 'billing' } },
      ],
    };
    expect(validationError({ governanceConfig: config }).problems).toStrictEqual([
      'governanceConfig webhook secretArn must be a Secrets Manager secret ARN, got my-secret',
      'governanceConfig sns topicArn must be an SNS topic ARN, got billing',
    ]);
  });

  it('reports a missing configuration (JavaScript callers)', () => {
    expect(validationError({} as OrgGovernanceProps).problems).toStrictEqual([
      "config is required: GovernanceConfigSource.fromFile('governance.yaml') (the file orgctl rules apply stores)",
    ]);
  });
});
