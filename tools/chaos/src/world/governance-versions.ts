/**
 * The governance configurations a chaos run goes through: version 0 is stored before the run;
 * each rule-change event stores the next version (rules added, dropped or re-scoped, tag values
 * changed, the SCP limit tightened, the management account included) through `applyRules`.
 */
import type {
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  Notification,
  ScpRule,
} from '@org/scope-engine';
import type { SeededRandom } from '../random/seeded-random';
import { SOURCE, TAG_VALUES } from './initial-organization';

/** What rules can point at: moto ids of OUs and accounts, the local notification targets. */
export interface RuleTargets {
  /** The moto id of a starting OU (source id, see `SOURCE.ous`). */
  ouId(sourceId: string): string;
  /** Moto ids of the member accounts that exist now (creation order). */
  memberAccountIds(): readonly string[];
  /** Moto id of the management account (a rule may name it; SCPs must still skip it). */
  readonly managementAccountId: string;
  readonly webhookUrl: string;
  readonly webhookSecretArn: string;
  readonly notificationTopicArn: string;
}

const NONE: Exclusions = { accounts: [], ous: [] };

/**
 * The blast-radius cap of the chaos organization's configurations: its operator accepts every
 * detach and delete a rules change or reconcile plans (the run checks correctness under faults;
 * the brakes that hold larger plans for confirmation are tested on their own), so a version that
 * drops rules removes their items at once, as the reference model expects.
 */
export const CHAOS_DESTRUCTIVE_LIMIT = 100_000;

function scpRules(random: SeededRandom, targets: RuleTargets, full: boolean): ScpRule[] {
  const { ous } = SOURCE;
  const members = targets.memberAccountIds();
  const pinned =
    members.length === 0 || random.chance(0.15)
      ? [targets.managementAccountId]
      : [random.pick(members)];
  const rules: ScpRule[] = [
    { id: 'baseline', policies: ['Guardrail1'], scope: { type: 'root' }, exclude: NONE },
    {
      id: 'prod-guardrails',
      policies: ['Guardrail2'],
      scope: { type: 'ou', id: targets.ouId(ous.prod), includeDescendants: true },
      exclude: {
        accounts: random.chance(0.5) ? pinned : [],
        ous: random.chance(0.5) ? [targets.ouId(ous.data)] : [],
      },
    },
    {
      id: 'nonprod-direct',
      policies: ['Guardrail3'],
      scope: { type: 'ou', id: targets.ouId(ous.nonprod), includeDescendants: false },
      exclude: NONE,
    },
    {
      id: 'env-prod',
      policies: ['Guardrail4'],
      scope: { type: 'accountTag', key: 'env', value: random.pick(['prod', 'prod', 'test']) },
      // Tag scopes with exclusions: an excluded OU subtree (or account) wins over the tag.
      exclude: { accounts: [], ous: [targets.ouId(ous.dev)] },
    },
    {
      id: 'team-any',
      policies: ['Guardrail5'],
      scope: { type: 'accountTag', key: 'team' },
      exclude: { accounts: pinned, ous: [targets.ouId(ous.sandbox)] },
    },
    {
      id: 'pinned-account',
      policies: ['Guardrail6'],
      scope: { type: 'account', id: pinned[0] ?? targets.managementAccountId },
      exclude: NONE,
    },
    {
      id: 'sandbox',
      policies: ['Guardrail3', 'Guardrail6'],
      scope: { type: 'ou', id: targets.ouId(ous.sandbox), includeDescendants: true },
      exclude: NONE,
    },
    { id: 'missing-policy', policies: ['NoSuchPolicy'], scope: { type: 'root' }, exclude: NONE },
  ];
  return full ? rules : rules.filter(() => random.chance(0.7));
}

function assignmentRules(
  random: SeededRandom,
  targets: RuleTargets,
  full: boolean,
): AssignmentRule[] {
  const { ous } = SOURCE;
  const rules: AssignmentRule[] = [
    {
      id: 'auditors-readonly',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'root' },
      exclude: NONE,
    },
    {
      id: 'prod-admins',
      permissionSet: 'AdministratorAccess',
      principal: { type: 'GROUP', name: 'Admins' },
      scope: { type: 'accountTag', key: 'env', value: 'prod' },
      exclude: { accounts: [], ous: [targets.ouId(SOURCE.ous.payments)] },
    },
    {
      id: 'team-billing',
      permissionSet: 'Billing',
      principal: { type: 'GROUP', name: 'Finance' },
      scope: { type: 'accountTag', key: 'team', value: random.pick(TAG_VALUES['team'] ?? []) },
      exclude: NONE,
    },
    {
      id: 'dev-jdoe',
      permissionSet: 'AdministratorAccess',
      principal: { type: 'USER', name: 'jdoe' },
      scope: { type: 'ou', id: targets.ouId(ous.dev), includeDescendants: true },
      exclude: NONE,
    },
    {
      id: 'security-readonly',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Admins' },
      scope: { type: 'ou', id: targets.ouId(ous.security), includeDescendants: true },
      exclude: { accounts: [], ous: random.chance(0.3) ? [targets.ouId(ous.security)] : [] },
    },
    {
      id: 'ghost-readonly',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Ghosts' },
      scope: { type: 'root' },
      exclude: NONE,
    },
  ];
  return full ? rules : rules.filter(() => random.chance(0.7));
}

function notifications(targets: RuleTargets): Notification[] {
  return [
    {
      id: 'ams-onboarding',
      on: ['ManagedAccountVended'],
      target: {
        type: 'supportCase',
        subject:
          'New Account Created via Control Tower - Account ID: {accountId} || Account Name: {accountName}',
        body: 'Proceed with onboarding for account {accountId} ({accountName}) in {ouName}.',
        serviceCode: 'service-ams-operations-service-request',
        categoryCode: 'onboarding-or-offboarding',
        severityCode: 'low',
      },
    },
    {
      id: 'cmdb-webhook',
      on: ['AccountCreated', 'ManagedAccountVended'],
      target: { type: 'webhook', url: targets.webhookUrl, secretArn: targets.webhookSecretArn },
    },
    {
      id: 'joined-topic',
      on: ['AccountJoined', 'CreateAccountFailed'],
      target: { type: 'sns', topicArn: targets.notificationTopicArn },
    },
  ];
}

/**
 * Governance configuration number `version`: version 0 has every rule (the starting
 * organization's provisioned items refer to it); later versions keep each rule with probability
 * 0.7 and redraw scopes, exclusions, tag values and settings.
 *
 * @example
 * ```ts
 * const v0 = governanceVersion(0, random.fork('rules'), targets);
 * ```
 */
export function governanceVersion(
  version: number,
  random: SeededRandom,
  targets: RuleTargets,
): GovernanceConfig {
  const full = version === 0;
  return {
    settings: {
      maxScpsPerTarget: full ? 10 : random.pick([10, 10, 4]),
      includeManagementAccount: full ? false : random.chance(0.2),
      maxDestructiveOperations: CHAOS_DESTRUCTIVE_LIMIT,
    },
    scpRules: scpRules(random, targets, full),
    assignmentRules: assignmentRules(random, targets, full),
    notifications: notifications(targets),
  };
}
