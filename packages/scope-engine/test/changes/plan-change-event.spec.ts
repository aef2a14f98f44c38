import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGovernanceEvent } from '@org/event-schemas';
import { applyChange, planForParseOutcome, type OrgSnapshot, type Plan } from '../../src';
import {
  account,
  assignmentRule,
  AUDITORS,
  attach,
  config,
  org,
  READ_ONLY_ARN,
  ROOT,
  scpRule,
  WORKLOADS,
} from '../helpers/builders';

const FIXTURES = join(__dirname, '../../../event-schemas/test/fixtures');
const WORKER_ROLE = 'arn:aws:iam::111111111111:role/org-governance-worker';
/** The account the real-shaped samples name. */
const TARGET = '222233334444';
const NEW_GROUP = '90671234-dddd-eeee-ffff-222222222222';
const NEW_USER = 'c4689408-80b1-7075-4384-06471b80a0fd';

/** Parses one real-shaped sample the way the planning path does. */
function outcomeOf(sample: string) {
  const raw: unknown = JSON.parse(readFileSync(join(FIXTURES, `${sample}.json`), 'utf8'));
  const outcome = parseGovernanceEvent(raw, { productRoleArns: [WORKER_ROLE] });
  if (outcome.kind === 'error') throw outcome.error;
  return outcome;
}

const governance = config({
  scpRules: [scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' })],
  assignmentRules: [
    assignmentRule('auditors', 'ReadOnly', 'Auditors', { type: 'root' }),
    assignmentRule(
      'platform-by-id',
      'ReadOnly',
      { type: 'GROUP', id: NEW_GROUP },
      { type: 'ou', id: WORKLOADS, includeDescendants: true },
    ),
    assignmentRule(
      'jdoe',
      'ReadOnly',
      { type: 'USER', name: 'jdoe' },
      { type: 'account', id: TARGET },
    ),
  ],
});
const auditorsOn = (accountId: string) => ({
  accountId,
  permissionSetArn: READ_ONLY_ARN,
  principalType: 'GROUP' as const,
  principalId: AUDITORS,
  managedBy: ['auditors'],
});
/** The managed state in place: the baseline SCP and the auditors' assignment on both accounts. */
const before: OrgSnapshot = org({
  accounts: [account(TARGET, ROOT), account('444444444444', WORKLOADS)],
  attachments: [
    { targetId: TARGET, policyId: 'p-aaaa1111', managedBy: ['baseline'] },
    { targetId: '444444444444', policyId: 'p-aaaa1111', managedBy: ['baseline'] },
  ],
  assignments: [auditorsOn(TARGET), auditorsOn('444444444444')],
});
const create = (
  accountId: string,
  principalType: 'GROUP' | 'USER',
  principalId: string,
  ruleIds: string[],
) => ({
  type: 'createAssignment' as const,
  accountId,
  permissionSetArn: READ_ONLY_ARN,
  principalType,
  principalId,
  ruleIds,
});
const plan = (
  type: string,
  accountId: string | null,
  operations: Plan['operations'],
  ignored: string | null = null,
  skipped: Plan['skipped'] = [],
): Plan => ({
  event: { type, accountId },
  operations,
  skipped,
  ignored,
});
const notFound = (accountId: string, ruleId: string, detail: string) => ({
  accountId,
  ruleId,
  reason: 'PrincipalNotFound' as const,
  detail,
});
/** The rule naming user jdoe, who does not exist yet. */
const jdoeMissing = notFound(TARGET, 'jdoe', 'USER jdoe');

describe.each<[string, string, OrgSnapshot, Plan]>([
  [
    'a managed SCP detached by a person is re-attached',
    'detach-policy-by-person',
    before,
    plan('PolicyChangedOutOfBand', TARGET, [attach(TARGET, 'p-aaaa1111', ['baseline'])], null, [
      jdoeMissing,
    ]),
  ],
  [
    "the product's own detach (assumed-role session of its role) is ignored",
    'detach-policy-by-product',
    before,
    plan('DetachPolicy', null, [], 'OwnChange'),
  ],
  [
    'a policy attached by hand to an OU is ignored',
    'attach-policy-ou',
    before,
    plan('AttachPolicy', null, [], 'NotAnAccount'),
  ],
  [
    'an assignment created by hand is reported, never adopted',
    'create-account-assignment',
    before,
    plan('AssignmentChangedOutOfBand', TARGET, [], 'AddedOutOfBand'),
  ],
  [
    'a managed assignment deleted by hand is re-created',
    'delete-account-assignment',
    before,
    plan(
      'AssignmentChangedOutOfBand',
      TARGET,
      [create(TARGET, 'GROUP', AUDITORS, ['auditors'])],
      null,
      [jdoeMissing],
    ),
  ],
  [
    'a group created later gets the assignments of the rules naming it by id',
    'create-group',
    before,
    plan('DirectoryPrincipalCreated', null, [
      create('444444444444', 'GROUP', NEW_GROUP, ['platform-by-id']),
    ]),
  ],
  [
    'a user created later gets the assignments of the rules naming it, once its name is known',
    'create-user',
    { ...before, principals: [...before.principals, { type: 'USER', name: 'jdoe', id: NEW_USER }] },
    plan('DirectoryPrincipalCreated', null, [create(TARGET, 'USER', NEW_USER, ['jdoe'])]),
  ],
  [
    'a permission set created later is assigned on every account of the rules naming it',
    'create-permission-set',
    { ...before, permissionSets: [], assignments: [] },
    plan(
      'PermissionSetCreated',
      null,
      [
        create(TARGET, 'GROUP', AUDITORS, ['auditors']),
        create('444444444444', 'GROUP', AUDITORS, ['auditors']),
      ],
      null,
      [jdoeMissing, notFound('444444444444', 'platform-by-id', `GROUP id ${NEW_GROUP}`)],
    ),
  ],
])('planning a change event: %s', (_name, sample, snapshot, expected) => {
  it(`plans ${sample} as expected`, () => {
    expect(planForParseOutcome(snapshot, governance, outcomeOf(sample))).toStrictEqual(expected);
  });

  it('gives the same plan on a snapshot taken after the event', () => {
    const outcome = outcomeOf(sample);
    const after = outcome.kind === 'change' ? applyChange(snapshot, outcome.event) : snapshot;
    expect(planForParseOutcome(after, governance, outcome)).toStrictEqual(expected);
  });
});

describe('planning a change event: what is not known', () => {
  it('a user whose name the event hides and the snapshot lacks waits for no rule', () => {
    expect(planForParseOutcome(before, governance, outcomeOf('create-user'))).toStrictEqual(
      plan('DirectoryPrincipalCreated', null, [], 'NoRuleWaiting'),
    );
  });

  it('a detach on an account the snapshot lacks plans what is decided without it', () => {
    const empty = org();
    const detached = planForParseOutcome(empty, governance, outcomeOf('detach-policy-by-person'));
    expect(detached.operations).toStrictEqual([
      attach(TARGET, 'p-aaaa1111', ['baseline']),
      create(TARGET, 'GROUP', AUDITORS, ['auditors']),
    ]);
  });

  it('a detach of a policy no rule asks for plans nothing', () => {
    const noRules = config();
    expect(
      planForParseOutcome(
        { ...before, assignments: [] },
        noRules,
        outcomeOf('detach-policy-by-person'),
      ),
    ).toStrictEqual(plan('PolicyChangedOutOfBand', TARGET, []));
  });
});
