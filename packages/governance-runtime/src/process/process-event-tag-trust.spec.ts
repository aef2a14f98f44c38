/**
 * Tag trust in the deployed use-case: a `TagResource` event records its caller in the tag ledger
 * before planning, and with `trustedTagPrincipals` only a trusted caller's tag grants anything;
 * an untrusted one gives one `UntrustedTag` skip, audited and alerted.
 */
import { parseOrgEvent, type ParseOutcome } from '@org/event-schemas';
import type { OrgSnapshot } from '@org/scope-engine';
import type { FailureReport } from '../failure-reporter';
import { InMemoryTagLedger } from '../in-process/in-memory-tag-ledger';
import { staticRulesSource } from '../rules/rules-source';
import { VirtualClock } from '../testing/virtual-clock';
import { processEvent } from './process-event';
import {
  activeAccount,
  FULL_AWS_ACCESS,
  MANAGEMENT_ACCOUNT,
  prodAdminsConfig,
  prodAdminsOrg,
  ROOT_ID,
} from '../../test/support/org-fixtures';
import { inMemoryPorts } from '../../test/support/in-memory-ports';
import { organizationsEvent } from '@org/scope-engine/testing';

const ACCOUNT = '222233334444';
const TRUSTED_ROLE = 'arn:aws:iam::111111111111:role/Platform';
const TRUSTED_SESSION = 'arn:aws:sts::111111111111:assumed-role/Platform/ci';
const UNTRUSTED_SESSION = 'arn:aws:sts::111111111111:assumed-role/Admin/admin';

const ORG: OrgSnapshot = prodAdminsOrg({
  accounts: [
    MANAGEMENT_ACCOUNT,
    // The tag the event set is live when the processor re-reads the account.
    activeAccount(ACCOUNT, 'app', ROOT_ID, { env: 'prod' }),
  ],
  attachments: [{ targetId: ACCOUNT, policyId: FULL_AWS_ACCESS.id }],
});

/** The `TagResource` CloudTrail event AWS sends, called by `arn`. */
function tagResource(arn: string): Exclude<ParseOutcome, { kind: 'error' }> {
  const outcome = parseOrgEvent(
    organizationsEvent('76311865-de9d-2e68-8bc0-3161bc1f99d7', 'AWS API Call via CloudTrail', {
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAEXAMPLE:session',
        arn,
        accountId: '111111111111',
        sessionContext: { sessionIssuer: { type: 'Role', arn: arn.replace(/\/[^/]+$/, '') } },
      },
      eventTime: '2026-11-01T09:59:58Z',
      eventName: 'TagResource',
      requestParameters: { resourceId: ACCOUNT, tags: [{ key: 'env', value: 'prod' }] },
      responseElements: null,
      eventID: '992d879f-fd26-92ed-55dc-0c5ff2186fce',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '111111111111',
    }),
  );
  if (outcome.kind === 'error') throw new Error(`fixture does not parse: ${outcome.error.message}`);
  return outcome;
}

async function run(caller: string, trusted?: readonly string[]) {
  const { deps, queue, audit } = inMemoryPorts(ORG);
  const tagLedger = new InMemoryTagLedger();
  const reports: FailureReport[] = [];
  const result = await processEvent(tagResource(caller), {
    ...deps,
    rules: staticRulesSource(prodAdminsConfig(trusted)),
    clock: new VirtualClock(Date.parse('2026-11-01T10:00:05Z')),
    tagLedger,
    failures: { report: async (failure) => void reports.push(failure) },
  });
  return {
    enqueued: queue.peek().map(({ operation }) => [operation.type, operation.accountId]),
    skipped: result.plan.skipped.map((skip) => [skip.ruleId, skip.reason]),
    audited: audit
      .entries()
      .filter((entry) => entry.outcome === 'skipped')
      .map((entry) => [entry.accountId, entry.ruleIds, entry.detail?.split(':')[0]]),
    alerts: reports.map((report) => [report.kind, report.accountId]),
    ledger: tagLedger.recorded(),
    ledgerReads: tagLedger.reads,
  };
}

const recorded = (setBy: string) => [
  { accountId: ACCOUNT, key: 'env', value: 'prod', setBy, setAt: '2026-11-01T10:00:00.000Z' },
];

describe('processEvent with tag trust', () => {
  it('an untrusted principal’s TagResource plans no grant and one UntrustedTag skip, audited and alerted', async () => {
    expect(await run(UNTRUSTED_SESSION, [TRUSTED_ROLE])).toStrictEqual({
      enqueued: [],
      skipped: [['prod-admins', 'UntrustedTag']],
      audited: [[ACCOUNT, ['prod-admins'], 'UntrustedTag']],
      alerts: [['UntrustedTag', ACCOUNT]],
      ledger: recorded(UNTRUSTED_SESSION),
      ledgerReads: 1,
    });
  });

  it('a trusted role’s TagResource (an assumed-role session of it) grants', async () => {
    expect(await run(TRUSTED_SESSION, [TRUSTED_ROLE])).toStrictEqual({
      enqueued: [['createAssignment', ACCOUNT]],
      skipped: [],
      audited: [],
      alerts: [],
      ledger: recorded(TRUSTED_SESSION),
      ledgerReads: 1,
    });
  });

  it('without trusted principals every tagger is trusted, and the ledger is recorded but never read', async () => {
    expect(await run(UNTRUSTED_SESSION)).toStrictEqual({
      enqueued: [['createAssignment', ACCOUNT]],
      skipped: [],
      audited: [],
      alerts: [],
      ledger: recorded(UNTRUSTED_SESSION),
      ledgerReads: 0,
    });
  });
});
