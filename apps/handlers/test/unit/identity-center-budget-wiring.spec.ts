/**
 * One Identity Center rate for every caller: the processor (naming the groups and users of
 * directory events), the worker and the reconciler's steps (SSO Admin and the Identity Store reads
 * of its directory view) take a token of the shared Identity
 * Center budget (`IDENTITY_CENTER_REQUESTS_PER_SECOND`, unset: the published 20/s) from the one
 * quota store before each request.
 */
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { HANDLER_ENV } from '@org/contracts';
import { createProcessorDependencies } from '../../src/org-events-processor/processor-dependencies';
import { createWorkerDependencies } from '../../src/operations-worker/worker-dependencies';
import { createReconcileStepDependencies } from '../../src/reconciler/reconcile-step-dependencies';
import { readProcessorConfig } from '../../src/shared/config/handler-config';
import { answeringClients, type InPlaceAnswers } from '../support/answering-clients';
import { COMPLETE_ENVIRONMENT } from '../support/fixtures';

const PERMISSION_SET = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';

/** Every function's environment: a configured instance (no discovery), one request a second. */
const ONE_PER_SECOND = {
  ...COMPLETE_ENVIRONMENT,
  STATUS_WAIT_SECONDS: '20',
  OPERATIONS_MAX_RECEIVE_COUNT: '5',
  [HANDLER_ENV.ssoInstanceArn]: 'arn:aws:sso:::instance/ssoins-1',
  [HANDLER_ENV.identityStoreId]: 'd-1234567890',
  [HANDLER_ENV.identityCenterRequestsPerSecond]: '1',
};

/** What the answering middleware returns for each command (no assignments, one group). */
const ANSWERS: Readonly<Record<string, object>> = {
  DescribeGroupCommand: { GroupId: 'g-ops', DisplayName: 'Ops', IdentityStoreId: 'd-1234567890' },
  ListAccountAssignmentsCommand: { AccountAssignments: [] },
  ListAccountAssignmentsForPrincipalCommand: { AccountAssignments: [] },
};

/** Every SSO Admin and Identity Store request answered in place. */
const IDENTITY_CENTER_IN_PLACE: InPlaceAnswers = {
  name: 'answerIdentityCenterInPlace',
  answers: (client) => client instanceof SSOAdminClient || client instanceof IdentitystoreClient,
  output: (command) => ANSWERS[command] ?? {},
};

describe('the shared Identity Center budget', () => {
  it('is read by the processor too: unset, the published 20/s; configured, the rate every caller shares', () => {
    expect({
      unset: readProcessorConfig(COMPLETE_ENVIRONMENT).quota.requestsPerSecond,
      configured: readProcessorConfig(ONE_PER_SECOND).quota.requestsPerSecond,
    }).toStrictEqual({ unset: 20, configured: 1 });
  });

  it("paces the processor's directory reads with the worker's and the reconciler's requests: one a second at 1/s", async () => {
    const { clock, sent, wiring } = answeringClients(IDENTITY_CENTER_IN_PLACE);
    const processor = createProcessorDependencies(ONE_PER_SECOND, wiring('processor'));
    const worker = createWorkerDependencies(ONE_PER_SECOND, wiring('worker'));
    const reconciler = createReconcileStepDependencies(ONE_PER_SECOND, wiring('reconciler'));
    const names = processor.process.principalNames;
    if (names === undefined) throw new Error('the processor names principals with an instance');
    const found = await clock.run(() =>
      Promise.all([
        names.getPrincipal('GROUP', 'g-ops'),
        worker.execute.identityCenter.listAssignments('333333333333', [PERMISSION_SET]),
        reconciler.prepare.identityCenter.listAssignmentsOfPrincipal('GROUP', 'g-ops'),
        names.getPrincipal('USER', 'u-alice').catch(() => null),
        // The reconciler's directory view: the principals its rules name (Identity Store).
        reconciler.prepare.directory.getPrincipal('GROUP', 'g-auditors'),
      ]),
    );
    expect({
      named: found[0],
      sent: sent.map(({ at }) => at),
      by: [...new Set(sent.map(({ by }) => by))].sort(),
    }).toStrictEqual({
      named: { type: 'GROUP', name: 'Ops', id: 'g-ops' },
      sent: [0, 1000, 2000, 3000, 4000],
      by: ['processor', 'reconciler', 'worker'],
    });
  });
});
