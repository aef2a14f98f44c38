/**
 * End to end through moto: what goes wrong — malformed events, throttling at the adapter edge,
 * FAILED assignments — is retried, alerted or dead-lettered, never dropped.
 */
import { EventError } from '@org/event-schemas';
import type { ClientCustomizer } from '@org/handlers';
import type { LocalDeployment } from '../../src/deployment/local-deployment';
import {
  accountState,
  deliver,
  deployExample,
  drain,
  effective,
  failureMessages,
  localEvent,
} from './e2e-support';

jest.setTimeout(120_000);

/** An AWS-style error as the SDK raises it. */
function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

/** Throttles the first `count` calls of the given commands, before they reach moto. */
function throttleFirst(
  commands: readonly string[],
  count: number,
): { customize: ClientCustomizer; throttled: () => number } {
  let throttled = 0;
  const customize: ClientCustomizer = (client) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (commands.includes(context.commandName ?? '') && throttled < count) {
          throttled += 1;
          throw awsError('TooManyRequestsException', 'Rate exceeded (injected)');
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectThrottling' },
    );
  };
  return { customize, throttled: () => throttled };
}

/**
 * Makes every assignment creation asynchronous and end FAILED, as Identity Center can report it
 * (moto completes creations at once and never fails them).
 */
const failAssignmentCreations: ClientCustomizer = (client) => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { AccountAssignmentCreationStatus?: Record<string, unknown> };
      if (context.commandName === 'CreateAccountAssignmentCommand') {
        output.AccountAssignmentCreationStatus = {
          ...output.AccountAssignmentCreationStatus,
          Status: 'IN_PROGRESS',
        };
      } else if (context.commandName === 'DescribeAccountAssignmentCreationStatusCommand') {
        output.AccountAssignmentCreationStatus = {
          ...output.AccountAssignmentCreationStatus,
          Status: 'FAILED',
          FailureReason: 'Received a 404 status error: Not supported',
        };
      }
      return result;
    },
    { step: 'initialize', name: 'failAssignmentCreations' },
  );
};

describe('failure handling through moto', () => {
  let deployment: LocalDeployment | undefined;

  afterEach(async () => {
    await deployment?.close();
    deployment = undefined;
  });

  it('malformed event → the invocation fails through every retry (→ failed-event destination) and the failure topic hears it once', async () => {
    deployment = await deployExample();
    const event = localEvent(deployment, 'account-moved', (raw) => {
      (raw['detail'] as { requestParameters: Record<string, unknown> }).requestParameters[
        'accountId'
      ] = 'not-an-account';
    });
    const outcome = await deliver(deployment, 'processor', event);
    const failures = await failureMessages(deployment);
    expect({
      ok: outcome.ok,
      attempts: outcome.attempts,
      rejected: !outcome.ok && outcome.error instanceof EventError,
      failures: failures.map((f) => [
        f['kind'],
        f['eventId'],
        String(f['reason']).includes('$.detail.requestParameters.accountId'),
      ]),
      drained: (await drain(deployment)).completed,
    }).toStrictEqual({
      ok: false,
      attempts: 3,
      rejected: true,
      failures: [['EventRejected', (event as { id: string }).id, true]],
      drained: 0,
    });
  });

  it('throttling at the adapter edge → every operation applied eventually, none dropped', async () => {
    const injected = throttleFirst(['AttachPolicyCommand', 'CreateAccountAssignmentCommand'], 7);
    deployment = await deployExample(injected.customize);
    await deliver(deployment, 'processor', localEvent(deployment, 'account-created'));
    const drained = await drain(deployment);
    expect({
      throttled: injected.throttled(),
      failedBack: drained.failedBack > 0,
      completed: drained.completed,
      failures: await failureMessages(deployment),
      account: accountState(await effective(deployment), '222233334444'),
    }).toStrictEqual({
      throttled: 7,
      failedBack: true,
      completed: 3,
      failures: [],
      account: {
        scps: ['DenyDeleteBackups*', 'DenyLeaveOrg*', 'FullAWSAccess'],
        assignments: ['PowerUser→Developers*', 'ReadOnly→Auditors*'],
      },
    });
  });

  it('FAILED assignment → terminal: alerted, audited, not retried, not recorded as provisioned', async () => {
    deployment = await deployExample(failAssignmentCreations);
    const event = localEvent(deployment, 'account-created');
    await deliver(deployment, 'processor', event);
    const drained = await drain(deployment);
    const accountId = deployment.ids.get('222233334444');
    const eventId = (event as { id: string }).id;
    const audit = (await deployment.audit.listByEvent(eventId)).filter(
      (entry) => entry.type === 'operation',
    );
    const provisioned = (await deployment.provisionedState.getAccount(accountId)).items.map(
      (item) => item.kind,
    );
    expect({
      drained: [drained.completed, drained.failedBack],
      failures: (await failureMessages(deployment)).map((f) => [
        f['kind'],
        f['accountId'],
        f['reason'],
      ]),
      audit: audit.map((entry) => [entry.operation?.type, entry.outcome]).sort(),
      provisioned: provisioned.sort(),
    }).toStrictEqual({
      drained: [3, 0],
      failures: [
        [
          'OperationFailed',
          accountId,
          expect.stringMatching(
            /^createAssignment request .+ FAILED: Received a 404 status error: Not supported$/,
          ),
        ],
      ],
      audit: [
        ['attachPolicy', 'applied'],
        ['attachPolicy', 'applied'],
        ['createAssignment', 'failed'],
      ],
      // the managed PowerUser assignment seeded from org.yaml and the two new SCPs; not the failed one
      provisioned: ['assignment', 'attachment', 'attachment'],
    });
  });
});
