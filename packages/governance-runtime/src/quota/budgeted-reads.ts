import type { IdentityCenterPort } from '../ports/identity-center-port';

/** What a read waits on: one token of a rate budget. */
interface Budget {
  beforeRequest(): Promise<void>;
}

/**
 * The Identity Center port with its assignment reads counted against the instance's shared
 * rate: `listAssignments` takes one request token per permission set it reads (one
 * `ListAccountAssignments` call each) before reading, like every other admin API call. Other
 * members are the port's own. Callers that already take tokens for creates, deletes and status
 * checks (the worker) keep doing so; with this, no call of theirs bypasses the budget.
 *
 * @example
 * ```ts
 * const identityCenter = withBudgetedReads(adapter, quota);
 * await identityCenter.listAssignments(accountId, [permissionSetArn]); // waits for 1 token
 * ```
 */
export function withBudgetedReads<Port extends Pick<IdentityCenterPort, 'listAssignments'>>(
  port: Port,
  budget: Budget,
): Port {
  const listAssignments: IdentityCenterPort['listAssignments'] = async (accountId, arns) => {
    for (let i = 0; i < Math.max(1, arns?.length ?? 1); i += 1) await budget.beforeRequest();
    return port.listAssignments(accountId, arns);
  };
  return new Proxy(port, {
    get(target, property) {
      if (property === 'listAssignments') return listAssignments;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
