import type { ParseOutcome } from '../domain/parse-result';
import { CloudTrailDetailTypeSchema, CloudTrailRoutingSchema } from '../envelope/cloudtrail-detail';
import { isKnownSource } from '../envelope/eventbridge-envelope';
import {
  isOrganizationsAccountArn,
  TAG_CHANGE_DETAIL_TYPE,
  TAG_CHANGE_EVENT_NAME,
} from '../schemas/tag-change-on-resource';
import { eventSizeIssue } from './event-size';
import { errorOutcome, handledOutcome, ignoredOutcome } from './outcomes';
import { CONTROL_TOWER_HANDLERS, ORGANIZATIONS_HANDLERS, TAG_CHANGE_HANDLER } from './registry';
import { safeParse } from './validation-error';
import { expectationErrorMap, toEventIssues } from './zod-issues';

type RawEvent = Readonly<Record<string, unknown>>;

/** `true` for a JSON object (not null, not an array). */
function isJsonObject(raw: unknown): raw is RawEvent {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** A string field of a JSON object, or `null`. */
function stringField(object: unknown, key: string): string | null {
  if (!isJsonObject(object)) return null;
  const value = object[key];
  return typeof value === 'string' ? value : null;
}

/** Longest id or eventName an EventError about an oversized event repeats. */
const MAX_NAME_LENGTH = 256;

/** A string field no longer than {@link MAX_NAME_LENGTH}, or `null`. */
function shortField(object: unknown, key: string): string | null {
  const value = stringField(object, key);
  return value !== null && value.length <= MAX_NAME_LENGTH ? value : null;
}

/** The outcome for a `detail-type` the source does not route here. */
function unhandledDetailType(raw: RawEvent, eventId: string | null): ParseOutcome {
  const detailType = raw['detail-type'];
  if (typeof detailType !== 'string') {
    const issue = { path: '$["detail-type"]', expected: 'the EventBridge detail-type (a string)' };
    return errorOutcome(eventId, null, [issue]);
  }
  const detail = `${String(raw.source)} detail-type "${detailType}" is not handled`;
  return ignoredOutcome('UnhandledEventName', eventId, detailType, detail);
}

/** `aws.organizations` / `aws.controltower`: CloudTrail API calls and service events. */
function parseCloudTrail(
  raw: RawEvent,
  source: 'aws.organizations' | 'aws.controltower',
  eventId: string | null,
): ParseOutcome {
  if (!CloudTrailDetailTypeSchema.safeParse(raw['detail-type']).success) {
    return unhandledDetailType(raw, eventId);
  }
  const routing = safeParse(CloudTrailRoutingSchema, raw, { error: expectationErrorMap });
  if (!routing.success) {
    return errorOutcome(eventId, null, toEventIssues(routing.error), routing.error);
  }
  const { eventName, errorCode, errorMessage } = routing.data.detail;
  if (errorCode !== undefined && errorCode !== '') {
    const why = errorMessage === undefined ? '' : `: ${errorMessage}`;
    return ignoredOutcome(
      'ApiCallFailed',
      eventId,
      eventName,
      `${eventName} failed with ${errorCode}${why}`,
    );
  }
  const handlers = source === 'aws.organizations' ? ORGANIZATIONS_HANDLERS : CONTROL_TOWER_HANDLERS;
  const handler = handlers.get(eventName);
  if (handler === undefined) {
    const detail = `${source} event ${eventName} is not handled`;
    return ignoredOutcome('UnhandledEventName', eventId, eventName, detail);
  }
  return handledOutcome(handler.handle(raw), eventId, eventName);
}

/** The ignored outcome of a tag change about something other than an account. */
function tagChangeNotAnAccount(eventId: string | null, detail: string): ParseOutcome {
  return ignoredOutcome('NotAnAccount', eventId, TAG_CHANGE_EVENT_NAME, detail);
}

/**
 * `aws.tag`: only tag changes of Organizations accounts are handled. `service` and
 * `resource-type` may be absent (as on some EC2 events): a `resources[0]` that is not an
 * Organizations account ARN is ignored (`NotAnAccount`) either way.
 */
function parseTagChange(raw: RawEvent, eventId: string | null): ParseOutcome {
  if (raw['detail-type'] !== TAG_CHANGE_DETAIL_TYPE) return unhandledDetailType(raw, eventId);
  const service = stringField(raw.detail, 'service');
  const resourceType = stringField(raw.detail, 'resource-type');
  const saysAccount =
    service?.toLowerCase() === 'organizations' && resourceType?.toLowerCase() === 'account';
  if (service !== null && resourceType !== null && !saysAccount) {
    const detail = `tag change on ${service} resource-type ${resourceType}, not an Organizations account`;
    return tagChangeNotAnAccount(eventId, detail);
  }
  const first: unknown = Array.isArray(raw.resources) ? raw.resources[0] : undefined;
  if (typeof first === 'string' && !isOrganizationsAccountArn(first)) {
    return tagChangeNotAnAccount(eventId, `tag change on ${first}, not an Organizations account`);
  }
  if (typeof first !== 'string' && !saysAccount) {
    return tagChangeNotAnAccount(eventId, 'tag change naming no Organizations account ARN');
  }
  return handledOutcome(TAG_CHANGE_HANDLER.handle(raw), eventId, TAG_CHANGE_EVENT_NAME);
}

/**
 * Parses one raw EventBridge event (exactly as AWS delivers it) into a typed domain event, an
 * ignored outcome with its reason, or an {@link EventError} naming the event, each JSON path
 * and what was expected there. Never throws.
 *
 * Order of checks: JSON object → at most `MAX_EVENT_BYTES` (1 MiB) serialized (else an error at `$`)
 * → known `source` (else ignored `UnknownSource`) → for CloudTrail
 * events, `detail.errorCode` (ignored `ApiCallFailed`, before the rest of the detail is
 * validated) → known `eventName` (else ignored `UnhandledEventName`) → full schema validation.
 *
 * @example
 * ```ts
 * const outcome = parseOrgEvent(JSON.parse(body));
 * switch (outcome.kind) {
 *   case 'event': return plan(outcome.event);
 *   case 'ignored': return log.info(`ignored (${outcome.reason}): ${outcome.detail}`);
 *   case 'error': throw outcome.error; // to the DLQ and the failure topic
 * }
 * ```
 */
export function parseOrgEvent(raw: unknown): ParseOutcome {
  if (!isJsonObject(raw)) {
    return errorOutcome(null, null, [
      { path: '$', expected: 'an EventBridge event (a JSON object)' },
    ]);
  }
  const sizeIssue = eventSizeIssue(raw);
  if (sizeIssue !== null) {
    return errorOutcome(shortField(raw, 'id'), shortField(raw.detail, 'eventName'), [sizeIssue]);
  }
  const eventId = stringField(raw, 'id');
  const source = raw.source;
  if (typeof source !== 'string') {
    const issue = { path: '$.source', expected: 'the event source, e.g. "aws.organizations"' };
    return errorOutcome(eventId, stringField(raw.detail, 'eventName'), [issue]);
  }
  if (!isKnownSource(source)) {
    const name = stringField(raw.detail, 'eventName') ?? stringField(raw, 'detail-type');
    return ignoredOutcome('UnknownSource', eventId, name, `source ${source} is not handled`);
  }
  if (source === 'aws.tag') return parseTagChange(raw, eventId);
  return parseCloudTrail(raw, source, eventId);
}
