import type * as z from 'zod/mini';
import type { EventIssue } from '../domain/parse-result';
import type { MappedEvent } from '../schemas/mapped-event';
import { safeParse } from './validation-error';
import { expectationErrorMap, toEventIssues } from './zod-issues';

/** The result of validating and mapping one raw event of a known type. */
export type HandledEvent<M = MappedEvent> =
  | { readonly ok: true; readonly mapped: M }
  | {
      readonly ok: false;
      readonly issues: readonly EventIssue[];
      readonly cause: z.core.$ZodError;
    };

/** Validates one raw event with its schema and maps it to a domain event (or an ignore). */
export interface EventHandler<M = MappedEvent> {
  /** Validates `raw` against the event's schema, then maps it. */
  readonly handle: (raw: unknown) => HandledEvent<M>;
}

/**
 * Pairs an event schema with the function mapping its output to a domain event.
 *
 * @example
 * ```ts
 * const moveAccount = eventHandler(MoveAccountSchema, toAccountMoved);
 * moveAccount.handle(raw); // { ok: true, mapped: { type: 'AccountMoved', … } }
 * ```
 */
export function eventHandler<S extends z.ZodMiniType, M = MappedEvent>(
  schema: S,
  map: (event: z.output<S>) => M,
): EventHandler<M> {
  return {
    handle(raw) {
      const result = safeParse(schema, raw, { error: expectationErrorMap });
      return result.success
        ? { ok: true, mapped: map(result.data) }
        : { ok: false, issues: toEventIssues(result.error), cause: result.error };
    },
  };
}
