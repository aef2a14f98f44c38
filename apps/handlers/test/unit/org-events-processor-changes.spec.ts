import { deployedProcessor } from '../support/deployed-processor';
import { exampleEvent, lambdaContext } from '../support/fixtures';

const WORKER_ROLE = 'arn:aws:iam::111111111111:role/org-governance-worker';
const BREAK_GLASS = '90671234-aaaa-bbbb-cccc-666666666666';

/** The processor as deployed: stored view, provisioned state, Identity Store names, alerts. */
const setup = () =>
  deployedProcessor({
    process: (env, failures) => ({
      // The Identity Store: BreakGlass exists now (CloudTrail hides its name in the event).
      principalNames: {
        getPrincipal: async (type: 'USER' | 'GROUP', id: string) =>
          type === 'GROUP' && id === BREAK_GLASS ? { type, name: 'BreakGlass', id } : null,
      },
      organizationReads: env.org,
      outOfBandAlerts: failures,
      directoryViews: env.directoryViews,
    }),
    productRoleArns: [WORKER_ROLE],
  });

/** The example DetachPolicy event made by `arn` instead of the person. */
function detachedBy(arn: string): Record<string, unknown> {
  const raw = exampleEvent('policy-detached-by-hand');
  const detail = raw['detail'] as Record<string, unknown>;
  const identity = detail['userIdentity'] as Record<string, unknown>;
  return { ...raw, detail: { ...detail, userIdentity: { ...identity, arn } } };
}

describe('org events processor handler: changes made outside the product', () => {
  it('re-attaches a managed SCP a person detached, alerts and counts OutOfBandChanges', async () => {
    const { env, failures, metrics, handler } = await setup();
    await env.org.detachPolicy('p-aaaa1111', '666666666666');
    await handler(exampleEvent('policy-detached-by-hand'), lambdaContext());
    const restored = env.queue
      .peek()
      .map((m) => m.operation)
      .filter((op) => op.type === 'attachPolicy' && op.policyId === 'p-aaaa1111');
    expect([
      restored.map((op) => [op.accountId, 'ruleIds' in op ? op.ruleIds : null]),
      failures.reports.map((r) => r.kind),
      metrics.total('OutOfBandChanges'),
    ]).toStrictEqual([[['666666666666', ['baseline-guardrails']]], ['OutOfBandChange'], 1]);
  });

  it("ignores the product's own detach (an assumed-role session of PRODUCT_ROLE_ARNS) as OwnChange", async () => {
    const { env, failures, metrics, handler } = await setup();
    const own = detachedBy(
      'arn:aws:sts::111111111111:assumed-role/org-governance-worker/1730540000',
    );
    const summary = await handler(own, lambdaContext());
    expect([
      summary.ignored,
      env.queue.peek(),
      failures.reports,
      metrics.total('OutOfBandChanges'),
    ]).toStrictEqual(['OwnChange', [], [], 0]);
  });

  it('names a new group with DescribeGroup and queues the assignment waiting on it', async () => {
    const { env, handler } = await setup();
    await handler(exampleEvent('group-created'), lambdaContext());
    const created = env.queue
      .peek()
      .map((m) => m.operation)
      .filter((op) => op.type === 'createAssignment' && op.principalId === BREAK_GLASS);
    expect(created.map((op) => [op.accountId, 'ruleIds' in op ? op.ruleIds : null])).toStrictEqual([
      ['666666666666', ['break-glass']],
    ]);
  });
});
