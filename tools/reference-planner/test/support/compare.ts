/**
 * Plans of the engine and of the reference planner as sorted lines, and a readable report of
 * where they differ.
 */
import type { Operation, Skip } from '@org/scope-engine';
import type { RefChange, RefNotify, RefSkip } from '../../src';

/** One line per operation, every field that matters (rule ids sorted). */
export function operationLines(ops: readonly (Operation | RefChange | RefNotify)[]): string[] {
  return ops
    .map((op) => {
      switch (op.type) {
        case 'attachPolicy':
        case 'detachPolicy':
          return `${op.accountId} ${op.type} ${op.policyType} ${op.policyId} rules=[${[...op.ruleIds].sort().join(',')}]`;
        case 'createAssignment':
        case 'deleteAssignment':
          return `${op.accountId} ${op.type} ${op.permissionSetArn} ${op.principalType}:${op.principalId} rules=[${[...op.ruleIds].sort().join(',')}]`;
        case 'notify':
          return `${op.accountId} notify ${op.notificationId} ${op.targetType} "${op.subject}" "${op.body}"`;
      }
    })
    .sort();
}

/** One line per skip: account, rule and reason (the detail text is the engine's own wording). */
export function skipLines(skips: readonly (Skip | RefSkip)[]): string[] {
  return skips.map((s) => `${s.accountId} ${s.ruleId ?? '-'} ${s.reason}`).sort();
}

/** Lines only one side has, or `''` when both agree (multisets: a line twice counts twice). */
export function lineDifference(
  what: string,
  engine: readonly string[],
  reference: readonly string[],
): string {
  const left = [...engine];
  const onlyReference: string[] = [];
  for (const line of reference) {
    const at = left.indexOf(line);
    if (at === -1) onlyReference.push(line);
    else left.splice(at, 1);
  }
  if (left.length === 0 && onlyReference.length === 0) return '';
  return [
    `${what} differ:`,
    ...left.map((l) => `  only in engine:    ${l}`),
    ...onlyReference.map((l) => `  only in reference: ${l}`),
  ].join('\n');
}
