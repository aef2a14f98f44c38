import type { Operation } from '@org/scope-engine';
import { staticRulesSource } from '../rules/rules-source';
import { AccountReads } from './account-reads';
import { executeLevelTriggered } from './execute-level-triggered';
import {
  ACCOUNT,
  APP,
  CONFIG,
  OPS,
  admin,
  attach,
  hasAdmin,
  levelTriggeredSetup as setup,
} from '../../test/support/level-triggered-fixture';
import { ADMIN_ARN as ADMIN } from '../../test/support/org-fixtures';

describe('executeLevelTriggered', () => {
  it('executes what the current desired state asks for, with the rule ids that justify it now', async () => {
    const { org, run, provisionedState } = setup();
    org.putAccount({ ...APP, tags: { env: 'prod' } });
    const result = await run({
      eventId: 'e-1',
      operation: admin('createAssignment', ['x', 'prod-admins']),
    });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      ruleIds: (await provisionedState.getAccount(ACCOUNT)).items.map((i) => i.ruleIds),
    }).toStrictEqual({ status: 'applied', admin: true, ruleIds: [['prod-admins']] });
  });

  it('leaves a create whose account was re-tagged since unexecuted, audited stale', async () => {
    const { org, run, audit, reports } = setup();
    const result = await run({
      eventId: 'e-1',
      operation: admin('createAssignment', ['prod-admins']),
    });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      audit: audit.entries().map((e) => [e.outcome, e.detail]),
      reports,
    }).toStrictEqual({
      status: 'stale',
      admin: false,
      audit: [['stale', 'the current rules no longer ask for it on this account']],
      reports: [],
    });
  });

  it.each<{ name: string; operation: Operation; managed?: boolean }>([
    {
      name: 'a detach of FullAWSAccess',
      operation: {
        type: 'detachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: ACCOUNT,
        policyId: 'p-FullAWSAccess',
        ruleIds: [],
      },
      managed: true,
    },
    {
      name: 'an Admin grant citing a rule that does not exist',
      operation: admin('createAssignment', ['forged']),
    },
    {
      name: 'an Admin grant citing a rule that grants something else',
      operation: admin('createAssignment', ['ops-readonly']),
    },
    {
      name: 'a delete of an assignment the product does not manage',
      operation: admin('deleteAssignment', []),
    },
    {
      name: 'an attach citing an assignment rule',
      operation: {
        type: 'attachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: ACCOUNT,
        policyId: 'p-base0001',
        ruleIds: ['prod-admins'],
      },
    },
  ])(
    'refuses $name as notJustified: nothing called, audited, alerted',
    async ({ operation, managed }) => {
      const { org, run, audit, reports, calls, provisionedState } = setup();
      org.putAccount({ ...APP, tags: { env: 'prod' } });
      if (operation.type !== 'notify' && 'policyId' in operation && managed) {
        const item = {
          kind: 'attachment' as const,
          policyId: operation.policyId,
          ruleIds: ['x'],
          tagKeys: [],
        };
        await provisionedState.recordApplied(ACCOUNT, item);
      }
      if (operation.type === 'deleteAssignment') {
        // Made by hand: it exists, and the product has no record of it.
        await org.createAssignment({ ...operation });
      }
      const before = org.snapshot();
      const result = await run({ eventId: 'e-forged', operation });
      expect({
        status: result.status,
        writes: calls.filter((c) => !c.startsWith('read')),
        unchanged: org.snapshot() === before,
        audit: audit.entries().map((e) => e.outcome),
        reports: reports.map((r) => [r.kind, r.accountId]),
      }).toStrictEqual({
        status: 'notJustified',
        writes: [],
        unchanged: true,
        audit: ['notJustified'],
        reports: [['OperationNotJustified', ACCOUNT]],
      });
    },
  );

  it('a repeated delete of an item already gone (its record dropped by the first) is stale, not refused', async () => {
    const { run, audit, reports } = setup();
    const result = await run({ eventId: 'e-2', operation: admin('deleteAssignment', []) });
    expect({
      status: result.status,
      audit: audit.entries().map((e) => [e.outcome, e.detail]),
      reports,
    }).toStrictEqual({
      status: 'stale',
      audit: [['stale', 'the item is already gone']],
      reports: [],
    });
  });

  it('reads each account once per batch and sees its own attaches', async () => {
    const { run, calls, deps } = setup();
    const reads = new AccountReads(deps.organizations);
    const first = await run({ eventId: 'e-1', operation: attach }, reads);
    const second = await run({ eventId: 'e-2', operation: attach }, reads);
    expect({ statuses: [first.status, second.status], calls }).toStrictEqual({
      statuses: ['applied', 'stale'],
      calls: [`read ${ACCOUNT}`, 'attach p-base0001'],
    });
  });

  it('confirms a negative verdict against fresh caches (a rule added a moment ago)', async () => {
    const { org, deps, audit } = setup({ ...CONFIG, assignmentRules: [] });
    org.putAccount({ ...APP, tags: { env: 'prod' } });
    let refreshed = 0;
    const fresh = staticRulesSource(CONFIG);
    let rules = deps.rules;
    const checked = {
      ...deps,
      rules: { current: () => rules.current() },
      refreshCaches: () => {
        refreshed += 1;
        rules = fresh;
      },
    };
    const message = { eventId: 'e-1', operation: admin('createAssignment', ['prod-admins']) };
    const result = await deps.clock.run(() => executeLevelTriggered(message, checked));
    expect({
      status: result.status,
      refreshed,
      audit: audit.entries().map((e) => e.outcome),
    }).toStrictEqual({
      status: 'applied',
      refreshed: 1,
      audit: ['applied'],
    });
  });

  it('drops the record of a removal that already happened (stale, item gone)', async () => {
    const { org, run, provisionedState } = setup();
    const item = {
      kind: 'assignment' as const,
      permissionSetArn: ADMIN,
      principalType: 'GROUP' as const,
      principalId: OPS,
      ruleIds: ['prod-admins'],
      tagKeys: ['env'],
    };
    await provisionedState.recordApplied(ACCOUNT, item);
    const result = await run({ eventId: 'e-1', operation: admin('deleteAssignment', []) });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      items: (await provisionedState.getAccount(ACCOUNT)).items,
    }).toStrictEqual({ status: 'stale', admin: false, items: [] });
  });
});
