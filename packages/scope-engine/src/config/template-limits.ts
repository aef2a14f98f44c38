import type { PathSegment } from '../problems/problem';
import { NAME_LIMITS } from '../schema/text-schemas';
import { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from './templates';

/** The CloudTrail / EventBridge event names behind the events a notification can listen to. */
const NOTIFIED_EVENT_NAMES = [
  'CreateManagedAccount',
  'UpdateManagedAccount',
  'CreateAccountResult',
  'AcceptHandshake',
  'AccountJoinedOrganization',
];

/** The longest value each placeholder can render as (AWS limits on ids and names). */
const LONGEST_VALUE: Readonly<Record<TemplatePlaceholder, number>> = {
  accountId: 12,
  accountName: NAME_LIMITS.accountName,
  // ou-<4-32>-<8-32>
  ouId: 3 + 32 + 1 + 32,
  ouName: NAME_LIMITS.ouName,
  eventName: Math.max(...NOTIFIED_EVENT_NAMES.map((name) => name.length)),
};

/** What each notification target accepts, in characters (or UTF-8 bytes where `bytes`). */
export interface TargetTextLimits {
  readonly subject?: { readonly max: number; readonly bytes?: boolean; readonly oneLine?: boolean };
  readonly body?: { readonly max: number; readonly bytes?: boolean };
}

/**
 * What AWS accepts per target: SNS subjects are one line of at most 100 characters and messages
 * at most 256 KB (262,144 bytes); a Support case's `communicationBody` is at most 8,000 characters
 * and its subject is kept to 250. Webhook bodies are not limited.
 */
export const TARGET_TEXT_LIMITS: Readonly<Record<string, TargetTextLimits>> = {
  sns: { subject: { max: 100, oneLine: true }, body: { max: 262_144, bytes: true } },
  supportCase: { subject: { max: 250, oneLine: true }, body: { max: 8000 } },
  webhook: {},
};

const PLACEHOLDER = /\{([^{}\s]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);

/**
 * The longest `template` can render: its text with each known placeholder replaced by the longest
 * value it can take, in UTF-16 units, or in UTF-8 bytes with `bytes` (a value's unit is at most 3 bytes).
 *
 * @example
 * ```ts
 * longestRendering('Account {accountId}'); // 20
 * ```
 */
export function longestRendering(template: string, bytes = false): number {
  let values = 0;
  const literal = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    values += LONGEST_VALUE[name as TemplatePlaceholder] * (bytes ? 3 : 1);
    return '';
  });
  return (bytes ? Buffer.byteLength(literal, 'utf8') : literal.length) + values;
}

/**
 * Problems of one notification target's templates: a subject or body that can render longer than
 * the target accepts, or a subject with a line break where it must be one line.
 */
export function templateLimitProblems(
  targetType: string,
  templates: { readonly subject?: string; readonly body?: string },
  report: (field: PathSegment, message: string) => void,
): void {
  const limits = TARGET_TEXT_LIMITS[targetType];
  if (limits === undefined) return;
  for (const field of ['subject', 'body'] as const) {
    const limit = limits[field];
    const template = templates[field];
    if (limit === undefined || template === undefined) continue;
    if (field === 'subject' && limits.subject?.oneLine === true && /[\r\n]/.test(template)) {
      report(field, `a ${targetType} subject must be one line (it contains a line break)`);
    }
    const bytes = 'bytes' in limit && limit.bytes === true;
    const longest = longestRendering(template, bytes);
    if (longest > limit.max) {
      const unit = bytes ? 'bytes' : 'characters';
      report(
        field,
        `can render up to ${longest.toLocaleString('en-US')} ${unit} with the longest names AWS allows; ${targetType} accepts at most ${limit.max.toLocaleString('en-US')}`,
      );
    }
  }
}
