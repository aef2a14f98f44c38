import type { ChangeActor, ChangeEvent } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { FailureReport } from '../failure-reporter';
import { staticRulesSource } from '../rules/rules-source';
import { CachedDirectoryView } from '../state/directory-view-store';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { processGovernanceEvent } from './process-change';
import {
  activeAccount,
  AUDITORS_GROUP,
  AUDITORS_RULE,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  FULL_AWS_ACCESS,
  groupAssignment,
  MANAGEMENT_ACCOUNT,
  groupRule,
  orgSnapshot,
  READ_ONLY_ARN as RO,
  READ_ONLY_SET,
  ROOT_ID,
} from '../../test/support/org-fixtures';
import { eventMeta as meta } from '../../test/support/event-fixtures';

const APP = '222222222222';
const PLATFORM = 'g-platform';
const PERSON: ChangeActor = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123/jdoe',
  principalId: 'AROAEXAMPLE:jdoe',
  accountId: '111111111111',
  sessionIssuerArn: null,
  invokedBy: null,
};
const ORG: OrgSnapshot = orgSnapshot({
  accounts: [MANAGEMENT_ACCOUNT, activeAccount(APP, 'app', ROOT_ID)],
  policies: [
    FULL_AWS_ACCESS,
    { id: 'p-base0001', name: 'Baseline' },
    { id: 'p-hand0001', name: 'ByHand' },
  ],
  permissionSets: [READ_ONLY_SET],
  principals: [AUDITORS_GROUP, { type: 'GROUP', name: 'Platform', id: PLATFORM }],
  attachments: [
    { targetId: APP, policyId: FULL_AWS_ACCESS.id },
    { targetId: APP, policyId: 'p-base0001' },
  ],
  assignments: [groupAssignment(APP, RO, 'g-auditors')],
});
const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [AUDITORS_RULE, groupRule('platform', 'ReadOnly', 'Platform', { type: 'root' })],
  notifications: [],
};
const auditorsOnApp = {
  permissionSetArn: RO,
  principalType: 'GROUP' as const,
  principalId: 'g-auditors',
};

/** The person's AttachPolicy or DetachPolicy of `policyId` on the app account. */
const policyChangedByHand = (change: 'attached' | 'detached', policyId: string): ChangeEvent => ({
  type: 'PolicyChangedOutOfBand',
  change,
  policyId,
  accountId: APP,
  actor: PERSON,
  meta: meta(change === 'attached' ? 'AttachPolicy' : 'DetachPolicy'),
});

/** The person's CreateGroup, as the event from `source` names the group. */
const groupCreated = (
  group: { principalId: string; identityStoreId: string | null; name: string | null },
  source: string,
): ChangeEvent => ({
  type: 'DirectoryPrincipalCreated',
  principalType: 'GROUP',
  ...group,
  actor: PERSON,
  meta: { ...meta('CreateGroup'), source },
});

/** Processes `event` with the stored directory view (the deployed processor), `org` changed by `live`. */
async function run(event: ChangeEvent, live: (org: InMemoryOrganization) => void) {
  const org = new InMemoryOrganization(ORG);
  live(org);
  const provisioned = new InMemoryProvisionedState();
  await provisioned.recordApplied(APP, {
    kind: 'attachment',
    policyId: 'p-base0001',
    ruleIds: ['baseline'],
    tagKeys: [],
  });
  await provisioned.recordApplied(APP, {
    kind: 'assignment',
    ...auditorsOnApp,
    ruleIds: ['auditors'],
    tagKeys: [],
  });
  const clock = new VirtualClock(3_600_000);
  const queue = new InMemoryOperationQueue();
  const audit = new InMemoryAuditLog();
  const alerts: FailureReport[] = [];
  // The view stored before the group was created: it does not know Platform.
  const views = new InMemoryDirectoryViewStore({
    permissionSets: ORG.permissionSets,
    principals: ORG.principals.filter((p) => p.id !== PLATFORM),
    readAt: '1970-01-01T00:00:00.000Z',
  });
  const result = await processGovernanceEvent(
    { kind: 'change', event },
    {
      organizations: org,
      directoryView: new CachedDirectoryView(views, clock, 60_000),
      provisionedState: provisioned,
      rules: staticRulesSource(CONFIG),
      queue,
      audit,
      clock,
      principalNames: org,
      organizationReads: org,
      outOfBandAlerts: { report: async (failure) => void alerts.push(failure) },
      directoryViews: views,
    },
  );
  const viewPrincipals = ((await views.load())?.principals ?? []).map((p) => p.name);
  const outOfBandAudit = audit
    .entries()
    .filter((entry) => entry.detail?.startsWith('OutOfBandChange'))
    .map((entry) => entry.detail);
  return {
    result,
    enqueued: queue.peek().map((m) => m.operation),
    outOfBandAudit,
    alerts,
    viewPrincipals,
  };
}

describe('processGovernanceEvent: changes made outside the product', () => {
  it('re-attaches a managed SCP a person detached, audits who did it and alerts', async () => {
    const detached = policyChangedByHand('detached', 'p-base0001');
    const { result, enqueued, outOfBandAudit, alerts } = await run(
      detached,
      (org) => void org.detachPolicy('p-base0001', APP),
    );
    expect([enqueued, result.outOfBand?.action, outOfBandAudit.length]).toStrictEqual([
      [
        {
          type: 'attachPolicy',
          policyType: 'SERVICE_CONTROL_POLICY',
          accountId: APP,
          policyId: 'p-base0001',
          ruleIds: ['baseline'],
        },
      ],
      'restored',
      1,
    ]);
    expect(
      alerts.map((a) => [a.kind, a.accountId, a.reason.includes(PERSON.arn ?? '')]),
    ).toStrictEqual([['OutOfBandChange', APP, true]]);
  });

  it('re-creates a managed assignment deleted by hand (the stored view still lists it as managed)', async () => {
    const deleted: ChangeEvent = {
      type: 'AssignmentChangedOutOfBand',
      change: 'deleted',
      accountId: APP,
      ...auditorsOnApp,
      instanceArn: null,
      actor: PERSON,
      meta: { ...meta('DeleteAccountAssignment'), source: 'aws.sso' },
    };
    const { result, enqueued } = await run(
      deleted,
      (org) => void org.deleteAssignment({ accountId: APP, ...auditorsOnApp }),
    );
    expect([enqueued.map((op) => [op.type, op.accountId]), result.outOfBand?.action]).toStrictEqual(
      [[['createAssignment', APP]], 'restored'],
    );
  });

  it('reports a policy attached by hand and never adopts it', async () => {
    const attached = policyChangedByHand('attached', 'p-hand0001');
    const { result, enqueued, alerts } = await run(
      attached,
      (org) => void org.attachPolicy('p-hand0001', APP),
    );
    expect([enqueued, result.plan.ignored, result.outOfBand?.action, alerts.length]).toStrictEqual([
      [],
      'AddedOutOfBand',
      'reported',
      1,
    ]);
  });

  it('gives a group created later (name hidden, read with DescribeGroup) its waiting assignments', async () => {
    const created = groupCreated(
      { principalId: PLATFORM, identityStoreId: 'd-1234567890', name: null },
      'aws.sso-directory',
    );
    const { result, enqueued, alerts, viewPrincipals } = await run(created, () => undefined);
    expect([
      enqueued.map((op) => [op.type, op.accountId, 'principalId' in op ? op.principalId : null]),
      result.outOfBand,
      alerts,
      viewPrincipals,
    ]).toStrictEqual([
      [['createAssignment', APP, PLATFORM]],
      null,
      [],
      // Recorded in the stored view: the worker justifies the assignment before the next full read.
      ['Auditors', 'Platform'],
    ]);
  });

  it('ignores a new group no rule waits on (NoRuleWaiting), reading no account', async () => {
    const created = groupCreated(
      { principalId: 'g-unknown', identityStoreId: null, name: 'Strangers' },
      'aws.identitystore',
    );
    const { result, enqueued } = await run(created, () => undefined);
    expect([enqueued, result.plan.ignored]).toStrictEqual([[], 'NoRuleWaiting']);
  });
});
