/**
 * Tag trust through the deployed processor handler: the example TagResource (by PlatformAdmin)
 * is recorded in the tag ledger; with trusted principals that exclude its caller the accountTag
 * rules grant nothing, each UntrustedTag skip is reported to the failure topic and counted in
 * UntrustedTagSkipped; with its role trusted they grant.
 */
import { staticRulesSource } from '@org/governance-runtime';
import { InMemoryTagLedger } from '@org/governance-runtime/testing';
import { createOrgEventsProcessorHandler } from '../../src/org-events-processor/org-events-processor-handler';
import {
  collectingFailures,
  exampleEvent,
  lambdaContext,
  testObservability,
} from '../support/fixtures';
import { inMemoryDeployment, processPorts } from '../support/in-memory-deployment';

const ACCOUNT = '222233334444';

async function handle(trustedTagPrincipals: readonly string[]) {
  const env = inMemoryDeployment();
  const account = env.org.snapshot().accounts.find((candidate) => candidate.id === ACCOUNT);
  if (account === undefined) throw new Error('the example organization lacks 222233334444');
  // The account as the processor re-reads it after the event: the tags the event set.
  env.org.putAccount({ ...account, tags: { ...account.tags, env: 'prod', team: 'payments' } });
  const tagLedger = new InMemoryTagLedger();
  const failures = collectingFailures();
  const observability = testObservability();
  const handler = createOrgEventsProcessorHandler({
    process: processPorts(env, {
      rules: staticRulesSource({
        ...env.config,
        settings: { ...env.config.settings, trustedTagPrincipals },
      }),
      tagLedger,
      failures,
    }),
    failures,
    markers: env.markers,
    observability,
  });
  const summary = await handler(exampleEvent('tag-resource'), lambdaContext());
  const untrusted = env.audit
    .entries()
    .filter((entry) => entry.detail?.startsWith('UntrustedTag:') === true)
    .map((entry) => entry.ruleIds.join(','))
    .sort();
  return {
    summary,
    untrusted,
    alerts: failures.reports.map((report) => [report.kind, report.accountId]),
    metric: observability.metrics.total('UntrustedTagSkipped'),
    ledger: tagLedger.recorded().map((entry) => `${entry.key}=${entry.value} ${entry.setBy}`),
    queued: env.queue
      .peek()
      .map(({ operation }) => ('ruleIds' in operation ? operation.ruleIds.join(',') : '')),
  };
}

const RECORDED = [
  'env=prod arn:aws:sts::111111111111:assumed-role/PlatformAdmin/platform-admin',
  'team=payments arn:aws:sts::111111111111:assumed-role/PlatformAdmin/platform-admin',
];

describe('org events processor handler with tag trust', () => {
  it('an untrusted caller’s tags grant nothing: each UntrustedTag skip is audited, alerted and counted', async () => {
    const result = await handle(['arn:aws:iam::111111111111:role/Platform']);
    expect({
      some: result.untrusted.length > 0,
      alerts: result.alerts,
      metric: result.metric,
      ledger: result.ledger,
      prodGrants: result.queued.filter((ids) => ids.includes('prod-')),
    }).toStrictEqual({
      some: true,
      alerts: result.untrusted.map(() => ['UntrustedTag', ACCOUNT]),
      metric: result.untrusted.length,
      ledger: RECORDED,
      prodGrants: [],
    });
  });

  it('a trusted role’s tags grant, with no UntrustedTag skip', async () => {
    const result = await handle(['arn:aws:iam::111111111111:role/PlatformAdmin']);
    expect({
      untrusted: result.untrusted,
      alerts: result.alerts,
      metric: result.metric,
      ledger: result.ledger,
      prodGrants: result.queued.some((ids) => ids.includes('prod-')),
    }).toStrictEqual({ untrusted: [], alerts: [], metric: 0, ledger: RECORDED, prodGrants: true });
  });
});
