/**
 * Builds an app with one `OrgGovernance` stack (test helper). Each test file synthesizes once in
 * `beforeAll`: synthesis is the slow part.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { OrgGovernance, type OrgGovernanceProps } from '../../src';
import { FULL_CONFIG } from './governance-config';

/** The management account of the fixtures. */
export const MANAGEMENT_ACCOUNT = '111111111111';

/** A synthesized governance stack. */
export interface SynthesizedGovernance {
  readonly app: App;
  readonly stack: Stack;
  readonly governance: OrgGovernance;
  readonly template: Template;
}

/**
 * An `OrgGovernance` in us-east-1 of the management account with `FULL_CONFIG` and the given
 * props.
 */
export function synthGovernance(props: Partial<OrgGovernanceProps> = {}): SynthesizedGovernance {
  // CDK's built-in CloudFormation validation costs seconds per synth; the full-deployment test
  // keeps it on, these focused tests do not need it.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Governance', {
    env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
  });
  const governance = new OrgGovernance(stack, 'OrgGovernance', {
    governanceConfig: FULL_CONFIG,
    ...props,
  });
  return { app, stack, governance, template: Template.fromStack(stack) };
}

/** One IAM statement as synthesized, actions always a list. */
export interface SynthesizedStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** Every statement of the policies attached to a role (inline `Policies` and `AWS::IAM::Policy`). */
export function roleStatements(
  synth: SynthesizedGovernance,
  role: iam.IRole,
): SynthesizedStatement[] {
  const roleId = synth.stack.getLogicalId(role.node.defaultChild as never);
  const policies = synth.template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  const roleResource = synth.template.toJSON().Resources[roleId] as {
    Properties: { Policies?: { PolicyDocument: { Statement: SynthesizedStatement[] } }[] };
  };
  const documents = [
    ...Object.values(policies).map(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: SynthesizedStatement[] } } }).Properties
          .PolicyDocument,
    ),
    ...(roleResource.Properties.Policies ?? []).map((p) => p.PolicyDocument),
  ];
  return documents.flatMap((doc) =>
    doc.Statement.map((s) => ({
      ...s,
      Action: Array.isArray(s.Action) ? [...s.Action] : [s.Action as unknown as string],
    })),
  );
}

/** Every action of every Allow statement in the template (roles' inline policies and policies). */
export function allAllowedActions(template: Template): string[] {
  const resources = Object.values(
    template.toJSON().Resources as Record<
      string,
      { Type: string; Properties?: Record<string, unknown> }
    >,
  );
  const documents = resources.flatMap((r) => {
    if (r.Type === 'AWS::IAM::Policy') return [r.Properties?.PolicyDocument];
    if (r.Type === 'AWS::IAM::Role')
      return ((r.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map(
        (p) => p.PolicyDocument,
      );
    return [];
  }) as { Statement: { Effect: string; Action: string | string[] }[] }[];
  return documents.flatMap((doc) =>
    doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) =>
      Array.isArray(s.Action) ? s.Action : [s.Action],
    ),
  );
}
