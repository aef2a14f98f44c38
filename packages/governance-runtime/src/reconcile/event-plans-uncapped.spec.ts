import type { OrgSnapshot } from '@org/scope-engine';
import { processEvent } from '../process/process-event';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { eventMeta } from '../../test/support/event-fixtures';
import { groupAssignmentItem } from '../../test/support/org-fixtures';

/**
 * The blast-radius cap (settings.maxDestructiveOperations) applies to reconcile runs and rules
 * applies only: an event's plan is bounded by its account and never held.
 */
const RO = 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro';
const ROOT = 'r-ab12';
const id = '200000000001';
const principals = Array.from({ length: 30 }, (_, i) => `g-${i}`);
const ORG: OrgSnapshot = {
  managementAccountId: '111111111111',
  rootId: ROOT,
  organizationalUnits: [],
  accounts: [{ id, name: 'app', parentId: ROOT, status: 'ACTIVE', tags: {} }],
  policies: [],
  permissionSets: [{ name: 'ReadOnly', arn: RO }],
  principals: principals.map((p) => ({ type: 'GROUP', name: p, id: p })),
  attachments: [],
  assignments: principals.map((p) => ({
    accountId: id,
    permissionSetArn: RO,
    principalType: 'GROUP',
    principalId: p,
  })),
};

describe('event-driven plans are not capped', () => {
  it('an event on an account with 30 removals enqueues all 30 (the plan is bounded by its account)', async () => {
    const org = new InMemoryOrganization(ORG);
    const provisionedState = new InMemoryProvisionedState();
    for (const p of principals) {
      await provisionedState.recordApplied(id, groupAssignmentItem(RO, p, ['retired']));
    }
    const queue = new InMemoryOperationQueue();
    await processEvent(
      {
        kind: 'event',
        event: {
          type: 'AccountTagsChanged',
          accountId: id,
          change: { kind: 'set', tags: {} },
          meta: eventMeta('TagResource', { eventId: 'evt-1' }),
        },
      },
      {
        organizations: org,
        identityCenter: org,
        directory: org,
        provisionedState,
        rules: staticRulesSource({
          settings: {
            maxScpsPerTarget: 10,
            includeManagementAccount: false,
            maxDestructiveOperations: 0,
          },
          scpRules: [],
          assignmentRules: [],
          notifications: [],
        }),
        queue,
        audit: new InMemoryAuditLog(),
        clock: new VirtualClock(0),
      },
    );
    expect(queue.peek().map((m) => m.operation.type)).toStrictEqual(
      principals.map(() => 'deleteAssignment'),
    );
  });
});
