/**
 * Forged work: messages nobody in the product sent, put straight on the operations queue by
 * someone who can call `SendMessage` on it. Each asks for something no rule justifies — detach
 * `FullAWSAccess`, grant administrator access citing a rule that does not exist, delete an
 * assignment made by hand — in the product's own message format. The worker must refuse every
 * one (`NotJustified`): none may take effect, and none may touch an unmanaged item.
 */
import type { OrgSnapshot } from '@org/scope-engine';
import type { SeededRandom } from '../random/seeded-random';
import { parseAssignmentKey, type WorldState } from '../world/world-state';

/** What a forged message asks for. */
export type ForgeryKind = 'detachFullAwsAccess' | 'grantAdminForUnknownRule' | 'deleteUnmanaged';

/** One forged queue message. */
export interface ForgedMessage {
  /** The cause it claims (its `eventId`), unique: the audit entries of the refusal carry it. */
  readonly id: string;
  readonly kind: ForgeryKind;
  /** The account it targets (message group). */
  readonly accountId: string;
  /** The operation, as the product's queue messages spell it. */
  readonly operation: Readonly<Record<string, unknown>>;
  /** What it asks for, for logs. */
  readonly label: string;
}

/** A rule id no governance version has. */
export const FORGED_RULE_ID = 'break-glass-forged';

type Structure = Pick<OrgSnapshot, 'policies' | 'permissionSets' | 'principals'>;

function detachFullAwsAccess(
  state: WorldState,
  structure: Structure,
  random: SeededRandom,
): Omit<ForgedMessage, 'id'> | null {
  const policyId =
    structure.policies.find((p) => p.name === 'FullAWSAccess')?.id ?? 'p-FullAWSAccess';
  // AWS attaches FullAWSAccess to every account; prefer those where the world saw it.
  const members = state.members();
  const seen = members.filter((a) => state.unmanagedAttachments.has(`${a.id}#${policyId}`));
  if (members.length === 0) return null;
  const account = random.pick(seen.length > 0 ? seen : members);
  return {
    kind: 'detachFullAwsAccess',
    accountId: account.id,
    // The v1 spelling of an SCP detach, which every version of the worker decodes.
    operation: { type: 'detachScp', accountId: account.id, policyId, ruleIds: ['baseline'] },
    label: `detach FullAWSAccess from ${account.name}`,
  };
}

function grantAdmin(
  state: WorldState,
  structure: Structure,
  random: SeededRandom,
): Omit<ForgedMessage, 'id'> | null {
  const admin = structure.permissionSets.find((ps) => ps.name === 'AdministratorAccess');
  // No governance version grants administrator access to the auditors: never justified.
  const principal = structure.principals.find((p) => p.type === 'GROUP' && p.name === 'Auditors');
  const accounts = state.members().filter((a) => a.status === 'ACTIVE');
  if (admin === undefined || principal === undefined || accounts.length === 0) return null;
  const account = random.pick(accounts);
  return {
    kind: 'grantAdminForUnknownRule',
    accountId: account.id,
    operation: {
      type: 'createAssignment',
      accountId: account.id,
      permissionSetArn: admin.arn,
      principalType: principal.type,
      principalId: principal.id,
      ruleIds: [FORGED_RULE_ID],
    },
    label: `grant AdministratorAccess to Auditors on ${account.name} citing ${FORGED_RULE_ID}`,
  };
}

function deleteUnmanaged(
  state: WorldState,
  random: SeededRandom,
): Omit<ForgedMessage, 'id'> | null {
  const members = new Set(state.members().map((a) => a.id));
  const keys = [...state.unmanagedAssignments.keys()]
    .sort()
    .filter((key) => members.has(parseAssignmentKey(key).accountId));
  if (keys.length === 0) return null;
  const assignment = parseAssignmentKey(random.pick(keys));
  return {
    kind: 'deleteUnmanaged',
    accountId: assignment.accountId,
    operation: { type: 'deleteAssignment', ...assignment, ruleIds: [] },
    label: `delete the assignment made by hand on ${state.account(assignment.accountId).name}`,
  };
}

/**
 * One forged message of each kind the world allows (an organization without assignments made by
 * hand gets none of that kind), with ids `forged-<n>-<kind>`.
 *
 * @example
 * ```ts
 * const forged = forgeMessages(world.state, world.state.structure(), random.fork('forged'), 1);
 * forged.map((m) => m.kind); // ['detachFullAwsAccess', 'grantAdminForUnknownRule', 'deleteUnmanaged']
 * ```
 */
export function forgeMessages(
  state: WorldState,
  structure: Structure,
  random: SeededRandom,
  batch: number,
): ForgedMessage[] {
  const drafts = [
    detachFullAwsAccess(state, structure, random),
    grantAdmin(state, structure, random),
    deleteUnmanaged(state, random),
  ];
  return drafts.flatMap((draft) =>
    draft === null ? [] : [{ ...draft, id: `forged-${batch}-${draft.kind}` }],
  );
}

/**
 * The queue message body of a forged message: the product's format (`{ eventId, operation }`).
 *
 * @example
 * ```ts
 * forgedBody(message); // '{"eventId":"forged-1-deleteUnmanaged","operation":{…}}'
 * ```
 */
export function forgedBody(message: ForgedMessage): string {
  return JSON.stringify({ eventId: message.id, operation: message.operation });
}
