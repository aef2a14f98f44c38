/**
 * Exact acknowledgements: each wildcard is acknowledged on the one policy that holds its
 * statement, so a new wildcard anywhere fails; with the documented props (tracing, VPC, backup
 * plan) the Serverless and NIST 800-53 R5 packs find nothing unacknowledged in the construct.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { OrgGovernance, type OrgGovernanceProps } from '../src';
import { FULL_CONFIG } from './support/governance-config';

/** An `OrgGovernance` in a fresh stack; `extra` adds the consumer's own resources. */
function governance(
  props: (stack: Stack) => Partial<OrgGovernanceProps> = () => ({}),
): OrgGovernance {
  process.env['JSII_DEPRECATED'] = 'quiet';
  const stack = new Stack(new App(), 'Central', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  return new OrgGovernance(stack, 'OrgGovernance', {
    governanceConfig: FULL_CONFIG,
    organizationId: 'o-exampleorg1',
    organizationTrail: true,
    ...props(stack),
  });
}

/** `rule @ path` of each unacknowledged finding of `pack` in the construct. */
function findings(
  pack: AwsSolutionsChecks | ServerlessChecks | NIST80053R5Checks,
  scope: OrgGovernance,
): string[] {
  return pack
    .validateScope(scope)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`),
    )
    .sort();
}

describe('a wildcard nobody acknowledged', () => {
  it.each([
    ['s3:GetObject', '*'],
    ['secretsmanager:GetSecretValue', '*'],
  ])('%s on %s added to the worker fails AwsSolutions', (action, resource) => {
    const g = governance();
    g.operationsWorker.addToRolePolicy(
      new iam.PolicyStatement({ actions: [action], resources: [resource] }),
    );
    expect(findings(new AwsSolutionsChecks(), g)).toStrictEqual([
      'AwsSolutions-IAM5[Resource::*] @ Central/OrgGovernance/Functions/OperationsWorker/Role/DefaultPolicy/Resource',
    ]);
  });

  it('is clean before the addition, with every reason naming what it covers', () => {
    const g = governance();
    const reasons = g.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-IAM5'));
    expect(findings(new AwsSolutionsChecks(), g)).toStrictEqual([]);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter(([, reason]) => !/\(covers .+ on .+\)$/.test(reason))).toStrictEqual([]);
  });
});

describe('stricter packs with the documented props', () => {
  let g: OrgGovernance;
  beforeAll(() => {
    g = governance((stack) => {
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-0123456789abcdef0',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        privateSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      });
      return {
        functionDefaults: { tracing: lambda.Tracing.ACTIVE, vpc },
        backupPlan: backup.BackupPlan.dailyWeeklyMonthly5YearRetention(stack, 'Backups'),
      };
    });
  });

  it.each([
    ['Serverless', () => new ServerlessChecks()],
    ['NIST 800-53 R5', () => new NIST80053R5Checks()],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
  ])('%s reports nothing unacknowledged', (_name, pack) => {
    expect(findings(pack(), g)).toStrictEqual([]);
  });
});
