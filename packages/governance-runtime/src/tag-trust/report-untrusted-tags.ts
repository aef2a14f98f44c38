/**
 * Alerts on `UntrustedTag` skips: an `accountTag` rule did not apply because no trusted principal
 * set the account's tag value (someone else tagged it, or the value predates tag trust).
 */
import type { Skip } from '@org/scope-engine';
import type { FailureReporter } from '../failure-reporter';

/** Skips alerted one by one; more than this in one plan are alerted together in one report. */
export const UNTRUSTED_TAG_REPORTS_PER_PLAN = 10;

/** The `UntrustedTag` skips of a plan. */
export function untrustedTagSkips(skipped: readonly Skip[]): Skip[] {
  return skipped.filter((skip) => skip.reason === 'UntrustedTag');
}

/** One skip, for a human. */
function describe(skip: Skip): string {
  return `rule ${skip.ruleId ?? '(none)'} on account ${skip.accountId}: ${skip.detail}`;
}

/**
 * Reports each `UntrustedTag` skip to the failure topic (kind `UntrustedTag`): the first
 * {@link UNTRUSTED_TAG_REPORTS_PER_PLAN} one by one, the rest in one more report. Returns how
 * many skips there were. Without a reporter nothing is sent (the audit still has every skip).
 *
 * @example
 * ```ts
 * await reportUntrustedTags(deps.failures, eventId, plan.skipped);
 * ```
 */
export async function reportUntrustedTags(
  failures: Pick<FailureReporter, 'report'> | undefined,
  eventId: string | null,
  skipped: readonly Skip[],
): Promise<number> {
  const untrusted = untrustedTagSkips(skipped);
  if (failures === undefined) return untrusted.length;
  const single = untrusted.slice(0, UNTRUSTED_TAG_REPORTS_PER_PLAN);
  for (const skip of single) {
    await failures.report({
      kind: 'UntrustedTag',
      eventId,
      accountId: skip.accountId,
      reason: `UntrustedTag: ${describe(skip)}`,
    });
  }
  const rest = untrusted.slice(UNTRUSTED_TAG_REPORTS_PER_PLAN);
  if (rest.length > 0) {
    await failures.report({
      kind: 'UntrustedTag',
      eventId,
      accountId: null,
      reason: `UntrustedTag: ${rest.length} more: ${rest
        .slice(0, 50)
        .map(describe)
        .join('; ')}${rest.length > 50 ? '; …' : ''}`,
    });
  }
  return untrusted.length;
}
