/**
 * The identity of an assignment: permission set + principal, as one string.
 *
 * @example
 * ```ts
 * assignmentKey({ permissionSetArn: 'arn:…/ps-1', principalType: 'GROUP', principalId: 'g-1' });
 * ```
 */
export function assignmentKey(a: {
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
}): string {
  return `${a.permissionSetArn}\u0000${a.principalType}\u0000${a.principalId}`;
}
