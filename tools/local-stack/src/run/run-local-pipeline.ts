/**
 * `npm start`: the whole pipeline on the embedded example, locally.
 *
 * Starts moto on 127.0.0.1, deploys the product into it (tables, FIFO queue, failure topic),
 * seeds examples/org.yaml and stores examples/governance.yaml in the rules table, delivers
 * examples/events/*.json in order through the real handler functions, drains the operations
 * queue through the real worker, runs the scheduled reconcile (drift no event covered), then
 * prints the applied operations, the notifications and the effective state read back from moto,
 * writes the HTML report and stops moto. Exits 0 when moto holds exactly what the rules ask for
 * (a dry-run reconcile finds no drift), 1 otherwise.
 *
 * Usage: `npm start` (`npx nx run local-stack:start`)
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startMoto } from '@org/emulators';
import { planReconcile } from '@org/scope-engine';
import { type StoredAuditEntry } from '@org/governance-runtime';
import { drainOperationsQueue } from '../runtime/drain-operations-queue';
import { readEffectiveState, toExampleIds } from '../report/effective-state';
import { scenarioFor } from './example-scenario';
import { exampleConfig, examplesDir, exampleOrg, workspaceRoot } from './examples';
import { writeHtmlReport } from '../report/html-report';
import { localLambdaContext } from '../runtime/lambda-context';
import { createLocalDeployment, type LocalDeployment } from '../deployment/local-deployment';
import {
  appliedOperationsTable,
  describeOperation,
  effectiveStateTable,
  nameBook,
} from '../report/local-output';
import { observeNotifications } from '../report/observed-notifications';
import { replayEvents } from '../events/replay-events';
import { toExampleText } from '../events/translate-event';

const ROOT = workspaceRoot();
const EXAMPLES = examplesDir();
const say = (line = '') => console.log(line);

/** Runs the example through a deployment; `true` when moto ends in the desired state. */
async function runExample(deployment: LocalDeployment, elapsed: () => string): Promise<boolean> {
  const { handlers, ids, moto, resources } = deployment;
  const drain = async () => {
    const drained = await drainOperationsQueue(
      moto.sqs,
      resources.operationsQueueUrl,
      handlers.worker,
    );
    say(
      `   worker: ${drained.completed} records executed in ${drained.invocations} invocations, ${drained.failedBack} failed back and retried (${elapsed()})`,
    );
  };
  const files = readdirSync(path.join(EXAMPLES, 'events')).filter((file) => file.endsWith('.json'));
  say(
    `\n2. Delivering ${files.length} events from examples/events/ to the org events processor / vending notifier`,
  );
  const replayed = await replayEvents(
    deployment,
    scenarioFor(files),
    path.join(EXAMPLES, 'events'),
    say,
  );
  say(`\n3. Draining the operations FIFO queue through the operations worker`);
  await drain();
  say(`\n4. Scheduled reconcile: drift no event covered (accounts the events did not touch)`);
  const repair = await handlers.reconciler(
    { 'detail-type': 'Scheduled Event' },
    localLambdaContext('reconciler', 900_000),
  );
  say(
    `   reconciler: ${repair.driftCount} operation(s) of drift queued, ${repair.skipped} rule(s) skipped`,
  );
  await drain();

  const effective = await readEffectiveState(deployment);
  const example = toExampleIds(effective, ids);
  const names = nameBook(example);
  const audited: { file: string; entry: StoredAuditEntry }[] = [];
  for (const { file, eventId } of [
    ...replayed,
    { file: 'scheduled-reconcile', eventId: repair.runId },
  ]) {
    for (const entry of await deployment.audit.listByEvent(eventId)) {
      if (entry.type === 'operation') audited.push({ file, entry });
    }
  }
  say(`\n5. Operations applied (from the audit log; ids as in examples/org.yaml)\n`);
  say(appliedOperationsTable(audited, ids, names));

  const observed = await observeNotifications(deployment);
  say(`\n6. Notifications`);
  for (const subject of observed.supportCases)
    say(`   Support case (moto): ${toExampleText(subject, ids)}`);
  for (const hook of observed.webhooks) {
    const account =
      hook.accountId === 'unknown' ? 'none (account creation failed)' : ids.reverse(hook.accountId);
    say(
      `   Webhook → local receiver: account ${account}, signature ${hook.signatureValid ? 'valid' : 'INVALID'}`,
    );
  }
  for (const failure of observed.failures)
    say(`   Failure topic: ${failure.kind}: ${toExampleText(failure.reason, ids)}`);

  say(`\n7. Effective state read back from moto (* = managed by the product)\n`);
  say(effectiveStateTable(example));

  const check = await handlers.reconciler(
    { dryRun: true },
    localLambdaContext('reconciler', 900_000),
  );
  const drift = planReconcile(effective, deployment.config).operations;
  say(
    `\n8. Verification: a dry-run reconcile finds ${check.driftCount} operation(s) of drift (${check.skipped} rule(s) skipped by design: names not found, policy slot limits, management account, suspended account)`,
  );
  for (const op of drift)
    say(
      `   DRIFT ${names.account(ids.reverse(op.accountId))}: ${describeOperation(op, ids, names)}`,
    );
  const undelivered = replayed.filter((event) => !event.delivered);
  for (const event of undelivered) say(`   UNDELIVERED ${event.file}`);
  const unsigned = observed.webhooks.filter((hook) => !hook.signatureValid).length;

  const report = writeHtmlReport(
    ROOT,
    example,
    path.join(EXAMPLES, 'governance.yaml'),
    path.join(ROOT, 'tmp', 'local-run', 'report.html'),
  );
  say(
    `\n9. HTML report: ${'written' in report ? path.relative(ROOT, report.written) : `skipped — ${report.skipped}`}`,
  );
  const m = deployment.metrics;
  say(
    `\nMetrics: OperationsEnqueued ${m.total('OperationsEnqueued')}, OperationsApplied ${m.total('OperationsApplied')}, OperationsRetried ${m.total('OperationsRetried')}, OperationsFailed ${m.total('OperationsFailed')}, OperationsSkipped ${m.total('OperationsSkipped')}, EventsIgnored ${m.total('EventsIgnored')}, NotificationsSent ${m.total('NotificationsSent')}, DriftOperations ${m
      .records()
      .filter((r) => r.name === 'DriftOperations')
      .map((r) => r.value)
      .join(' then ')}`,
  );
  return drift.length === 0 && check.driftCount === 0 && undelivered.length === 0 && unsigned === 0;
}

async function main(): Promise<number> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const snapshot = exampleOrg();
  const config = exampleConfig();
  say('1. Starting moto on 127.0.0.1 and deploying the product into it');
  const moto = await startMoto();
  try {
    const deployment = await createLocalDeployment({
      endpoint: moto.endpoint,
      snapshot,
      config,
      logLevel: 'ERROR',
    });
    try {
      say(
        `   moto ${moto.endpoint} (PID ${moto.process.pid}); management account ${deployment.accountId}`,
      );
      say(
        `   seeded examples/org.yaml: ${snapshot.accounts.length} accounts, ${snapshot.organizationalUnits.length} OUs, ${snapshot.policies.length} policies (${(snapshot.enabledPolicyTypes ?? ['SERVICE_CONTROL_POLICY']).join(', ')} enabled), ${snapshot.permissionSets.length} permission sets, ${snapshot.principals.length} principals; ${deployment.provisionedItems} managed items recorded`,
      );
      say(
        `   rules table: examples/governance.yaml (${config.scpRules.length} SCP rules, ${config.policyRules?.length ?? 0} typed policy rules, ${config.assignmentRules.length} assignment rules, ${config.notifications.length} notifications) (${elapsed()})`,
      );
      const ok = await runExample(deployment, elapsed);
      say(
        ok
          ? `\nOK: moto holds exactly the desired state (${elapsed()})`
          : `\nFAILED: moto differs from the desired state (${elapsed()})`,
      );
      return ok ? 0 : 1;
    } finally {
      await deployment.close();
    }
  } finally {
    await moto.stop();
    say('moto stopped');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `local pipeline failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
