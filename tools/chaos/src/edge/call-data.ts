/**
 * SDK call inputs and outputs as plain data, and the fields the edge reads from them.
 */

/** A call's input or output, as plain data. */
export type CallData = Readonly<Record<string, unknown>>;

/**
 * A string field of a call's data (`''` when absent).
 *
 * @example
 * ```ts
 * textField({ PolicyId: 'p-1' }, 'PolicyId'); // 'p-1'
 * ```
 */
export function textField(data: CallData, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value : '';
}

/** The assignment an SSO Admin create/delete input names. */
export function assignmentOf(input: CallData): {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
} {
  return {
    accountId: textField(input, 'TargetId'),
    permissionSetArn: textField(input, 'PermissionSetArn'),
    principalType: textField(input, 'PrincipalType'),
    principalId: textField(input, 'PrincipalId'),
  };
}

/** A copy of a creation/deletion status output with other status fields. */
export function withStatus(output: CallData, field: string, status: CallData): CallData {
  const current = output[field];
  const base = typeof current === 'object' && current !== null ? (current as CallData) : {};
  return { ...output, [field]: { ...base, ...status } };
}
