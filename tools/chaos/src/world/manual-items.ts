/**
 * Someone attaches an SCP or creates an assignment by hand (no event reports it): an unmanaged
 * item the product must leave alone even if a rule later asks for — or stops asking for — the
 * same.
 */
import { AttachPolicyCommand } from '@aws-sdk/client-organizations';
import { CreateAccountAssignmentCommand } from '@aws-sdk/client-sso-admin';
import type { AssignmentKey } from '@org/governance-runtime';
import { assignmentKey, attachmentKey } from './world-state';
import type { WorldChange, WorldTools } from './world-tools';

/** What exists now (so an item is only made by hand where none is). */
export interface ExistingItems {
  hasAttachment(accountId: string, policyId: string): boolean;
  hasAssignment(key: AssignmentKey): boolean;
}

/**
 * Attaches an SCP or creates an assignment by hand on an active account, when it does not exist.
 *
 * @example
 * ```ts
 * const change = await manualItem(tools, model);
 * ```
 */
export async function manualItem(tools: WorldTools, existing: ExistingItems): Promise<WorldChange> {
  const { random, state, setup } = tools;
  const account = random.pick(state.members().filter((a) => a.status === 'ACTIVE'));
  const base = state.base;
  if (random.chance(0.5)) {
    const policy = random.pick(base.policies.filter((p) => p.name !== 'FullAWSAccess'));
    if (existing.hasAttachment(account.id, policy.id)) return tools.single(null);
    await setup.clients.organizations.send(
      new AttachPolicyCommand({ PolicyId: policy.id, TargetId: account.id }),
    );
    state.unmanagedAttachments.set(attachmentKey(account.id, policy.id), tools.round);
    return tools.single(null, [{ targetId: account.id, policyId: policy.id }]);
  }
  const set = random.pick(base.permissionSets);
  const principal = random.pick(base.principals);
  const key: AssignmentKey = {
    accountId: account.id,
    permissionSetArn: set.arn,
    principalType: principal.type,
    principalId: principal.id,
  };
  if (existing.hasAssignment(key)) return tools.single(null);
  await setup.clients.ssoAdmin.send(
    new CreateAccountAssignmentCommand({
      InstanceArn: setup.instanceArn,
      TargetId: account.id,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: set.arn,
      PrincipalType: principal.type,
      PrincipalId: principal.id,
    }),
  );
  state.unmanagedAssignments.set(assignmentKey(key), tools.round);
  return { events: [], attachments: [], assignments: [key] };
}
