import { findDuplicates } from '../problems/duplicates';
import { formatPath } from '../problems/format-path';
import type { PathSegment, Problem } from '../problems/problem';
import { at } from '../problems/zod-problems';
import { asRecord, recordsAt, stringAt } from '../source/raw-access';
import type { SourceDocument } from '../source/source-document';
import { templateLimitProblems } from './template-limits';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './templates';
import { webhookUrlProblem } from './webhook-url';
import { bareText, quoteText } from '../problems/quote-text';

const SECTIONS = ['scpRules', 'policyRules', 'assignmentRules', 'notifications'] as const;

/**
 * Checks what the shape cannot, on the raw document (so it runs even when the shape check fails):
 * rule and notification ids unique across every list, no policy listed twice in a rule, SCP slots
 * not given twice (`maxScpsPerTarget` and `maxPoliciesPerTarget.SERVICE_CONTROL_POLICY`), and
 * only known `{placeholders}` in notification templates, templates that fit what their target
 * accepts once rendered, and webhook destinations that are neither loopback, link-local nor
 * (without `allowPrivateNetwork`) private.
 */
export function checkConfig(doc: SourceDocument): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PathSegment[], message: string) => problems.push(at(doc, path, message));

  const ids = SECTIONS.flatMap((section) =>
    recordsAt(doc.value, section).flatMap(([i, item]) => {
      const id = stringAt(item, 'id');
      return id === undefined ? [] : [{ id, path: [section, i, 'id'] }];
    }),
  );
  for (const d of findDuplicates(ids, (x) => x.id)) {
    const first = ids[d.firstIndex];
    const again = ids[d.index];
    if (first && again)
      report(
        again.path,
        `duplicate id ${quoteText(d.key)} (first used at ${formatPath(first.path)})`,
      );
  }

  for (const section of ['scpRules', 'policyRules'] as const) {
    for (const [i, rule] of recordsAt(doc.value, section)) {
      const policies = rule['policies'];
      if (!Array.isArray(policies)) continue;
      for (const d of findDuplicates(policies, (p) => JSON.stringify(p))) {
        report([section, i, 'policies', d.index], `policy ${bareText(d.key)} is listed twice`);
      }
    }
  }
  const settings = asRecord(asRecord(doc.value)?.['settings']);
  const scpSlots = asRecord(settings?.['maxPoliciesPerTarget'])?.['SERVICE_CONTROL_POLICY'];
  if (settings?.['maxScpsPerTarget'] !== undefined && scpSlots !== undefined) {
    report(
      ['settings', 'maxPoliciesPerTarget', 'SERVICE_CONTROL_POLICY'],
      'SCP slots are given twice (also settings.maxScpsPerTarget): keep one',
    );
  }

  const allowed = TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  for (const [i, notification] of recordsAt(doc.value, 'notifications')) {
    const target = asRecord(notification['target']);
    for (const field of ['subject', 'body'] as const) {
      const template = stringAt(target, field);
      for (const name of template === undefined ? [] : unknownPlaceholders(template)) {
        report(
          ['notifications', i, 'target', field],
          `unknown placeholder {${bareText(name)}} (allowed: ${allowed})`,
        );
      }
    }
    const type = stringAt(target, 'type');
    const atTarget = (field: PathSegment, message: string) =>
      report(['notifications', i, 'target', field], message);
    if (type !== undefined) {
      const subject = stringAt(target, 'subject');
      const body = stringAt(target, 'body');
      templateLimitProblems(
        type,
        { ...(subject === undefined ? {} : { subject }), ...(body === undefined ? {} : { body }) },
        atTarget,
      );
    }
    const url = stringAt(target, 'url');
    const problem =
      type === 'webhook' && url !== undefined && /^https:\/\/[^\s]+$/.test(url)
        ? webhookUrlProblem(url, target?.['allowPrivateNetwork'] === true)
        : undefined;
    if (problem !== undefined) atTarget('url', problem);
  }
  return problems;
}
