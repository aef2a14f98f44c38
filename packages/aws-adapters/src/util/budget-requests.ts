/**
 * Takes every request an SDK client sends from the service's shared rate budget.
 */
import type { Client, MetadataBearer } from '@smithy/types';

/** What a request waits on: one token of a rate budget (`RateBudget`, `IdentityCenterQuota`). */
export interface RequestBudget {
  beforeRequest(): Promise<void>;
}

/** The budget a command (e.g. `ListAccountsCommand`) is taken from; `undefined`: not budgeted. */
export type BudgetFor = (commandName: string) => RequestBudget | undefined;

/** The name under which {@link budgetRequests} adds its middleware. */
export const RATE_BUDGET_MIDDLEWARE = 'orgGovernanceRateBudget';

/**
 * Adds a middleware to the start of a client's stack that waits for a token of the command's
 * budget before each request, so every caller that shares the budget's store (worker, reconciler
 * shards, processor, CLI) shares the service's rate. Every call through the client counts,
 * pagination included; retries count when they go through the client again, so pair the client
 * with `maxAttempts: 1` and the adapters' own retry policy to count them all.
 *
 * @example
 * ```ts
 * budgetRequests(ssoAdmin, () => budgets.identityCenter);
 * budgetRequests(organizations, organizationsBudget(budgets));
 * ```
 */
export function budgetRequests<Input extends object, Output extends MetadataBearer>(
  client: Client<Input, Output, unknown>,
  budgetFor: BudgetFor,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      await budgetFor(context.commandName ?? '')?.beforeRequest();
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: RATE_BUDGET_MIDDLEWARE },
  );
}

/**
 * `true` when `client` already has the middleware {@link budgetRequests} adds (a client shared by
 * several runs is budgeted once).
 *
 * @example
 * ```ts
 * if (!hasRateBudget(ssoAdmin)) budgetRequests(ssoAdmin, () => budgets.identityCenter);
 * ```
 */
export function hasRateBudget(client: {
  readonly middlewareStack: { identify(): string[] };
}): boolean {
  return client.middlewareStack
    .identify()
    .some((entry) => entry.startsWith(RATE_BUDGET_MIDDLEWARE));
}

/** `true` for a read-only Organizations command (`List…`, `Describe…`). */
export function isReadCommand(commandName: string): boolean {
  return /^(List|Describe|Get)/.test(commandName);
}

/**
 * Organizations commands split between the read and the write budget.
 *
 * @example
 * ```ts
 * budgetRequests(organizations, organizationsBudget(budgets));
 * ```
 */
export function organizationsBudget(budgets: {
  readonly organizationsReads: RequestBudget;
  readonly organizationsWrites: RequestBudget;
}): BudgetFor {
  return (commandName) =>
    isReadCommand(commandName) ? budgets.organizationsReads : budgets.organizationsWrites;
}
