/**
 * What a deployed `OrgGovernance` stack grants the rules stored in its rules table: the parts of
 * a governance configuration its template depends on (the notifier's Support, webhook-secret and
 * SNS permissions, the Organizations events routed to it, role provisioning in the management
 * account). The construct computes them at synthesis and tags the rules table with them;
 * `orgctl rules apply` computes them from the file it stores and refuses a file that needs more.
 */
import { sha256Hex } from './sha256';

/**
 * The shape of a governance configuration both sides read (a parsed `GovernanceConfig` of
 * `@org/scope-engine` is one): the fields a deployment depends on, typed; the engine's other
 * fields are named too (as `unknown`) so that a configuration written as an object literal fits.
 */
export interface GovernanceConfigLike {
  /** Global settings. */
  readonly settings: {
    /** Assignments in the management account (IAM role provisioning there). */
    readonly includeManagementAccount?: boolean;
    /** The engine's (not read here). */
    readonly maxScpsPerTarget?: unknown;
    /** The engine's (not read here). */
    readonly maxPoliciesPerTarget?: unknown;
    /** The engine's (not read here). */
    readonly maxDestructiveOperations?: unknown;
    /** The engine's (not read here). */
    readonly trustedTagPrincipals?: unknown;
  };
  /** The engine's (not read here). */
  readonly scpRules?: unknown;
  /** The engine's (not read here). */
  readonly policyRules?: unknown;
  /** The engine's (not read here). */
  readonly assignmentRules?: unknown;
  /** The notifications. */
  readonly notifications: readonly {
    /** The notification's id (not read here). */
    readonly id?: string;
    /** The events that trigger it (`AccountCreated`, `ManagedAccountVended`, …). */
    readonly on: readonly string[];
    /** Where it goes: `supportCase`, `webhook` (with `secretArn`) or `sns` (with `topicArn`). */
    readonly target: {
      readonly type: string;
      readonly secretArn?: string;
      readonly topicArn?: string;
      /** The engine's (not read here): the webhook URL and its private-network switch. */
      readonly url?: unknown;
      readonly allowPrivateNetwork?: unknown;
      /** The engine's (not read here): the message and the Support case fields. */
      readonly subject?: unknown;
      readonly body?: unknown;
      readonly serviceCode?: unknown;
      readonly categoryCode?: unknown;
      readonly severityCode?: unknown;
    };
  }[];
}

/** What a deployment grants (or a configuration needs), every list sorted and distinct. */
export interface DeploymentGrants {
  /** IAM role provisioning in the management account for its assignments. */
  readonly includeManagementAccount: boolean;
  /** The notifier may open Support cases. */
  readonly supportCase: boolean;
  /** Webhook signing secrets the notifier may read. */
  readonly webhookSecretArns: readonly string[];
  /** SNS topics the notifier may publish to. */
  readonly topicArns: readonly string[];
  /** Events that notifications listen to (the notifier receives them). */
  readonly notifiedEvents: readonly string[];
}

/** One thing a deployment grants, with a stable key and a sentence for people. */
export interface DeploymentGrant {
  /** Stable key (`supportCase`, `sns:<arn>`, `webhook:<arn>`, `event:<name>`, `includeManagementAccount`). */
  readonly key: string;
  /** What it is, e.g. `SNS topic arn:aws:sns:…` */
  readonly description: string;
}

/**
 * The tags of the rules table that carry the deployment's grants, and the stack output that
 * carries its configuration hash.
 */
export const DEPLOYMENT_GRANTS = {
  /** Tag with the {@link deploymentConfigHash} of the grants. */
  configHashTag: 'org-governance:config-hash',
  /** Prefix of the tags (`…-0`, `…-1`, …) holding the grants' fingerprints, space-separated. */
  fingerprintsTagPrefix: 'org-governance:grants-',
  /** The stack output with the configuration hash (pipelines and people compare it). */
  configHashOutput: 'GovernanceConfigHash',
} as const;

/** Fingerprints per tag: 28 × 8 hex digits with spaces fit a 256-character tag value. */
const FINGERPRINTS_PER_TAG = 28;

const distinct = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * The grants given as a struct, lists sorted and distinct.
 *
 * @example
 * ```ts
 * normalizeDeploymentGrants({ topicArns: [b, a, a] }).topicArns; // [a, b]
 * ```
 */
export function normalizeDeploymentGrants(grants: Partial<DeploymentGrants>): DeploymentGrants {
  return {
    includeManagementAccount: grants.includeManagementAccount ?? false,
    supportCase: grants.supportCase ?? false,
    webhookSecretArns: distinct(grants.webhookSecretArns ?? []),
    topicArns: distinct(grants.topicArns ?? []),
    notifiedEvents: distinct(grants.notifiedEvents ?? []),
  };
}

/**
 * What a configuration needs from the deployment.
 *
 * @example
 * ```ts
 * deploymentGrantsOf(parseGovernanceConfig(yaml)).topicArns; // ['arn:aws:sns:us-east-1:111111111111:billing']
 * ```
 */
export function deploymentGrantsOf(config: GovernanceConfigLike): DeploymentGrants {
  const targets = config.notifications.map((notification) => notification.target);
  const present = (values: readonly (string | undefined)[]): string[] =>
    values.filter((value): value is string => value !== undefined);
  return normalizeDeploymentGrants({
    includeManagementAccount: config.settings.includeManagementAccount ?? false,
    supportCase: targets.some((t) => t.type === 'supportCase'),
    webhookSecretArns: present(
      targets.map((t) => (t.type === 'webhook' ? t.secretArn : undefined)),
    ),
    topicArns: present(targets.map((t) => (t.type === 'sns' ? t.topicArn : undefined))),
    notifiedEvents: config.notifications.flatMap((notification) => notification.on),
  });
}

/**
 * The grants one by one, in a stable order.
 *
 * @example
 * ```ts
 * deploymentGrantList({ ...grants, supportCase: true })[0]; // { key: 'supportCase', description: 'Support cases (support:CreateCase)' }
 * ```
 */
export function deploymentGrantList(grants: DeploymentGrants): DeploymentGrant[] {
  return [
    ...(grants.supportCase
      ? [{ key: 'supportCase', description: 'Support cases (support:CreateCase)' }]
      : []),
    ...grants.webhookSecretArns.map((arn) => ({
      key: `webhook:${arn}`,
      description: `webhook secret ${arn} (secretsmanager:GetSecretValue)`,
    })),
    ...grants.topicArns.map((arn) => ({
      key: `sns:${arn}`,
      description: `SNS topic ${arn} (sns:Publish)`,
    })),
    ...grants.notifiedEvents.map((event) => ({
      key: `event:${event}`,
      description: `${event} events delivered to the notifier`,
    })),
    ...(grants.includeManagementAccount
      ? [
          {
            key: 'includeManagementAccount',
            description: 'assignments in the management account (IAM role provisioning there)',
          },
        ]
      : []),
  ];
}

/**
 * SHA-256 (hex) of the grants in a canonical form: equal for equal grants, whatever the order
 * of the configuration's notifications.
 *
 * @example
 * ```ts
 * deploymentConfigHash(deploymentGrantsOf(config)); // '3f0c…' (64 hex digits)
 * ```
 */
export function deploymentConfigHash(grants: DeploymentGrants): string {
  const g = normalizeDeploymentGrants(grants);
  return sha256Hex(
    JSON.stringify([
      g.includeManagementAccount,
      g.supportCase,
      g.webhookSecretArns,
      g.topicArns,
      g.notifiedEvents,
    ]),
  );
}

/** The first 8 hex digits of the SHA-256 of a grant's key. */
function fingerprint(key: string): string {
  return sha256Hex(key).slice(0, 8);
}

/**
 * The rules table's tags for a deployment's grants: the configuration hash and the grants'
 * fingerprints (tag values hold 256 characters, so ARNs themselves would not fit).
 *
 * @example
 * ```ts
 * deploymentGrantTags(grants); // { 'org-governance:config-hash': '3f0c…', 'org-governance:grants-0': '1a2b3c4d 5e6f…' }
 * ```
 */
export function deploymentGrantTags(grants: DeploymentGrants): Record<string, string> {
  const prints = deploymentGrantList(normalizeDeploymentGrants(grants)).map((g) =>
    fingerprint(g.key),
  );
  const tags: Record<string, string> = {
    [DEPLOYMENT_GRANTS.configHashTag]: deploymentConfigHash(grants),
  };
  for (let i = 0; i * FINGERPRINTS_PER_TAG < prints.length; i++) {
    tags[`${DEPLOYMENT_GRANTS.fingerprintsTagPrefix}${i}`] = prints
      .slice(i * FINGERPRINTS_PER_TAG, (i + 1) * FINGERPRINTS_PER_TAG)
      .join(' ');
  }
  return tags;
}

/** The grants a deployed stack carries on its rules table. */
export interface DeployedGrants {
  /** The configuration hash of the deployment. */
  readonly configHash: string;
  /** The fingerprints of its grants. */
  readonly fingerprints: ReadonlySet<string>;
}

/**
 * Reads the grants from the rules table's tags, or `null` when the table carries none (a stack
 * of an older construct, or a rules table adopted from elsewhere).
 *
 * @example
 * ```ts
 * readDeploymentGrantTags({ 'org-governance:config-hash': '3f0c…' })?.configHash; // '3f0c…'
 * ```
 */
export function readDeploymentGrantTags(
  tags: Readonly<Record<string, string>>,
): DeployedGrants | null {
  const configHash = tags[DEPLOYMENT_GRANTS.configHashTag];
  if (configHash === undefined) return null;
  const fingerprints = Object.entries(tags)
    .filter(([key]) => key.startsWith(DEPLOYMENT_GRANTS.fingerprintsTagPrefix))
    .flatMap(([, value]) => value.split(' ').filter((print) => print !== ''));
  return { configHash, fingerprints: new Set(fingerprints) };
}

/**
 * What `needed` asks for that the deployment does not grant (empty when it grants everything).
 *
 * @example
 * ```ts
 * ungrantedDeploymentGrants(deploymentGrantsOf(config), deployed); // [{ key: 'sns:arn:…', description: 'SNS topic arn:… (sns:Publish)' }]
 * ```
 */
export function ungrantedDeploymentGrants(
  needed: DeploymentGrants,
  deployed: DeployedGrants,
): DeploymentGrant[] {
  if (deploymentConfigHash(needed) === deployed.configHash) return [];
  return deploymentGrantList(normalizeDeploymentGrants(needed)).filter(
    (grant) => !deployed.fingerprints.has(fingerprint(grant.key)),
  );
}
