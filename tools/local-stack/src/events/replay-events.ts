import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NotifiedEventSummary, ProcessedEventSummary } from '@org/handlers';
import type { ScenarioStep } from '../run/example-scenario';
import { invokeAsync } from '../runtime/invoke-async';
import type { LocalDeployment } from '../deployment/local-deployment';
import { routeEvent } from './route-event';
import { translateEvent } from './translate-event';

/** What delivering one example event did. */
export interface ReplayedEvent {
  readonly file: string;
  /** EventBridge id of the event. */
  readonly eventId: string;
  /** One line per function the event reached. */
  readonly outcomes: readonly string[];
  /** `false` when a function still failed after Lambda's retries (→ failure destination). */
  readonly delivered: boolean;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

function describeProcessed(summary: ProcessedEventSummary): string {
  if (summary.ignored !== null) return `ignored (${summary.ignored})`;
  return `${summary.enqueued} operation(s) queued${summary.skipped > 0 ? `, ${summary.skipped} skipped` : ''}`;
}

function describeNotified(summary: NotifiedEventSummary): string {
  const sent = summary.notifications.map((n) => `${n.notificationId}: ${n.outcome.status}`);
  if (summary.ignored !== null) return `ignored (${summary.ignored})`;
  return sent.length > 0 ? sent.join(', ') : 'no notification listens';
}

/**
 * Delivers the example events in scenario order: applies each step's change to the emulated
 * organization, rewrites the event to the emulator's ids and invokes the functions the event
 * rules would (asynchronously: up to two retries).
 *
 * @example
 * ```ts
 * const replayed = await replayEvents(deployment, scenarioFor(files), 'examples/events', console.log);
 * ```
 */
export async function replayEvents(
  deployment: LocalDeployment,
  steps: readonly ScenarioStep[],
  eventsDirectory: string,
  progress: (line: string) => void,
): Promise<ReplayedEvent[]> {
  const replayed: ReplayedEvent[] = [];
  for (const [index, step] of steps.entries()) {
    await step.change?.(deployment.moto, deployment.ids, deployment.seeded.identityStoreId);
    const raw = JSON.parse(readFileSync(path.join(eventsDirectory, step.file), 'utf8')) as unknown;
    const event = translateEvent(raw, deployment.ids);
    const outcomes: string[] = [];
    let delivered = true;
    for (const target of routeEvent(event, deployment.config)) {
      if (target === 'processor') {
        const outcome = await invokeAsync(
          deployment.handlers.processor,
          'org-events-processor',
          event,
        );
        outcomes.push(
          `processor: ${outcome.ok ? describeProcessed(outcome.result) : `FAILED after ${outcome.attempts} attempts: ${describeError(outcome.error)}`}`,
        );
        delivered &&= outcome.ok;
      } else {
        const outcome = await invokeAsync(deployment.handlers.notifier, 'vending-notifier', event);
        outcomes.push(
          `notifier: ${outcome.ok ? describeNotified(outcome.result) : `FAILED after ${outcome.attempts} attempts: ${describeError(outcome.error)}`}`,
        );
        delivered &&= outcome.ok;
      }
    }
    const eventId = (raw as { readonly id?: string }).id ?? step.file;
    progress(
      `  [${String(index + 1).padStart(2)}/${steps.length}] ${step.file.padEnd(44)} ${outcomes.join(' | ')}`,
    );
    replayed.push({ file: step.file, eventId, outcomes, delivered });
  }
  return replayed;
}
