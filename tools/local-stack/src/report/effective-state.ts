import type { IdMap } from '@org/emulators';
import { type OrgSnapshot } from '@org/scope-engine';
import { readFullSnapshot } from '@org/governance-runtime';
import {
  directoryAdapter,
  identityCenterAdapter,
  identityCenterTarget,
  organizationsAdapter,
  readReconcilerConfig,
} from '@org/handlers';
import type { LocalDeployment } from '../deployment/local-deployment';

/**
 * The organization as moto holds it now, read through the production adapters, with
 * `managedBy` from the provisioned state (and moto's duplicate assignment listings merged).
 *
 * @example
 * ```ts
 * const snapshot = await readEffectiveState(deployment);
 * ```
 */
export async function readEffectiveState(deployment: LocalDeployment): Promise<OrgSnapshot> {
  const config = readReconcilerConfig(deployment.environments.reconciler);
  const customizeClient = deployment.accountClientCustomizer;
  const target = { config, functionName: 'local-verification', customizeClient };
  const asAdministrator = identityCenterTarget(target);
  const identityCenter = identityCenterAdapter(asAdministrator);
  const { snapshot } = await readFullSnapshot(deployment.config, {
    organizations: organizationsAdapter(target),
    identityCenter,
    directory: directoryAdapter(asAdministrator, identityCenter),
    provisionedState: deployment.provisionedState,
  });
  return withoutDuplicateAssignments(snapshot);
}

/**
 * moto accepts `CreateAccountAssignment` for an assignment that already exists and then lists it
 * twice; IAM Identity Center holds assignments as a set. Keeps the first of each.
 */
function withoutDuplicateAssignments(snapshot: OrgSnapshot): OrgSnapshot {
  const seen = new Set<string>();
  const assignments = snapshot.assignments.filter((a) => {
    const key = `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...snapshot, assignments };
}

/**
 * A snapshot with the emulator's ids replaced by the example's (org.yaml) ids, so it reads like
 * the input and can be handed to `orgctl` with the original governance.yaml.
 *
 * @example
 * ```ts
 * writeFileSync('effective-org.json', JSON.stringify(toExampleIds(snapshot, deployment.ids)));
 * ```
 */
export function toExampleIds(snapshot: OrgSnapshot, ids: IdMap): OrgSnapshot {
  const back = (id: string) => ids.reverse(id);
  return {
    managementAccountId: back(snapshot.managementAccountId),
    rootId: back(snapshot.rootId),
    organizationalUnits: snapshot.organizationalUnits.map((ou) => ({
      ...ou,
      id: back(ou.id),
      parentId: back(ou.parentId),
    })),
    accounts: snapshot.accounts.map((account) => ({
      ...account,
      id: back(account.id),
      parentId: back(account.parentId),
    })),
    policies: snapshot.policies.map((policy) => ({ ...policy, id: back(policy.id) })),
    permissionSets: snapshot.permissionSets.map((set) => ({ ...set, arn: back(set.arn) })),
    principals: snapshot.principals.map((principal) => ({ ...principal, id: back(principal.id) })),
    attachments: snapshot.attachments.map((a) => ({
      ...a,
      targetId: back(a.targetId),
      policyId: back(a.policyId),
    })),
    assignments: snapshot.assignments.map((a) => ({
      ...a,
      accountId: back(a.accountId),
      permissionSetArn: back(a.permissionSetArn),
      principalId: back(a.principalId),
    })),
  };
}
