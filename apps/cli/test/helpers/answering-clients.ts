/**
 * A live run's AWS clients whose requests to one service are answered in place (with an error
 * naming what was not found) after the run's rate budget let them through, recording when each
 * left — to measure the pacing without any AWS endpoint.
 */
import { RATE_BUDGET_MIDDLEWARE } from '@org/aws-adapters';
import { createAwsClients } from '../../src/live/aws-clients';

/** The services whose requests a test answers in place. */
type AnsweredService = 'organizations' | 'identityStore';

/**
 * The clients of a run whose `service` requests fail with an error named `errorName` right after
 * the budget, each pushing `Date.now()` to `sent`.
 *
 * @example
 * ```ts
 * const clients = answeringClients(sent, 'organizations', 'AccountNotFoundException');
 * ```
 */
export function answeringClients(sent: number[], service: AnsweredService, errorName: string) {
  const clients = createAwsClients({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
  const answer = () => async () => {
    sent.push(Date.now());
    throw Object.assign(new Error(`answered in place: ${errorName}`), { name: errorName });
  };
  // After the budget's middleware (initialize, high), before credentials and signing.
  const options = {
    step: 'initialize' as const,
    priority: 'low' as const,
    name: `answer-${service}-in-place`,
  };
  if (service === 'organizations') clients.organizations.middlewareStack.add(answer, options);
  else clients.identityStore.middlewareStack.add(answer, options);
  return clients;
}

/** How many rate-budget middlewares a client's stack holds. */
export const budgetMiddlewares = (client: { middlewareStack: { identify(): string[] } }) =>
  client.middlewareStack.identify().filter((entry) => entry.startsWith(RATE_BUDGET_MIDDLEWARE))
    .length;
