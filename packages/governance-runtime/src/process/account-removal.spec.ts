import { parseOrgEvent, type ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import { staticRulesSource } from '../rules/rules-source';
import { CachedDirectoryView } from '../state/directory-view-store';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { reconcile } from '../reconcile/reconcile';
import { processEvent } from './process-event';
import {
  ADMIN_ARN as ADMIN,
  FULL_AWS_ACCESS,
  groupAssignment,
  activeAccount,
  prodAdminsConfig,
  prodAdminsOrg,
  groupAssignmentItem,
} from '../../test/support/org-fixtures';
import { organizationsEvent } from '@org/scope-engine/testing';
import { eventMeta } from '../../test/support/event-fixtures';

const ACCOUNT = '222222222222';

const ORG: OrgSnapshot = prodAdminsOrg({
  accounts: [activeAccount(ACCOUNT, 'app', 'r-ab12', { env: 'prod' })],
  attachments: [{ targetId: ACCOUNT, policyId: FULL_AWS_ACCESS.id }],
  assignments: [groupAssignment(ACCOUNT, ADMIN, 'g-ops')],
});

const [APP] = ORG.accounts as [OrgSnapshot['accounts'][number]];

const CONFIG: GovernanceConfig = prodAdminsConfig();

/** A CloudTrail `CloseAccountResult` service event in the given state. */
function closeAccountResult(state: string): Record<string, unknown> {
  return organizationsEvent(`close-${state}`, 'AWS Service Event via CloudTrail', {
    eventName: 'CloseAccountResult',
    eventTime: '2026-11-01T10:00:00Z',
    eventType: 'AwsServiceEvent',
    serviceEventDetails: { closeAccountStatus: { accountId: ACCOUNT, state } },
  });
}

const removed: ParseOutcome = {
  kind: 'event',
  event: {
    type: 'AccountRemoved',
    accountId: ACCOUNT,
    meta: eventMeta('RemoveAccountFromOrganization', {
      eventId: 'evt-removed',
      time: '2026-11-01T10:00:00Z',
    }),
  },
};

async function setup() {
  const org = new InMemoryOrganization(ORG);
  const clock = new VirtualClock(Date.parse('2026-11-01T10:00:05Z'));
  const provisionedState = new InMemoryProvisionedState();
  await provisionedState.recordApplied(
    ACCOUNT,
    groupAssignmentItem(ADMIN, 'g-ops', ['prod-admins'], ['env']),
  );
  const views = new InMemoryDirectoryViewStore({
    permissionSets: ORG.permissionSets,
    principals: ORG.principals,
    readAt: null,
  });
  const queue = new InMemoryOperationQueue();
  const audit = new InMemoryAuditLog();
  const deps = {
    organizations: org,
    directoryView: new CachedDirectoryView(views, clock, 60_000),
    provisionedState,
    rules: staticRulesSource(CONFIG),
    queue,
    audit,
    clock,
  };
  const process = async (outcome: ParseOutcome) => {
    if (outcome.kind === 'error') throw new Error('unexpected parse error');
    return processEvent(outcome, deps);
  };
  const managed = async () => (await provisionedState.getAccount(ACCOUNT)).items.length;
  const reconcileNow = () =>
    reconcile(
      { ...deps, organizations: org, identityCenter: org, directory: org },
      { runId: 'reconcile-1' },
    );
  return { org, queue, audit, process, managed, reconcileNow };
}

describe('an account said to have left is forgotten only once a re-read confirms it', () => {
  it('AccountRemoved while DescribeAccount still returns it ACTIVE forgets nothing', async () => {
    const { process, managed, audit } = await setup();
    await process(removed);
    expect({
      managed: await managed(),
      audit: audit.entries().map((e) => [e.outcome, e.detail ?? null]),
    }).toStrictEqual({
      managed: 1,
      audit: [
        ['planned', null],
        ['skipped', 'AccountStillMember: the account is still ACTIVE; its managed state is kept'],
      ],
    });
  });

  it.each([
    ['not found', (org: InMemoryOrganization) => org.removeAccount(ACCOUNT)],
    ['closed', (org: InMemoryOrganization) => org.putAccount({ ...APP, status: 'SUSPENDED' })],
  ])('AccountRemoved of an account %s forgets its managed state', async (_, change) => {
    const { org, process, managed } = await setup();
    change(org);
    await process(removed);
    expect(await managed()).toBe(0);
  });

  it('a FAILED CloseAccountResult keeps managed state, and a later plan still revokes', async () => {
    const { org, process, managed, queue } = await setup();
    await process(parseOrgEvent(closeAccountResult('FAILED')));
    const kept = await managed();
    org.putAccount({ ...APP, tags: { env: 'dev' } });
    await process(
      parseOrgEvent({
        ...closeAccountResult('x'),
        id: 'retag',
        'detail-type': 'Tag Change on Resource',
        source: 'aws.tag',
        resources: [`arn:aws:organizations::111111111111:account/o-abc/${ACCOUNT}`],
        detail: {
          'changed-tag-keys': ['env'],
          service: 'organizations',
          'resource-type': 'account',
          version: 1,
          tags: { env: 'dev' },
        },
      }),
    );
    expect({ kept, queued: queue.peek().map((m) => m.operation.type) }).toStrictEqual({
      kept: 1,
      queued: ['deleteAssignment'],
    });
  });

  it('a FAILED CloseAccountResult keeps managed state, and a later reconcile still revokes', async () => {
    const { org, process, managed, queue, reconcileNow } = await setup();
    await process(parseOrgEvent(closeAccountResult('FAILED')));
    org.putAccount({ ...APP, tags: { env: 'dev' } });
    await reconcileNow();
    expect({
      managed: await managed(),
      queued: queue.peek().map((m) => [m.eventId, m.operation.type]),
    }).toStrictEqual({ managed: 1, queued: [['reconcile-1', 'deleteAssignment']] });
  });
});
