/**
 * Every IAM role of synthesized stacks with every action it may perform: inline policies,
 * `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources attached through their `Roles`, and
 * managed policy ARNs. Functions are resolved to their role through the function's `Role`.
 */
import type { CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  asList,
  cfnText,
  referencedLogicalId,
  type CfnResource,
  type CfnResources,
} from './cfn-value';

/** A synthesized stack and its template. */
export interface SynthesizedStack {
  readonly stack: Stack;
  readonly template: Template;
}

/** A role the allow-list reviews, named by its key: a function's execution role or a role. */
export type ReviewedPrincipal =
  | { readonly key: string; readonly function: lambda.IFunction }
  | { readonly key: string; readonly role: iam.IRole };

/** One role of a template and what it may do. */
export interface ObservedRole {
  /** Allow-list key; `undefined` when no reviewed principal uses the role. */
  readonly key: string | undefined;
  /** Stack name. */
  readonly stackName: string;
  /** Logical id of the role. */
  readonly logicalId: string;
  /** Actions of its Allow statements (sorted, distinct). */
  readonly actions: readonly string[];
  /** `NotAction` lists of its Allow statements: everything but these is granted. */
  readonly notActions: readonly string[];
  /** Its explicit denies, each as `<action> on <resource>` (sorted, distinct). */
  readonly denies: readonly string[];
  /** Managed policy ARNs, and `customer managed <logical id>` for attached policy resources. */
  readonly managedPolicies: readonly string[];
}

/** The roles of a set of stacks, and what could not be attributed to any of them. */
export interface ObservedIam {
  readonly roles: readonly ObservedRole[];
  /** IAM identities or policies outside any role of the templates. */
  readonly unattributed: readonly string[];
}

/** An IAM policy document as synthesized. */
interface PolicyDocument {
  readonly Statement?: readonly {
    readonly Effect?: string;
    readonly Action?: unknown;
    readonly NotAction?: unknown;
    readonly Resource?: unknown;
  }[];
}

/** Logical id of a construct's CloudFormation resource. */
function logicalIdOf(stack: Stack, construct: lambda.IFunction | iam.IRole): string | undefined {
  const resource = construct.node.defaultChild;
  return resource === undefined ? undefined : stack.getLogicalId(resource as CfnElement);
}

/** Allow-list key of each role of one stack (through the function's `Role` for functions). */
function reviewedRoleKeys(
  synthesized: SynthesizedStack,
  resources: CfnResources,
  principals: readonly ReviewedPrincipal[],
  unattributed: string[],
): Map<string, string> {
  const { stack } = synthesized;
  const keys = new Map<string, string>();
  for (const principal of principals) {
    const construct = 'function' in principal ? principal.function : principal.role;
    if (construct.stack !== stack) continue;
    const ownId = logicalIdOf(stack, construct);
    const roleId =
      'function' in principal && ownId !== undefined
        ? referencedLogicalId(resources[ownId]?.Properties?.['Role'])
        : ownId;
    if (roleId === undefined || resources[roleId]?.Type !== 'AWS::IAM::Role') {
      unattributed.push(`${principal.key} in ${stack.stackName}: its role is not in the template`);
      continue;
    }
    keys.set(roleId, principal.key);
  }
  return keys;
}

/** Allow statements' actions and not-actions, and Deny statements' actions on resources. */
function grants(documents: readonly PolicyDocument[]): {
  actions: string[];
  notActions: string[];
  denies: string[];
} {
  const statements = documents.flatMap((doc) => doc.Statement ?? []);
  const allow = statements.filter((s) => s.Effect === 'Allow');
  const deny = statements.filter((s) => s.Effect === 'Deny');
  return {
    actions: allow.flatMap((s) => asList(s.Action).map(cfnText)),
    notActions: allow.flatMap((s) => asList(s.NotAction).map(cfnText)),
    denies: deny.flatMap((s) =>
      asList(s.Action).flatMap((action) =>
        asList(s.Resource).map((resource) => `${cfnText(action)} on ${cfnText(resource)}`),
      ),
    ),
  };
}

/** Sorted, distinct. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** The roles and unattributed IAM resources of one template. */
function observeStack(
  synthesized: SynthesizedStack,
  principals: readonly ReviewedPrincipal[],
): ObservedIam {
  const stackName = synthesized.stack.stackName;
  const resources = synthesized.template.toJSON()['Resources'] as CfnResources;
  const unattributed: string[] = [];
  const keys = reviewedRoleKeys(synthesized, resources, principals, unattributed);
  const documents = new Map<string, PolicyDocument[]>();
  const attachedPolicies = new Map<string, string[]>();
  const roleIds = Object.keys(resources).filter((id) => resources[id]?.Type === 'AWS::IAM::Role');
  for (const id of roleIds) {
    const policies = asList(resources[id]?.Properties?.['Policies']) as {
      PolicyDocument: PolicyDocument;
    }[];
    documents.set(
      id,
      policies.map((p) => p.PolicyDocument),
    );
    attachedPolicies.set(id, asList(resources[id]?.Properties?.['ManagedPolicyArns']).map(cfnText));
  }
  for (const [id, resource] of Object.entries(resources) as [string, CfnResource][]) {
    if (resource.Type === 'AWS::IAM::User' || resource.Type === 'AWS::IAM::Group') {
      unattributed.push(`${stackName}/${id}: an ${resource.Type}`);
    }
    if (resource.Type !== 'AWS::IAM::Policy' && resource.Type !== 'AWS::IAM::ManagedPolicy')
      continue;
    const properties = resource.Properties ?? {};
    if (asList(properties['Users']).length > 0 || asList(properties['Groups']).length > 0) {
      unattributed.push(`${stackName}/${id}: a policy attached to users or groups`);
    }
    for (const role of asList(properties['Roles'])) {
      const roleId = referencedLogicalId(role);
      if (roleId === undefined || !roleIds.includes(roleId)) {
        unattributed.push(
          `${stackName}/${id}: a policy attached to ${cfnText(role)}, outside the template`,
        );
        continue;
      }
      documents.get(roleId)?.push(properties['PolicyDocument'] as PolicyDocument);
      if (resource.Type === 'AWS::IAM::ManagedPolicy') {
        attachedPolicies.get(roleId)?.push(`customer managed ${id}`);
      }
    }
  }
  for (const [id, resource] of Object.entries(resources) as [string, CfnResource][]) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const roleId = referencedLogicalId(resource.Properties?.['Role']);
    if (roleId === undefined || !roleIds.includes(roleId)) {
      unattributed.push(`${stackName}/${id}: a function whose role is outside the template`);
    }
  }
  const roles = roleIds.map((id): ObservedRole => {
    const granted = grants(documents.get(id) ?? []);
    return {
      key: keys.get(id),
      stackName,
      logicalId: id,
      actions: distinct(granted.actions),
      notActions: distinct(granted.notActions),
      denies: distinct(granted.denies),
      managedPolicies: distinct(attachedPolicies.get(id) ?? []),
    };
  });
  return { roles, unattributed };
}

/**
 * Every role of the stacks with its actions, named by the reviewed principals that use it.
 *
 * @example
 * ```ts
 * const observed = observeIam([{ stack, template }], [{ key: 'reconciler', function: governance.reconciler }]);
 * observed.roles.find((role) => role.key === 'reconciler')?.actions;
 * ```
 */
export function observeIam(
  stacks: readonly SynthesizedStack[],
  principals: readonly ReviewedPrincipal[],
): ObservedIam {
  const observed = stacks.map((stack) => observeStack(stack, principals));
  return {
    roles: observed.flatMap((o) => o.roles),
    unattributed: observed.flatMap((o) => o.unattributed).sort(),
  };
}
