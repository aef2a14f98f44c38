/**
 * Wiring options whose AWS clients answer in place, for the specs that check how the functions'
 * requests share a rate budget (the Organizations and the Identity Center budgets).
 */
import type { Client, MetadataBearer } from '@smithy/types';
import { InMemoryQuotaStore, VirtualClock } from '@org/governance-runtime/testing';
import type { WiringOptions } from '../../src/shared/wiring-options';
import { testObservability } from './fixtures';

/** A request as it left its client: who sent it, the command and the virtual time. */
export interface SentRequest {
  readonly by: string;
  readonly command: string;
  readonly at: number;
}

/** Which clients answer in place, and how. */
export interface InPlaceAnswers {
  /** The middleware's name. */
  readonly name: string;
  /** Whether `client` is one of those that answer in place (the others are left as they are). */
  readonly answers: (client: unknown) => boolean;
  /**
   * The output of `command` for its `input` (without `$metadata`); it may throw the service's
   * error instead.
   */
  readonly output: (command: string, input: object) => object;
}

/**
 * One budget test's world: a virtual clock at 0, one quota store, the requests `sent`, and
 * `wiring(by)`, the wiring options of a function (`by` names it in `sent`) on that clock and store
 * whose clients `inPlace` accepts answer every request in place — recorded after the budget's
 * middleware let it through (initialize step, low priority: before credentials and signing).
 *
 * @example
 * ```ts
 * const { clock, sent, wiring } = answeringClients({
 *   name: 'answerOrganizationsInPlace',
 *   answers: (client) => client instanceof OrganizationsClient,
 *   output: () => ({}),
 * });
 * const worker = createWorkerDependencies(env, wiring('worker'));
 * ```
 */
export function answeringClients(inPlace: InPlaceAnswers) {
  const clock = new VirtualClock(0);
  const store = new InMemoryQuotaStore();
  const sent: SentRequest[] = [];
  const wiring = (by: string): WiringOptions => ({
    observability: testObservability(),
    clock,
    quotaStore: store,
    customizeClient: <Input extends object, Output extends MetadataBearer>(
      client: Client<Input, Output, unknown>,
    ) => {
      if (!inPlace.answers(client)) return;
      client.middlewareStack.add(
        (_next, context) => async (args) => {
          const command = context.commandName ?? '';
          sent.push({ by, command, at: clock.now() });
          const answer = inPlace.output(command, args.input);
          const output = { ...answer, $metadata: {} } as unknown as Output;
          return { output, response: {} };
        },
        { step: 'initialize', priority: 'low', name: inPlace.name },
      );
    },
  });
  return { clock, sent, wiring };
}
