/**
 * How the model and the chaos edge name an assignment scripted to fail (its creation ends
 * `FAILED` in moto and does not take effect in the model).
 */
import type { AssignmentKey } from '@org/governance-runtime';

/** `account#permissionSetArn#principalType#principalId`. */
export const itemKeyOf = (a: AssignmentKey): string =>
  `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`;
