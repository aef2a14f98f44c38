/**
 * What the level-triggered worker keeps on record when operations cross: an attach's intent
 * recorded before its request, an item someone made by hand, and deletions in flight together.
 */
import type { InMemoryOrganization } from '../testing/in-memory-organization';
import { OperationRetryableError } from '../errors';
import {
  ACCOUNT,
  BASELINE_INTENT,
  CONFIG,
  OPS,
  admin,
  attach,
  hasAdmin,
  levelTriggeredSetup as setup,
} from '../../test/support/level-triggered-fixture';
import { ADMIN_ARN, BASELINE_SCP_RULE } from '../../test/support/org-fixtures';

const ADMIN_KEY = {
  accountId: ACCOUNT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP' as const,
  principalId: OPS,
};

const baselineAttached = (org: InMemoryOrganization) =>
  org.snapshot().attachments.some((a) => a.targetId === ACCOUNT && a.policyId === 'p-base0001');

describe('executeLevelTriggered: records', () => {
  it('recognises its own attach after a response lost behind the effect: the intent was on record before the request', async () => {
    const held: { org?: InMemoryOrganization } = {};
    const recordedAtRequest: string[][] = [];
    let attempts = 0;
    const { org, run, provisionedState, calls } = setup(CONFIG, async () => {
      const items = (await provisionedState.getAccount(ACCOUNT)).items;
      recordedAtRequest.push(items.map((i) => i.kind));
      attempts += 1;
      if (attempts === 1) {
        await held.org?.attachPolicy('p-base0001', ACCOUNT); // the effect…
        throw Object.assign(new Error('503'), { code: 'Transient', retryable: true }); // …lost
      }
    });
    held.org = org;
    const first = await run({ eventId: 'e-1', operation: attach }).catch((error: unknown) => error);
    const redelivered = await run({ eventId: 'e-1', operation: attach });
    expect({
      first: first instanceof OperationRetryableError,
      redelivered: redelivered.status,
      recordedAtRequest,
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items.map((i) => [i.kind, i.ruleIds]),
      attached: baselineAttached(org),
    }).toStrictEqual({
      first: true,
      redelivered: 'stale',
      recordedAtRequest: [['attachment']],
      calls: [`read ${ACCOUNT}`, 'attach p-base0001', `read ${ACCOUNT}`],
      items: [['attachment', ['baseline']]],
      attached: true,
    });
  });

  it('leaves a desired policy someone attached by hand unmanaged, so a later detach is refused', async () => {
    const { org, run, provisionedState, calls } = setup();
    await org.attachPolicy('p-base0001', ACCOUNT); // by hand, between the plan and the worker
    const attached = await run({ eventId: 'e-1', operation: attach });
    const detached = await run({
      eventId: 'e-2',
      operation: {
        type: 'detachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: ACCOUNT,
        policyId: 'p-base0001',
        ruleIds: [],
      },
    });
    expect({
      statuses: [attached.status, detached.status],
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items,
      stillAttached: baselineAttached(org),
    }).toStrictEqual({
      statuses: ['stale', 'notJustified'],
      calls: [`read ${ACCOUNT}`, `read ${ACCOUNT}`],
      items: [],
      stillAttached: true,
    });
  });

  it('drops the intent of an attach no longer asked for whose request never went out', async () => {
    const excluded = {
      ...CONFIG,
      scpRules: [{ ...BASELINE_SCP_RULE, exclude: { accounts: [ACCOUNT], ous: [] } }],
    };
    const { run, provisionedState, calls } = setup(excluded);
    await provisionedState.recordApplied(ACCOUNT, BASELINE_INTENT); // then the worker died
    const result = await run({ eventId: 'e-1', operation: attach });
    expect({
      status: result.status,
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items,
    }).toStrictEqual({ status: 'stale', calls: [`read ${ACCOUNT}`], items: [] });
  });

  it('lets the status check of a deletion another deletion settled first go as stale, unalerted', async () => {
    const { org, run, provisionedState, audit, reports } = setup();
    await org.createAssignment(ADMIN_KEY);
    await provisionedState.recordApplied(ACCOUNT, {
      kind: 'assignment',
      permissionSetArn: ADMIN_ARN,
      principalType: 'GROUP',
      principalId: OPS,
      ruleIds: ['prod-admins'],
      tagKeys: ['env'],
    });
    // Two deletions were sent; the second one settled first and dropped the record.
    const second = await run({ eventId: 'e-2', operation: admin('deleteAssignment', []) });
    const firstCheck = await run({
      eventId: 'e-1',
      operation: admin('deleteAssignment', []),
      pending: { requestId: 'd-1', polls: 1 },
    });
    expect({
      statuses: [second.status, firstCheck.status],
      admin: hasAdmin(org),
      audit: audit.entries().map((e) => [e.eventId, e.outcome, e.detail ?? null]),
      reports,
    }).toStrictEqual({
      statuses: ['applied', 'stale'],
      admin: false,
      audit: [
        ['e-2', 'applied', null],
        ['e-1', 'stale', 'another removal of the item settled first: it is gone'],
      ],
      reports: [],
    });
  });

  it('refuses and reports the status check of a deletion of an assignment that is there without a record', async () => {
    const { org, run, reports } = setup();
    await org.createAssignment(ADMIN_KEY);
    const result = await run({
      eventId: 'e-1',
      operation: admin('deleteAssignment', []),
      pending: { requestId: 'd-1', polls: 1 },
    });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      reports: reports.map((r) => [r.kind, r.accountId]),
    }).toStrictEqual({
      status: 'notJustified',
      admin: true,
      reports: [['OperationNotJustified', ACCOUNT]],
    });
  });
});
