/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 (wildcard permission) findings of exactly one policy
 * statement — in a policy resource of its own — with the reason written next to the statement. Uses only the
 * CDK-native `Validations.of(...).acknowledge` API, so the library does not depend on cdk-nag.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** A resolved CloudFormation value as cdk-nag flattens it for finding ids. */
type CfnValue = string | { readonly [key: string]: unknown } | readonly unknown[] | undefined;

/** Flattens a resolved reference exactly as cdk-nag does (`<LogicalId.Attr>`, `<AWS::Partition>`). */
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\${/g, '<').replace(/}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const value = node as Record<string, unknown>;
    if (Array.isArray(value['Fn::Join'])) {
      const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (value['Fn::Sub'] !== undefined) return flatten(value['Fn::Sub']);
    if (Array.isArray(value['Fn::GetAtt'])) {
      const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (value['Fn::ImportValue'] !== undefined) return flatten(value['Fn::ImportValue']);
    if (value['Ref'] !== undefined) return `<${flatten(value['Ref'])}>`;
  }
  return JSON.stringify(node);
}

/** Turns a single value or a list into a list. */
function asList(value: CfnValue): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}

/**
 * The AwsSolutions-IAM5 finding ids of one statement (`AwsSolutions-IAM5[Action::…]`,
 * `AwsSolutions-IAM5[Resource::…]`), as cdk-nag computes them.
 *
 * @example
 * ```ts
 * wildcardFindings(stack, new iam.PolicyStatement({ actions: ['support:CreateCase'], resources: ['*'] }));
 * // ['AwsSolutions-IAM5[Resource::*]']
 * ```
 */
export function wildcardFindings(scope: IConstruct, statement: iam.PolicyStatement): string[] {
  return findingsOf(Stack.of(scope).resolve(statement.toStatementJson()) as ResolvedStatement);
}

/** A statement as synthesized (tokens resolved). */
interface ResolvedStatement {
  readonly Action?: CfnValue;
  readonly Resource?: CfnValue;
}

/** The AwsSolutions-IAM5 finding ids of a resolved statement. */
function findingsOf(json: ResolvedStatement): string[] {
  const actions = asList(json.Action)
    .map(flatten)
    .filter((action) => action.includes('*'))
    .map((action) => `AwsSolutions-IAM5[Action::${action}]`);
  const resources = asList(json.Resource)
    .map(flatten)
    .filter((resource) => resource.includes('*'))
    .map((resource) => `AwsSolutions-IAM5[Resource::${resource}]`);
  return [...new Set([...actions, ...resources])];
}

/** The flattened actions and resources of a statement, for the acknowledgement's reason. */
function coverage(scope: IConstruct, statement: iam.PolicyStatement): string {
  return coverageOf(Stack.of(scope).resolve(statement.toStatementJson()) as ResolvedStatement);
}

/** The flattened actions and resources of a resolved statement. */
function coverageOf(json: ResolvedStatement): string {
  const actions = asList(json.Action).map(flatten).join(', ');
  const resources = asList(json.Resource).map(flatten).join(', ');
  return `${actions} on ${resources}`;
}

/**
 * Puts the statement in a policy of its own (attached to `role`, id = the statement's `sid`) and
 * acknowledges that policy's AwsSolutions-IAM5 wildcard findings there only, each reason naming
 * the actions and resources it covers. A wildcard added anywhere else — the role's default policy
 * included — stays a finding and fails synthesis.
 *
 * @example
 * ```ts
 * addJustifiedStatement(fn, role, supportCaseStatement(), 'AWS Support has no resource-level permissions.');
 * ```
 */
export function addJustifiedStatement(
  scope: IConstruct,
  role: iam.IRole,
  statement: iam.PolicyStatement,
  reason: string,
): iam.Policy {
  const policy = new iam.Policy(scope, statement.sid ?? 'JustifiedStatement', {
    statements: [statement],
    roles: [role],
  });
  const covers = coverage(scope, statement);
  for (const id of wildcardFindings(scope, statement)) {
    Validations.of(policy).acknowledge({ id, reason: `${reason} (covers ${covers})` });
  }
  return policy;
}

/**
 * Acknowledges the AwsSolutions-IAM5 findings of the statements CDK generated into `policy` (a
 * task's or a Distributed Map's grants) whose actions are all among `actions` — exactly those
 * findings, each reason naming what it covers. Any other wildcard in the policy stays a finding.
 *
 * @throws {Error} when `policy` is not an IAM policy (CDK moved its grants elsewhere).
 * @example
 * ```ts
 * acknowledgeGeneratedWildcards(role.node.tryFindChild('DefaultPolicy'), ['lambda:InvokeFunction'], 'Invokes its function only.');
 * ```
 */
export function acknowledgeGeneratedWildcards(
  policy: IConstruct | undefined,
  actions: readonly string[],
  reason: string,
): void {
  if (!(policy instanceof iam.Policy)) {
    throw new Error(`expected the IAM policy CDK generates for ${actions.join(', ')}`);
  }
  const document = Stack.of(policy).resolve(policy.document) as {
    readonly Statement?: readonly ResolvedStatement[];
  };
  for (const json of document.Statement ?? []) {
    const own = asList(json.Action).map(flatten);
    if (own.length === 0 || !own.every((action) => actions.includes(action))) continue;
    const covers = coverageOf(json);
    for (const id of findingsOf(json)) {
      Validations.of(policy).acknowledge({ id, reason: `${reason} (covers ${covers})` });
    }
  }
}
