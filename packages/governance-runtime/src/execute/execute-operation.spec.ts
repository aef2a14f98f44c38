import type { GovernanceConfig, Operation } from '@org/scope-engine';
import type { AssignmentKey, AssignmentRequestState } from '../ports/identity-center-port';
import type { ChangeOutcome } from '../ports/port-failure';
import type { OperationMessage } from '../ports/operation-queue';
import type { ProvisionedItem } from '../ports/provisioned-state-repository';
import type { TopicMessage } from '../ports/notification-ports';
import { OperationRetryableError, UnsupportedOperationError } from '../errors';
import { topicFailureReporter } from '../failure-reporter';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { IdentityCenterQuota } from '../quota/identity-center-quota';
import { InMemoryQuotaStore } from '../testing/in-memory-quota-store';
import { staticRulesSource } from '../rules/rules-source';
import type { ExecuteOperationDependencies } from './execute-dependencies';
import { UNMANAGED_DETAIL } from './assignment-operations';
import { executeOperation } from './execute-operation';
import { DEFAULT_ASSIGNMENT_POLLING } from './execution-settings';
import { DEFAULT_SETTINGS, groupRule } from '../../test/support/org-fixtures';

const ACCOUNT = '222222222222';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
const GROUP = '90671234-aaaa-bbbb-cccc-111111111111';
const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [],
  assignmentRules: [
    groupRule('auditors-readonly', 'ReadOnly', 'Auditors', {
      type: 'accountTag',
      key: 'env',
      value: 'prod',
    }),
  ],
  notifications: [],
};
const THROTTLED = Object.assign(new Error('Rate exceeded'), { code: 'Throttled', retryable: true });
const REFUSED = Object.assign(new Error('the policy does not exist'), {
  code: 'NotFound',
  retryable: false,
});
const UNCLASSIFIED = Object.assign(new Error('socket hang up'), {
  code: 'AwsServiceError',
  retryable: false,
});

const attach: Operation = {
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: 'p-aaaa1111',
  ruleIds: ['baseline'],
};
const detach: Operation = {
  type: 'detachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: 'p-bbbb2222',
  ruleIds: [],
};
const create: Operation = {
  type: 'createAssignment',
  accountId: ACCOUNT,
  permissionSetArn: PS,
  principalType: 'GROUP',
  principalId: GROUP,
  ruleIds: ['auditors-readonly'],
};
const remove: Operation = { ...create, type: 'deleteAssignment', ruleIds: [] };
const AT = '1970-01-01T00:00:';
const LIST = `list ${ACCOUNT} ${PS}`;
const liveAssignment = (principalType: 'GROUP' | 'USER'): AssignmentKey => ({
  accountId: ACCOUNT,
  permissionSetArn: PS,
  principalType,
  principalId: GROUP,
});

/** Scripted answers of the fake ports, consumed in order. */
interface Script {
  readonly attach?: (ChangeOutcome | Error)[];
  readonly detach?: (ChangeOutcome | Error)[];
  readonly create?: (AssignmentRequestState | Error)[];
  readonly delete?: (AssignmentRequestState | Error)[];
  readonly status?: (AssignmentRequestState | Error)[];
  /** Live assignments of the account (default: none). */
  readonly live?: AssignmentKey[];
  /** Items already in the provisioned state. */
  readonly provisioned?: (typeof assignmentItem)[];
}

function next<T>(answers: (T | Error)[] | undefined, what: string): Promise<T> {
  const answer = answers?.shift();
  if (answer === undefined) return Promise.reject(new Error(`unexpected ${what}`));
  return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
}

function setup(script: Script) {
  const clock = new VirtualClock(0);
  const calls: string[] = [];
  const published: TopicMessage[] = [];
  const store = new InMemoryQuotaStore();
  const deps: ExecuteOperationDependencies = {
    organizations: {
      attachPolicy: (p, t) => (calls.push(`attach ${p} ${t}`), next(script.attach, 'attach')),
      detachPolicy: (p, t) => (calls.push(`detach ${p} ${t}`), next(script.detach, 'detach')),
    },
    identityCenter: {
      createAssignment: () => (calls.push('create'), next(script.create, 'create')),
      deleteAssignment: () => (calls.push('delete'), next(script.delete, 'delete')),
      getCreationStatus: (id) => (
        calls.push(`creation ${id} @${clock.now()}`),
        next(script.status, 'status')
      ),
      getDeletionStatus: (id) => (
        calls.push(`deletion ${id} @${clock.now()}`),
        next(script.status, 'status')
      ),
      listAssignments: async (accountId, arns) => (
        calls.push(`list ${accountId} ${String(arns)}`),
        script.live ?? []
      ),
    },
    provisionedState: new InMemoryProvisionedState(),
    audit: new InMemoryAuditLog(),
    queue: new InMemoryOperationQueue(),
    failures: topicFailureReporter(
      { publish: async (_arn, message) => (published.push(message), { messageId: 'm-1' }) },
      'arn:aws:sns:us-east-1:111111111111:failures',
    ),
    quota: new IdentityCenterQuota(store, clock),
    rules: staticRulesSource(CONFIG),
    clock,
    polling: {
      ...DEFAULT_ASSIGNMENT_POLLING,
      firstPollDelayMs: 1000,
      pollIntervalMs: 1000,
      steadyPollingMs: 2000,
      pollBudgetMs: 3000,
    },
  };
  return { deps, clock, calls, published, store };
}

async function run(message: OperationMessage, script: Script) {
  const env = setup(script);
  for (const item of script.provisioned ?? []) {
    await env.deps.provisionedState.recordApplied(ACCOUNT, item);
  }
  const outcome = await env.clock
    .run(() => executeOperation(message, env.deps))
    .then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  const state = env.deps.provisionedState as InMemoryProvisionedState;
  return {
    outcome,
    calls: env.calls,
    provisioned: (await state.getAccount(ACCOUNT)).items,
    audit: (env.deps.audit as InMemoryAuditLog)
      .entries()
      .map((e) => [e.outcome, e.detail ?? null, e.at]),
    requeued: (env.deps.queue as InMemoryOperationQueue).peek(),
    failures: env.published.map((m) => JSON.parse(m.message) as unknown),
    slotsHeld: env.store.heldLeases(),
  };
}

const attachmentItem: ProvisionedItem = {
  kind: 'attachment',
  policyId: 'p-aaaa1111',
  policyType: 'SERVICE_CONTROL_POLICY',
  ruleIds: ['baseline'],
  tagKeys: [],
};

/** Nothing re-queued, no failure reported, no creation slot held. */
const NOTHING_HELD = { requeued: [], failures: [], slotsHeld: 0 };

const assignmentItem: ProvisionedItem = {
  kind: 'assignment',
  permissionSetArn: PS,
  principalType: 'GROUP',
  principalId: GROUP,
  ruleIds: ['auditors-readonly'],
  tagKeys: ['env'],
};

/**
 * A case of an attach whose request fails with `error`: `thrown` propagates, nothing is audited,
 * and the provisioned state goes from `records.before` to `records.after`.
 */
function attachFailing(
  name: string,
  error: Error,
  thrown: Error,
  records: { readonly before: ProvisionedItem[]; readonly after: ProvisionedItem[] },
) {
  return {
    name,
    message: { eventId: 'e-1', operation: attach },
    script: { attach: [error], provisioned: records.before },
    expected: {
      outcome: { error: thrown },
      calls: [`attach p-aaaa1111 ${ACCOUNT}`],
      provisioned: records.after,
      audit: [],
      ...NOTHING_HELD,
    },
  };
}

describe('executeOperation', () => {
  describe.each([
    {
      name: 'attachPolicy that changes something is applied and recorded',
      message: { eventId: 'e-1', operation: attach },
      script: { attach: ['changed' as const] },
      expected: {
        outcome: { result: { status: 'applied', operation: attach } },
        calls: [`attach p-aaaa1111 ${ACCOUNT}`],
        provisioned: [attachmentItem],
        audit: [['applied', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'attachPolicy delivered twice is alreadyInState',
      message: { eventId: 'e-1', operation: attach },
      script: { attach: ['alreadyInState' as const] },
      expected: {
        outcome: { result: { status: 'alreadyInState', operation: attach } },
        calls: [`attach p-aaaa1111 ${ACCOUNT}`],
        provisioned: [attachmentItem],
        audit: [['alreadyInState', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'detachPolicy is applied and forgotten',
      message: { eventId: 'e-1', operation: detach },
      script: { detach: ['changed' as const] },
      expected: {
        outcome: { result: { status: 'applied', operation: detach } },
        calls: [`detach p-bbbb2222 ${ACCOUNT}`],
        provisioned: [],
        audit: [['applied', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    // The intent is recorded before the request: a 5xx may come after the attach took effect.
    attachFailing(
      'throttled attachPolicy throws a retryable error and keeps its intent on record',
      THROTTLED,
      new OperationRetryableError('attachPolicy', THROTTLED),
      { before: [], after: [attachmentItem] },
    ),
    attachFailing(
      'attachPolicy refused for good throws and takes back its new intent (nothing was attached)',
      REFUSED,
      REFUSED,
      { before: [], after: [] },
    ),
    attachFailing(
      'attachPolicy refused with a record from an earlier attempt drops it too (nothing is attached)',
      REFUSED,
      REFUSED,
      { before: [attachmentItem], after: [] },
    ),
    attachFailing(
      'attachPolicy failing with an unclassified error keeps its intent (it may have taken effect)',
      UNCLASSIFIED,
      UNCLASSIFIED,
      { before: [], after: [attachmentItem] },
    ),
    {
      name: 'createAssignment settling at the first poll costs two requests',
      message: { eventId: 'e-1', operation: create },
      script: {
        create: [{ requestId: 'r-1', status: 'IN_PROGRESS' as const }],
        status: [{ requestId: 'r-1', status: 'SUCCEEDED' as const }],
      },
      expected: {
        outcome: { result: { status: 'applied', operation: create } },
        calls: [LIST, 'create', 'creation r-1 @1000'],
        provisioned: [assignmentItem],
        audit: [['applied', null, `${AT}01.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'createAssignment answered "exists" after its intent was recorded (a lost response) is ours',
      message: { eventId: 'e-1', operation: create },
      script: { create: [{ requestId: null, status: 'SUCCEEDED' as const }] },
      expected: {
        outcome: { result: { status: 'alreadyInState', operation: create } },
        calls: [LIST, 'create'],
        provisioned: [assignmentItem],
        audit: [['alreadyInState', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'createAssignment of an assignment made outside the product leaves it unmanaged',
      message: { eventId: 'e-1', operation: create },
      script: {
        live: [liveAssignment('GROUP')],
      },
      expected: {
        outcome: {
          result: { status: 'alreadyInState', operation: create, detail: UNMANAGED_DETAIL },
        },
        calls: [LIST],
        provisioned: [],
        audit: [['alreadyInState', UNMANAGED_DETAIL, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'a redelivered createAssignment whose intent is recorded does not list again',
      message: { eventId: 'e-1', operation: create },
      script: {
        provisioned: [assignmentItem],
        live: [liveAssignment('GROUP')],
        create: [{ requestId: null, status: 'SUCCEEDED' as const }],
      },
      expected: {
        outcome: { result: { status: 'alreadyInState', operation: create } },
        calls: ['create'],
        provisioned: [assignmentItem],
        audit: [['alreadyInState', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'a live assignment of another principal does not stop the creation',
      message: { eventId: 'e-1', operation: create },
      script: {
        live: [liveAssignment('USER')],
        create: [{ requestId: 'r-1', status: 'SUCCEEDED' as const }],
      },
      expected: {
        outcome: { result: { status: 'applied', operation: create } },
        calls: [LIST, 'create'],
        provisioned: [assignmentItem],
        audit: [['applied', null, `${AT}00.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'FAILED createAssignment is terminal: reported, not recorded, not re-queued',
      message: { eventId: 'e-1', operation: create },
      script: {
        create: [{ requestId: 'r-1', status: 'IN_PROGRESS' as const }],
        status: [
          { requestId: 'r-1', status: 'FAILED' as const, failureReason: 'Principal deleted' },
        ],
      },
      expected: {
        outcome: {
          result: {
            status: 'failed',
            operation: create,
            reason: 'createAssignment request r-1 FAILED: Principal deleted',
          },
        },
        calls: [LIST, 'create', 'creation r-1 @1000'],
        provisioned: [],
        audit: [
          ['failed', 'createAssignment request r-1 FAILED: Principal deleted', `${AT}01.000Z`],
        ],
        requeued: [],
        failures: [
          {
            kind: 'OperationFailed',
            eventId: 'e-1',
            accountId: ACCOUNT,
            reason: 'createAssignment request r-1 FAILED: Principal deleted',
            operation: create,
          },
        ],
        slotsHeld: 0,
      },
    },
    {
      name: 'createAssignment still IN_PROGRESS after the budget re-queues a status check and keeps its slot',
      message: { eventId: 'e-1', operation: create },
      script: {
        create: [{ requestId: 'r-1', status: 'IN_PROGRESS' as const }],
        status: [
          { requestId: 'r-1', status: 'IN_PROGRESS' as const },
          { requestId: 'r-1', status: 'IN_PROGRESS' as const },
        ],
      },
      expected: {
        outcome: { result: { status: 'pending', operation: create, requestId: 'r-1', polls: 2 } },
        calls: [LIST, 'create', 'creation r-1 @1000', 'creation r-1 @2000'],
        provisioned: [assignmentItem],
        audit: [['inProgress', 'request r-1 after 2 polls', `${AT}02.000Z`]],
        requeued: [
          { eventId: 'e-1', operation: create, pending: { requestId: 'r-1', polls: 2, checks: 1 } },
        ],
        failures: [],
        slotsHeld: 1,
      },
    },
    {
      name: 'a re-queued status check only polls (its third poll comes on the schedule, 1.5 s later)',
      message: { eventId: 'e-1', operation: create, pending: { requestId: 'r-1', polls: 2 } },
      script: { status: [{ requestId: 'r-1', status: 'SUCCEEDED' as const }] },
      expected: {
        outcome: { result: { status: 'applied', operation: create } },
        calls: ['creation r-1 @1500'],
        provisioned: [assignmentItem],
        audit: [['applied', null, `${AT}01.500Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'a throttled status poll re-queues the check instead of creating again',
      message: { eventId: 'e-1', operation: create },
      script: {
        create: [{ requestId: 'r-1', status: 'IN_PROGRESS' as const }],
        status: [THROTTLED],
      },
      expected: {
        outcome: { result: { status: 'pending', operation: create, requestId: 'r-1', polls: 0 } },
        calls: [LIST, 'create', 'creation r-1 @1000'],
        provisioned: [assignmentItem],
        audit: [['inProgress', 'request r-1 after 0 polls', `${AT}01.000Z`]],
        requeued: [
          { eventId: 'e-1', operation: create, pending: { requestId: 'r-1', polls: 0, checks: 1 } },
        ],
        failures: [],
        slotsHeld: 1,
      },
    },
    {
      name: 'a throttled createAssignment throws a retryable error and frees its slot',
      message: { eventId: 'e-1', operation: create },
      script: { create: [THROTTLED] },
      expected: {
        outcome: { error: new OperationRetryableError('createAssignment', THROTTLED) },
        calls: [LIST, 'create'],
        provisioned: [assignmentItem],
        audit: [],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'a status check re-queued without a successful poll is a new message (FIFO deduplication)',
      message: {
        eventId: 'e-1',
        operation: create,
        pending: { requestId: 'r-1', polls: 2, checks: 3 },
      },
      script: { status: [THROTTLED] },
      expected: {
        outcome: { result: { status: 'pending', operation: create, requestId: 'r-1', polls: 2 } },
        calls: ['creation r-1 @1500'],
        provisioned: [],
        audit: [['inProgress', 'request r-1 after 2 polls', `${AT}01.500Z`]],
        requeued: [
          { eventId: 'e-1', operation: create, pending: { requestId: 'r-1', polls: 2, checks: 4 } },
        ],
        failures: [],
        slotsHeld: 1,
      },
    },
    {
      name: 'a deletion settled in a later status check forgets the assignment once it is gone',
      message: { eventId: 'e-2', operation: remove, pending: { requestId: 'd-1', polls: 1 } },
      script: {
        status: [{ requestId: 'd-1', status: 'SUCCEEDED' as const }],
        provisioned: [assignmentItem],
      },
      expected: {
        outcome: { result: { status: 'applied', operation: remove } },
        calls: ['deletion d-1 @1000', LIST],
        provisioned: [],
        audit: [['applied', null, `${AT}01.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'a deletion settled in a later status check keeps the record of a creation that made the assignment again meanwhile',
      message: { eventId: 'e-2', operation: remove, pending: { requestId: 'd-1', polls: 1 } },
      script: {
        status: [{ requestId: 'd-1', status: 'SUCCEEDED' as const }],
        provisioned: [assignmentItem],
        live: [liveAssignment('GROUP')],
      },
      expected: {
        outcome: { result: { status: 'applied', operation: remove } },
        calls: ['deletion d-1 @1000', LIST],
        provisioned: [assignmentItem],
        audit: [['applied', null, `${AT}01.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'deleteAssignment is polled and forgotten',
      message: { eventId: 'e-2', operation: remove },
      script: {
        delete: [{ requestId: 'd-1', status: 'IN_PROGRESS' as const }],
        status: [{ requestId: 'd-1', status: 'SUCCEEDED' as const }],
      },
      expected: {
        outcome: { result: { status: 'applied', operation: remove } },
        calls: ['delete', 'deletion d-1 @1000'],
        provisioned: [],
        audit: [['applied', null, `${AT}01.000Z`]],
        ...NOTHING_HELD,
      },
    },
    {
      name: 'notify is not the worker’s job',
      message: {
        eventId: 'e-3',
        operation: {
          type: 'notify' as const,
          accountId: ACCOUNT,
          notificationId: 'n',
          targetType: 'sns' as const,
          subject: 's',
          body: 'b',
        },
      },
      script: {},
      expected: {
        outcome: { error: new UnsupportedOperationError('notify', 'the operations worker') },
        calls: [],
        provisioned: [],
        audit: [],
        ...NOTHING_HELD,
      },
    },
  ])('$name', ({ message, script, expected }) => {
    it('returns the result and leaves exactly this trace', async () => {
      expect(await run(message, script)).toStrictEqual(expected);
    });
  });
});
