/**
 * One account, the baseline SCP rule and two assignment rules, with the worker's ports in memory:
 * the fixture of the level-triggered executor specs.
 */
import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import type { OperationMessage } from '../../src/ports/operation-queue';
import { staticRulesSource } from '../../src/rules/rules-source';
import type { InMemoryOrganization } from '../../src/testing/in-memory-organization';
import { VirtualClock } from '../../src/testing/virtual-clock';
import type { AccountReads } from '../../src/execute/account-reads';
import { executeLevelTriggered } from '../../src/execute/execute-level-triggered';
import {
  ADMIN_ARN,
  ADMIN_SET,
  FULL_AWS_ACCESS,
  OPS_GROUP,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  groupRule,
  READ_ONLY_SET,
  activeAccount,
  orgSnapshot,
  PROD_ADMINS_RULE,
} from './org-fixtures';
import { workerPorts } from './worker-ports';

/** The account. */
export const ACCOUNT = '222222222222';
/** The Ops group's id. */
export const OPS = 'g-ops';

/** The organization: the account (tagged `env=dev`) with FullAWSAccess, and the Baseline SCP. */
export const ORG: OrgSnapshot = orgSnapshot({
  accounts: [activeAccount(ACCOUNT, 'app', 'r-ab12', { env: 'dev' })],
  policies: [FULL_AWS_ACCESS, { id: 'p-base0001', name: 'Baseline' }],
  permissionSets: [ADMIN_SET, READ_ONLY_SET],
  principals: [OPS_GROUP],
  attachments: [{ targetId: ACCOUNT, policyId: FULL_AWS_ACCESS.id }],
});

/** The account as the organization holds it. */
export const [APP] = ORG.accounts as [OrgSnapshot['accounts'][number]];

/** Baseline everywhere, Admin for prod accounts, ReadOnly for Ops everywhere. */
export const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [
    PROD_ADMINS_RULE,
    groupRule('ops-readonly', 'ReadOnly', 'Ops', { type: 'root' }),
  ],
  notifications: [],
};

/** A creation or deletion of the Ops group's Admin assignment on the account. */
export const admin = (
  type: 'createAssignment' | 'deleteAssignment',
  ruleIds: string[],
): Operation => ({
  type,
  accountId: ACCOUNT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP',
  principalId: OPS,
  ruleIds,
});

/** The baseline SCP attached to the account, as the baseline rule plans it. */
export const attach: Operation = {
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: 'p-base0001',
  ruleIds: ['baseline'],
};

/** The provisioned-state record of the baseline attach (written before its request). */
export const BASELINE_INTENT = {
  kind: 'attachment' as const,
  policyId: 'p-base0001',
  policyType: 'SERVICE_CONTROL_POLICY' as const,
  ruleIds: ['baseline'],
  tagKeys: [],
};

/**
 * The worker's ports with `config` as the rules; Organizations calls are recorded in `calls`
 * (`read <account>`, `attach <policy>`, `detach <policy>`), and `beforeAttach` runs just before
 * an attach reaches the organization.
 *
 * @example
 * ```ts
 * const { run, calls } = levelTriggeredSetup();
 * await run({ eventId: 'e-1', operation: attach });
 * ```
 */
export function levelTriggeredSetup(
  config: GovernanceConfig = CONFIG,
  beforeAttach: () => Promise<void> = async () => undefined,
) {
  const clock = new VirtualClock(0);
  const calls: string[] = [];
  const { org, deps, audit, provisionedState, reports } = workerPorts(
    ORG,
    clock,
    staticRulesSource(config),
    (recorded) => ({
      readAccountStructure: (id: string) => {
        calls.push(`read ${id}`);
        return recorded.readAccountStructure(id);
      },
      attachPolicy: async (policyId: string, targetId: string) => {
        calls.push(`attach ${policyId}`);
        await beforeAttach();
        return recorded.attachPolicy(policyId, targetId);
      },
      detachPolicy: (policyId: string, targetId: string) => {
        calls.push(`detach ${policyId}`);
        return recorded.detachPolicy(policyId, targetId);
      },
    }),
  );
  const run = (message: OperationMessage, reads?: AccountReads) =>
    clock.run(() => executeLevelTriggered(message, deps, reads ? { reads } : {}));
  return { org, deps, audit, provisionedState, reports, calls, run };
}

/** `true` when the organization has an Admin assignment. */
export const hasAdmin = (org: InMemoryOrganization) =>
  org.snapshot().assignments.some((a) => a.permissionSetArn === ADMIN_ARN);
