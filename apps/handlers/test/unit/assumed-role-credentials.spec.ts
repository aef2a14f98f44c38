import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import {
  assumedRoleCredentials,
  roleSessionName,
} from '../../src/shared/aws/assumed-role-credentials';
import { identityStoreClient, ssoAdminClient } from '../../src/shared/aws/clients';
import { identityCenterTarget } from '../../src/shared/aws/identity-center';
import { readReconcilerConfig } from '../../src/shared/config/handler-config';
import { AssumeRoleError } from '../../src/shared/errors';

const sts = mockClient(STSClient);
const ROLE = 'arn:aws:iam::222222222222:role/OrgGovernanceIdentityCenter';
const T0 = Date.parse('2026-11-01T10:00:00Z');
const HOUR = 3_600_000;

/** STS credentials number `n`, expiring an hour after `issuedAt`. */
const issued = (n: number, issuedAt: number) => ({
  AccessKeyId: `ASIA${n}`,
  SecretAccessKey: `secret-${n}`,
  SessionToken: `token-${n}`,
  Expiration: new Date(issuedAt + HOUR),
});

/** What a client receives for credentials `n`. */
const identity = (n: number, issuedAt: number) => ({
  accessKeyId: `ASIA${n}`,
  secretAccessKey: `secret-${n}`,
  sessionToken: `token-${n}`,
  expiration: new Date(issuedAt + HOUR),
});

const ENV = {
  AWS_REGION: 'eu-west-1',
  RULES_TABLE: 'rules',
  STATE_TABLE: 'state',
  AUDIT_TABLE: 'audit',
  IDEMPOTENCY_TABLE: 'idempotency',
  OPERATIONS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111111111111/operations.fifo',
  FAILURE_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111111111111:failures',
};

beforeEach(() => sts.reset());

describe('assumedRoleCredentials', () => {
  it('assumes the role once, names the session after the function, and refreshes five minutes before expiry', async () => {
    let now = T0;
    sts
      .on(AssumeRoleCommand)
      .resolvesOnce({ Credentials: issued(1, T0) })
      .resolvesOnce({ Credentials: issued(2, T0 + 55 * 60_000) });
    const credentials = assumedRoleCredentials({
      roleArn: ROLE,
      sessionName: roleSessionName('operations-worker'),
      sts: new STSClient({ region: 'eu-west-1' }),
      now: () => now,
    });
    const first = await Promise.all([credentials(), credentials()]);
    now = T0 + 54 * 60_000; // six minutes left: still fresh
    const cached = await credentials();
    now = T0 + 55 * 60_000; // five minutes left: refreshed
    const refreshed = await credentials();
    expect({
      first,
      cached,
      refreshed,
      calls: sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input),
    }).toStrictEqual({
      first: [identity(1, T0), identity(1, T0)],
      cached: identity(1, T0),
      refreshed: identity(2, T0 + 55 * 60_000),
      calls: [1, 2].map(() => ({
        RoleArn: ROLE,
        RoleSessionName: 'org-governance-operations-worker',
        DurationSeconds: 3600,
      })),
    });
  });

  it.each([
    { name: 'no credentials', answer: {} },
    { name: 'no expiration', answer: { Credentials: { ...issued(1, T0), Expiration: undefined } } },
  ])('fails retryably when STS answers with $name', async ({ answer }) => {
    sts.on(AssumeRoleCommand).resolves(answer);
    const credentials = assumedRoleCredentials({
      roleArn: ROLE,
      sessionName: 'org-governance-reconciler',
      sts: new STSClient({ region: 'eu-west-1' }),
    });
    await expect(credentials()).rejects.toStrictEqual(
      new AssumeRoleError(ROLE, 'returned no complete credentials'),
    );
  });

  it.each([
    ['operations-worker', 'org-governance-operations-worker'],
    ['a b/c', 'org-governance-a-b-c'],
    ['x'.repeat(80), `org-governance-${'x'.repeat(49)}`],
  ])('names the session of %s %s', (functionName, sessionName) => {
    expect(roleSessionName(functionName)).toStrictEqual(sessionName);
  });
});

describe('identityCenterTarget', () => {
  it('gives the SSO Admin and Identity Store clients the assumed role, with one AssumeRole for both', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: issued(1, Date.now()) });
    const config = readReconcilerConfig({ ...ENV, SSO_ROLE_ARN: ROLE });
    const target = identityCenterTarget({ config, functionName: 'reconciler' });
    const ssoAdmin: SSOAdminClient = ssoAdminClient(target);
    const identityStore = identityStoreClient(target);
    const [fromSsoAdmin, fromIdentityStore] = await Promise.all([
      ssoAdmin.config.credentials(),
      identityStore.config.credentials(),
    ]);
    expect({
      same: fromSsoAdmin.accessKeyId === fromIdentityStore.accessKeyId,
      accessKeyId: fromSsoAdmin.accessKeyId,
      calls: sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input.RoleSessionName),
    }).toStrictEqual({
      same: true,
      accessKeyId: 'ASIA1',
      calls: ['org-governance-reconciler'],
    });
  });

  it('leaves the function role in place without SSO_ROLE_ARN', () => {
    const config = readReconcilerConfig(ENV);
    const target = { config, functionName: 'reconciler' };
    expect(identityCenterTarget(target)).toBe(target);
  });
});
