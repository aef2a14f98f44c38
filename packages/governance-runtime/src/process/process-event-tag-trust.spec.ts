/**
 * Tag trust in the deployed use-case: a `TagResource` event records its caller in the tag ledger
 * before planning, and with `trustedTagPrincipals` only a trusted caller's tag grants anything;
 * an untrusted one gives one `UntrustedTag` skip, audited and alerted.
 */
import { parseOrgEvent, type ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { FailureReport } from '../failure-reporter';
import { InMemoryTagLedger } from '../in-process/in-memory-tag-ledger';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { processEvent } from './process-event';

const ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin';
const ACCOUNT = '222233334444';
const TRUSTED_ROLE = 'arn:aws:iam::111111111111:role/Platform';
const TRUSTED_SESSION = 'arn:aws:sts::111111111111:assumed-role/Platform/ci';
const UNTRUSTED_SESSION = 'arn:aws:sts::111111111111:assumed-role/Admin/admin';

const ORG: OrgSnapshot = {
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  organizationalUnits: [],
  accounts: [
    { id: '111111111111', name: 'management', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
    // The tag the event set is live when the processor re-reads the account.
    { id: ACCOUNT, name: 'app', parentId: 'r-ab12', status: 'ACTIVE', tags: { env: 'prod' } },
  ],
  policies: [{ id: 'p-FullAWSAccess', name: 'FullAWSAccess' }],
  permissionSets: [{ name: 'AdministratorAccess', arn: ADMIN }],
  principals: [{ type: 'GROUP', name: 'Ops', id: 'g-ops' }],
  attachments: [{ targetId: ACCOUNT, policyId: 'p-FullAWSAccess' }],
  assignments: [],
};

/** `prod-admins`: AdministratorAccess for Ops on every account tagged env=prod. */
function config(trustedTagPrincipals?: readonly string[]): GovernanceConfig {
  return {
    settings: {
      maxScpsPerTarget: 10,
      includeManagementAccount: false,
      ...(trustedTagPrincipals === undefined ? {} : { trustedTagPrincipals }),
    },
    scpRules: [],
    assignmentRules: [
      {
        id: 'prod-admins',
        permissionSet: 'AdministratorAccess',
        principal: { type: 'GROUP', name: 'Ops' },
        scope: { type: 'accountTag', key: 'env', value: 'prod' },
        exclude: { accounts: [], ous: [] },
      },
    ],
    notifications: [],
  };
}

/** The `TagResource` CloudTrail event AWS sends, called by `arn`. */
function tagResource(arn: string): Exclude<ParseOutcome, { kind: 'error' }> {
  const outcome = parseOrgEvent({
    version: '0',
    id: '76311865-de9d-2e68-8bc0-3161bc1f99d7',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.organizations',
    account: '111111111111',
    time: '2026-11-01T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAEXAMPLE:session',
        arn,
        accountId: '111111111111',
        sessionContext: { sessionIssuer: { type: 'Role', arn: arn.replace(/\/[^/]+$/, '') } },
      },
      eventTime: '2026-11-01T09:59:58Z',
      eventSource: 'organizations.amazonaws.com',
      eventName: 'TagResource',
      awsRegion: 'us-east-1',
      requestParameters: { resourceId: ACCOUNT, tags: [{ key: 'env', value: 'prod' }] },
      responseElements: null,
      eventID: '992d879f-fd26-92ed-55dc-0c5ff2186fce',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '111111111111',
    },
  });
  if (outcome.kind === 'error') throw new Error(`fixture does not parse: ${outcome.error.message}`);
  return outcome;
}

async function run(caller: string, trusted?: readonly string[]) {
  const org = new InMemoryOrganization(ORG);
  const queue = new InMemoryOperationQueue();
  const audit = new InMemoryAuditLog();
  const tagLedger = new InMemoryTagLedger();
  const reports: FailureReport[] = [];
  const result = await processEvent(tagResource(caller), {
    organizations: org,
    identityCenter: org,
    directory: org,
    provisionedState: new InMemoryProvisionedState(),
    rules: staticRulesSource(config(trusted)),
    queue,
    audit,
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
