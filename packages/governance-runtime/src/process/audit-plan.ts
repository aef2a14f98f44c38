import type { Plan } from '@org/scope-engine';
import type { AuditEntry, AuditLog } from '../ports/audit-log';

/**
 * Appends the audit entries of a planned (or ignored) event or reconcile run: one summary entry
 * (`planned` with counts, or `ignored` with the reason) and one `skipped` entry per skip.
 *
 * @example
 * ```ts
 * await auditPlan(audit, { eventId, at, type: 'plan' }, plan);
 * ```
 */
export async function auditPlan(
  audit: Pick<AuditLog, 'append'>,
  context: { readonly eventId: string; readonly at: string; readonly type: 'plan' | 'reconcile' },
  plan: Plan,
): Promise<void> {
  const accountId = plan.event?.accountId ?? null;
  const summary: AuditEntry = {
    eventId: context.eventId,
    type: context.type,
    at: context.at,
    accountId,
    outcome: plan.ignored === null ? 'planned' : 'ignored',
    ruleIds: [],
    planSummary: { operations: plan.operations.length, skipped: plan.skipped.length },
    ...(plan.ignored === null ? {} : { detail: plan.ignored }),
  };
  const entries: AuditEntry[] = [
    summary,
    ...plan.skipped.map((skip): AuditEntry => ({
      eventId: context.eventId,
      type: context.type,
      at: context.at,
      accountId: skip.accountId,
      outcome: 'skipped',
      ruleIds: skip.ruleId === null ? [] : [skip.ruleId],
      detail: `${skip.reason}: ${skip.detail}`,
    })),
  ];
  for (const entry of entries) {
    await audit.append(entry);
  }
}
