/**
 * End-to-end helpers: the example deployment in moto, event delivery, queue draining and the
 * effective state per account, in the example's ids.
 */
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { emulatorEndpoint } from '@org/emulators';
import type { OrgSnapshot } from '@org/scope-engine';
import type { ClientCustomizer } from '@org/handlers';
import { drainOperationsQueue, type DrainResult } from '../../src/runtime/drain-operations-queue';
import { readEffectiveState, toExampleIds } from '../../src/report/effective-state';
import { invokeAsync, type AsyncInvocation } from '../../src/runtime/invoke-async';
import { createLocalDeployment, type LocalDeployment } from '../../src/deployment/local-deployment';
import { nameBook } from '../../src/report/local-output';
import { translateEvent } from '../../src/events/translate-event';
import { exampleConfig, exampleEvent, exampleOrg } from '../../src/run/examples';

/** The examples deployed into a fresh moto account. */
export function deployExample(customizeClient?: ClientCustomizer): Promise<LocalDeployment> {
  return createLocalDeployment({
    endpoint: emulatorEndpoint('moto'),
    snapshot: exampleOrg(),
    config: exampleConfig(),
    logLevel: 'SILENT',
    ...(customizeClient === undefined ? {} : { customizeClient }),
  });
}

/** An example event (optionally edited) rewritten to the deployment's ids. */
export function localEvent(
  deployment: LocalDeployment,
  file: string,
  edit?: (raw: Record<string, unknown>) => void,
): unknown {
  const raw = exampleEvent(file.replace(/\.json$/, ''));
  edit?.(raw);
  return translateEvent(raw, deployment.ids);
}

/** Delivers an event to a function as EventBridge would (asynchronous, two retries). */
export function deliver(
  deployment: LocalDeployment,
  target: 'processor' | 'notifier',
  event: unknown,
): Promise<AsyncInvocation<unknown>> {
  return target === 'processor'
    ? invokeAsync(deployment.handlers.processor, 'org-events-processor', event)
    : invokeAsync(deployment.handlers.notifier, 'vending-notifier', event);
}

/** Runs the worker until the operations queue is empty. */
export function drain(deployment: LocalDeployment): Promise<DrainResult> {
  return drainOperationsQueue(
    deployment.moto.sqs,
    deployment.resources.operationsQueueUrl,
    deployment.handlers.worker,
  );
}

/** The effective state read back from moto, in the example's ids. */
export async function effective(deployment: LocalDeployment): Promise<OrgSnapshot> {
  return toExampleIds(await readEffectiveState(deployment), deployment.ids);
}

/** One account's SCPs and assignments by name, sorted; `*` marks what the product manages. */
export function accountState(
  snapshot: OrgSnapshot,
  accountId: string,
): { scps: string[]; assignments: string[] } {
  const names = nameBook(snapshot);
  const managed = (item: { readonly managedBy?: readonly string[] }) =>
    (item.managedBy ?? []).length > 0 ? '*' : '';
  return {
    scps: snapshot.attachments
      .filter((a) => a.targetId === accountId)
      .map((a) => `${names.policy(a.policyId)}${managed(a)}`)
      .sort(),
    assignments: snapshot.assignments
      .filter((a) => a.accountId === accountId)
      .map(
        (a) =>
          `${names.permissionSet(a.permissionSetArn)}→${names.principal(a.principalId)}${managed(a)}`,
      )
      .sort(),
  };
}

/** Every message published to the failure topic so far (read from its capture queue). */
export async function failureMessages(
  deployment: LocalDeployment,
): Promise<Record<string, unknown>[]> {
  const messages: Record<string, unknown>[] = [];
  for (;;) {
    const { Messages = [] } = await deployment.moto.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deployment.resources.failureCaptureQueueUrl,
        MaxNumberOfMessages: 10,
      }),
    );
    if (Messages.length === 0) return messages;
    for (const message of Messages) {
      messages.push(JSON.parse(message.Body ?? '{}') as Record<string, unknown>);
      await deployment.moto.sqs.send(
        new DeleteMessageCommand({
          QueueUrl: deployment.resources.failureCaptureQueueUrl,
          ReceiptHandle: message.ReceiptHandle,
        }),
      );
    }
  }
}
