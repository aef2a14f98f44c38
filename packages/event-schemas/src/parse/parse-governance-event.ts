import type { GovernanceParseOutcome } from '../domain/parse-result';
import { CloudTrailDetailTypeSchema, CloudTrailRoutingSchema } from '../envelope/cloudtrail-detail';
import { isOwnChange } from '../identity/own-change';
import { isIgnoredEvent } from '../schemas/mapped-event';
import { CHANGE_HANDLERS, type ChangeHandler } from './change-registry';
import { eventSizeIssue } from './event-size';
import { errorOutcome, ignoredOutcome } from './outcomes';
import { parseOrgEvent } from './parse-org-event';
import { safeParse } from './validation-error';
import { expectationErrorMap, toEventIssues } from './zod-issues';

/** Options of {@link parseGovernanceEvent}. */
export interface GovernanceParseOptions {
  /**
   * IAM role ARNs of the product (worker, reconciler, CLI roles): an out-of-band change made by
   * one of them — directly or through an assumed-role session — is ignored as `OwnChange`.
   */
  readonly productRoleArns?: readonly string[];
}

type RawEvent = Readonly<Record<string, unknown>>;

/** The handlers of `raw`'s source when it is a change event's source, else `undefined`. */
function changeHandlersOf(raw: unknown): ReadonlyMap<string, ChangeHandler> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { source, detail } = raw as RawEvent;
  const handlers = typeof source === 'string' ? CHANGE_HANDLERS.get(source) : undefined;
  if (handlers === undefined || source !== 'aws.organizations') return handlers;
  // Organizations events other than policy changes are parseOrgEvent's.
  const eventName =
    typeof detail === 'object' && detail !== null ? (detail as RawEvent).eventName : undefined;
  return typeof eventName === 'string' && handlers.has(eventName) ? handlers : undefined;
}

/** A string field of `object`, or `null`. */
function field(object: unknown, key: string): string | null {
  if (typeof object !== 'object' || object === null) return null;
  const value = (object as RawEvent)[key];
  return typeof value === 'string' ? value : null;
}

/** Parses a CloudTrail event of a change event's source. */
function parseChange(
  raw: RawEvent,
  handlers: ReadonlyMap<string, ChangeHandler>,
  options: GovernanceParseOptions,
): GovernanceParseOutcome {
  const eventId = field(raw, 'id');
  const sizeIssue = eventSizeIssue(raw);
  if (sizeIssue !== null) return errorOutcome(eventId, null, [sizeIssue]);
  if (!CloudTrailDetailTypeSchema.safeParse(raw['detail-type']).success) {
    const detail = `${String(raw.source)} detail-type "${String(raw['detail-type'])}" is not handled`;
    return ignoredOutcome('UnhandledEventName', eventId, field(raw, 'detail-type'), detail);
  }
  const routing = safeParse(CloudTrailRoutingSchema, raw, { error: expectationErrorMap });
  if (!routing.success) return errorOutcome(eventId, null, toEventIssues(routing.error));
  const { eventName, errorCode, errorMessage } = routing.data.detail;
  if (errorCode !== undefined && errorCode !== '') {
    const why = `${eventName} failed with ${errorCode}${errorMessage === undefined ? '' : `: ${errorMessage}`}`;
    return ignoredOutcome('ApiCallFailed', eventId, eventName, why);
  }
  const handler = handlers.get(eventName);
  if (handler === undefined) {
    const detail = `${String(raw.source)} event ${eventName} is not handled`;
    return ignoredOutcome('UnhandledEventName', eventId, eventName, detail);
  }
  const handled = handler.handle(raw);
  if (!handled.ok) return errorOutcome(eventId, eventName, handled.issues, handled.cause);
  const { mapped } = handled;
  if (isIgnoredEvent(mapped))
    return ignoredOutcome(mapped.ignored, eventId, eventName, mapped.detail);
  const own = options.productRoleArns ?? [];
  const outOfBand =
    mapped.type === 'PolicyChangedOutOfBand' || mapped.type === 'AssignmentChangedOutOfBand';
  if (outOfBand && isOwnChange(mapped.actor, own)) {
    const who = mapped.actor.arn ?? mapped.actor.sessionIssuerArn ?? 'a product role';
    return ignoredOutcome(
      'OwnChange',
      eventId,
      eventName,
      `${eventName} by ${who}, one of the product's roles`,
    );
  }
  return { kind: 'change', event: mapped };
}

/**
 * Parses one raw EventBridge event like {@link parseOrgEvent}, and also the events the planner
 * does not consume yet, as `{ kind: 'change', event }`: `AttachPolicy` / `DetachPolicy`
 * (`PolicyChangedOutOfBand`; root and OU targets ignored `NotAnAccount`),
 * `CreateAccountAssignment` / `DeleteAccountAssignment` (`AssignmentChangedOutOfBand`), Identity
 * Store `CreateGroup` / `CreateUser` (`DirectoryPrincipalCreated`) and `CreatePermissionSet`
 * (`PermissionSetCreated`). Out-of-band changes made by one of `options.productRoleArns` are
 * ignored (`OwnChange`). Never throws.
 *
 * @example
 * ```ts
 * const outcome = parseGovernanceEvent(raw, { productRoleArns: [workerRoleArn] });
 * if (outcome.kind === 'change') console.log(outcome.event.type); // 'PolicyChangedOutOfBand'
 * ```
 */
export function parseGovernanceEvent(
  raw: unknown,
  options: GovernanceParseOptions = {},
): GovernanceParseOutcome {
  const handlers = changeHandlersOf(raw);
  if (handlers === undefined) return parseOrgEvent(raw);
  return parseChange(raw as RawEvent, handlers, options);
}
