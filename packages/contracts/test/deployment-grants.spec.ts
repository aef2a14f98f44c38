import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  DEPLOYMENT_GRANTS,
  deploymentConfigHash,
  deploymentGrantsOf,
  deploymentGrantTags,
  type GovernanceConfigLike,
  normalizeDeploymentGrants,
  readDeploymentGrantTags,
  sha256Hex,
  ungrantedDeploymentGrants,
} from '../src';

const TOPIC = 'arn:aws:sns:us-east-1:111111111111:billing';
const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:cmdb-hmac';

const CONFIG: GovernanceConfigLike = {
  settings: { includeManagementAccount: false },
  notifications: [
    { on: ['ManagedAccountVended'], target: { type: 'supportCase' } },
    {
      on: ['AccountCreated', 'ManagedAccountVended'],
      target: { type: 'webhook', secretArn: SECRET },
    },
    { on: ['AccountJoined'], target: { type: 'sns', topicArn: TOPIC } },
    { on: ['AccountJoined'], target: { type: 'sns', topicArn: TOPIC } },
  ],
};

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j as the standard says', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('equals node:crypto on any text (multi-block, astral and lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('deployment grants', () => {
  it('are what the notifications and settings need, sorted and distinct', () => {
    expect(deploymentGrantsOf(CONFIG)).toStrictEqual({
      includeManagementAccount: false,
      supportCase: true,
      webhookSecretArns: [SECRET],
      topicArns: [TOPIC],
      notifiedEvents: ['AccountCreated', 'AccountJoined', 'ManagedAccountVended'],
    });
  });

  it('hash the same whatever the order of the notifications, and differently when one changes', () => {
    const reversed = { ...CONFIG, notifications: [...CONFIG.notifications].reverse() };
    const withManagement = { ...CONFIG, settings: { includeManagementAccount: true } };
    const hash = deploymentConfigHash(deploymentGrantsOf(CONFIG));
    expect({
      reversed: deploymentConfigHash(deploymentGrantsOf(reversed)) === hash,
      withManagement: deploymentConfigHash(deploymentGrantsOf(withManagement)) === hash,
      shape: /^[0-9a-f]{64}$/.test(hash),
    }).toStrictEqual({ reversed: true, withManagement: false, shape: true });
  });

  it('round-trip through the rules table tags, every tag value within 256 characters', () => {
    const many = normalizeDeploymentGrants({
      topicArns: Array.from({ length: 60 }, (_, i) => `${TOPIC}-${i}`),
      supportCase: true,
    });
    const tags = deploymentGrantTags(many);
    const deployed = readDeploymentGrantTags(tags);
    expect({
      keys: Object.keys(tags),
      longest: Math.max(...Object.values(tags).map((v) => v.length)) <= 256,
      hash: deployed?.configHash,
      prints: deployed?.fingerprints.size,
      ungranted: deployed && ungrantedDeploymentGrants(many, deployed),
    }).toStrictEqual({
      keys: [
        DEPLOYMENT_GRANTS.configHashTag,
        `${DEPLOYMENT_GRANTS.fingerprintsTagPrefix}0`,
        `${DEPLOYMENT_GRANTS.fingerprintsTagPrefix}1`,
        `${DEPLOYMENT_GRANTS.fingerprintsTagPrefix}2`,
      ],
      longest: true,
      hash: deploymentConfigHash(many),
      prints: 61,
      ungranted: [],
    });
  });

  it('name exactly what a configuration needs beyond the deployed grants', () => {
    const deployed = readDeploymentGrantTags(
      deploymentGrantTags(
        normalizeDeploymentGrants({ topicArns: [TOPIC], notifiedEvents: ['AccountJoined'] }),
      ),
    );
    const narrower = normalizeDeploymentGrants({ notifiedEvents: ['AccountJoined'] });
    expect({
      needed:
        deployed &&
        ungrantedDeploymentGrants(
          deploymentGrantsOf({ ...CONFIG, settings: { includeManagementAccount: true } }),
          deployed,
        ),
      narrower: deployed && ungrantedDeploymentGrants(narrower, deployed),
    }).toStrictEqual({
      needed: [
        { key: 'supportCase', description: 'Support cases (support:CreateCase)' },
        {
          key: `webhook:${SECRET}`,
          description: `webhook secret ${SECRET} (secretsmanager:GetSecretValue)`,
        },
        {
          key: 'event:AccountCreated',
          description: 'AccountCreated events delivered to the notifier',
        },
        {
          key: 'event:ManagedAccountVended',
          description: 'ManagedAccountVended events delivered to the notifier',
        },
        {
          key: 'includeManagementAccount',
          description: 'assignments in the management account (IAM role provisioning there)',
        },
      ],
      narrower: [],
    });
  });

  it('are absent from a table without the hash tag', () => {
    expect(readDeploymentGrantTags({ team: 'platform' })).toBeNull();
  });

  it('defaults a configuration without includeManagementAccount to false', () => {
    expect(deploymentGrantsOf({ settings: {}, notifications: [] })).toStrictEqual(
      normalizeDeploymentGrants({}),
    );
  });
});
