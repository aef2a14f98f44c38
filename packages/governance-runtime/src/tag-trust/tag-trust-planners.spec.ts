/**
 * With trusted tag principals every deployed planner reads the tag ledger of the accounts it
 * plans, so an untrusted tag grants nothing anywhere: the full and partial reconcile, the
 * worker's level check; without them the ledger is never read.
 */
import type { Operation, OrgSnapshot } from '@org/scope-engine';
import { AccountReads } from '../execute/account-reads';
import { judgeOperation } from '../execute/level-check';
import type { FailureReport } from '../failure-reporter';
import { InMemoryTagLedger } from '../in-process/in-memory-tag-ledger';
import { reconcileAccounts } from '../reconcile-shards/reconcile-accounts';
import { reconcile } from '../reconcile/reconcile';
import { staticRulesSource } from '../rules/rules-source';
import { CachedDirectoryView } from '../state/directory-view-store';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import {
  ADMIN_ARN,
  activeAccount,
  MANAGEMENT_ACCOUNT,
  prodAdminsConfig,
  prodAdminsOrg,
  ROOT_ID,
} from '../../test/support/org-fixtures';
import { inMemoryPorts } from '../../test/support/in-memory-ports';

const TRUSTED = 'arn:aws:sts::111111111111:assumed-role/Platform/ci';
const OTHER = 'arn:aws:iam::111111111111:user/mallory';

const ORG: OrgSnapshot = prodAdminsOrg({
  accounts: [
    MANAGEMENT_ACCOUNT,
    activeAccount('222222222222', 'a', ROOT_ID, { env: 'prod' }),
    activeAccount('333333333333', 'b', ROOT_ID, { env: 'prod' }),
  ],
});

/** 222222222222's tag was set by the trusted role, 333333333333's by someone else. */
async function ledger(): Promise<InMemoryTagLedger> {
  const tags = new InMemoryTagLedger();
  await tags.record([
    { accountId: '222222222222', key: 'env', value: 'prod', setBy: TRUSTED, setAt: 't1' },
    { accountId: '333333333333', key: 'env', value: 'prod', setBy: OTHER, setAt: 't1' },
  ]);
  return tags;
}

function deps(tagLedger: InMemoryTagLedger, trusted: readonly string[]) {
  const reports: FailureReport[] = [];
  return {
    reports,
    deps: {
      ...inMemoryPorts(ORG).deps,
      rules: staticRulesSource(prodAdminsConfig(trusted)),
      tagLedger,
      failures: { report: async (failure: FailureReport) => void reports.push(failure) },
    },
  };
}

describe('reconcile with tag trust', () => {
  it('a full run reads the whole ledger once: grants where trusted, skips and alerts the rest', async () => {
    const tags = await ledger();
    const { deps: ports, reports } = deps(tags, ['arn:aws:iam::111111111111:role/Platform']);
    const result = await reconcile(ports, { runId: 'run-1' });
    expect({
      granted: result.plan.operations.map((op) => op.accountId),
      skipped: result.plan.skipped.map((skip) => [skip.accountId, skip.reason]),
      alerts: reports.map((report) => [report.kind, report.accountId]),
      reads: tags.reads,
    }).toStrictEqual({
      granted: ['222222222222'],
      skipped: [['333333333333', 'UntrustedTag']],
      alerts: [['UntrustedTag', '333333333333']],
      reads: 1,
    });
  });

  it('a partial run reads the ledger of its accounts only', async () => {
    const tags = await ledger();
    const { deps: ports } = deps(tags, [TRUSTED]);
    const result = await reconcileAccounts(ports, {
      runId: 'run-2',
      accountIds: ['333333333333'],
    });
    expect(result.plan.skipped.map((skip) => [skip.accountId, skip.reason])).toStrictEqual([
      ['333333333333', 'UntrustedTag'],
    ]);
  });

  it('without trusted principals grants every tagged account and never reads the ledger', async () => {
    const tags = await ledger();
    const { deps: ports, reports } = deps(tags, []);
    const result = await reconcile(ports, { runId: 'run-3', dryRun: true });
    expect({
      granted: result.plan.operations.map((op) => op.accountId),
      alerts: reports.length,
      reads: tags.reads,
    }).toStrictEqual({ granted: ['222222222222', '333333333333'], alerts: 0, reads: 0 });
  });
});

describe('the worker’s level check with tag trust', () => {
  const grant = (accountId: string): Operation => ({
    type: 'createAssignment',
    accountId,
    permissionSetArn: ADMIN_ARN,
    principalType: 'GROUP',
    principalId: 'g-ops',
    ruleIds: ['prod-admins'],
  });

  it.each([
    ['222222222222', 'desired'],
    ['333333333333', 'stale'],
  ])('judges a queued grant on %s %s', async (accountId, verdict) => {
    const tags = await ledger();
    const { deps: ports } = deps(tags, [TRUSTED]);
    const views = new InMemoryDirectoryViewStore({
      permissionSets: ORG.permissionSets,
      principals: ORG.principals,
      readAt: '1970-01-01T00:00:00.000Z',
    });
    const judged = await judgeOperation(
      { eventId: 'e-1', operation: grant(accountId) },
      { ...ports, directoryView: new CachedDirectoryView(views, ports.clock, 60_000) },
      new AccountReads(ports.organizations),
    );
    expect(judged.kind).toBe(verdict);
  });
});
