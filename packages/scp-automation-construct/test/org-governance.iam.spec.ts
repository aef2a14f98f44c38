/**
 * Least-privilege IAM of each function: exact actions, `Resource: '*'` only where the API
 * requires it, nothing forbidden anywhere.
 */
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { POLICY_TYPES, type GovernanceConfig } from '@org/scope-engine';
import { expectTemplate } from './support/expect-template';
import { FULL_CONFIG } from './support/governance-config';
import { unacknowledgedNagFindings } from './support/nag';
import {
  allAllowedActions,
  roleStatements,
  synthGovernance,
  type SynthesizedGovernance,
} from './support/synth';

/** The role of a function. */
function roleOf(fn: lambda.IFunction): iam.IRole {
  if (fn.role === undefined) throw new Error(`${fn.node.path} has no role`);
  return fn.role;
}

/**
 * Actions of a role's Allow statements, by statement id (CDK-generated statements under
 * '(cdk)'). The explicit denies every role carries are asserted in trust-boundaries.spec.ts.
 */
function actionsBySid(
  synth: SynthesizedGovernance,
  fn: lambda.IFunction,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const statement of roleStatements(synth, roleOf(fn)).filter((s) => s.Effect === 'Allow')) {
    const sid = statement.Sid ?? '(cdk)';
    result[sid] = [...(result[sid] ?? []), ...statement.Action].sort();
  }
  return result;
}

const KEY_USE = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];
const LEASED_MARKERS = [
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];
const QUOTA = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const IDENTITY_CENTER_READ = [
  'identitystore:DescribeGroup',
  'identitystore:DescribeUser',
  'identitystore:GetGroupId',
  'identitystore:GetUserId',
  'sso:DescribePermissionSet',
  'sso:ListAccountAssignments',
  'sso:ListAccountAssignmentsForPrincipal',
  'sso:ListPermissionSets',
];
/** `readAccountStructure`: the account, its OU path (ListParents up to the ROOT parent), SCPs. */
const ORGANIZATIONS_ACCOUNT_READ = [
  'organizations:DescribeAccount',
  'organizations:DescribeOrganization',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListParents',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
  'organizations:ListRoots',
  'organizations:ListTagsForResource',
];
/** `readSnapshotStructure`: the whole tree from the root, names from the listings. */
const ORGANIZATIONS_TREE_READ = [
  'organizations:DescribeOrganization',
  'organizations:ListAccountsForParent',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListPolicies',
  'organizations:ListPoliciesForTarget',
  'organizations:ListRoots',
  'organizations:ListTagsForResource',
  'organizations:ListTargetsForPolicy',
];

/** What every function's role allows: writing its own logs, reading the rules. */
const EVERY_FUNCTION = {
  WriteOwnLogs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  TableRules: ['dynamodb:GetItem', 'dynamodb:Query'],
};
/** What an asynchronously invoked function's role adds: sending its failed invocations on. */
const ASYNC_FUNCTION = { ...EVERY_FUNCTION, SendFailedInvocations: ['sqs:SendMessage'] };
/** What the functions that enqueue operations and report failures share. */
const ENQUEUES_AND_REPORTS = {
  EnqueueOperations: ['sqs:SendMessage'],
  ReportFailures: ['sns:Publish'],
  UseGovernanceKey: KEY_USE,
};

let synth: SynthesizedGovernance;
beforeAll(() => {
  synth = synthGovernance({ organizationId: 'o-exampleorg1' });
});

describe('statements of each function', () => {
  it('processor: reads one account, the stored directory view and state; describes new directory principals; forgets departed accounts; enqueues operations', () => {
    expect(actionsBySid(synth, synth.governance.orgEventsProcessor)).toStrictEqual({
      ...ASYNC_FUNCTION,
      // Records a new group, user or permission set in the stored directory view (PutItem).
      TableState: [
        'dynamodb:BatchWriteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ],
      TableAudit: ['dynamodb:PutItem'],
      TableIdempotency: LEASED_MARKERS,
      // Records who set or removed a tag; reads the account's ledger with trusted principals.
      TableTagLedger: ['dynamodb:PutItem', 'dynamodb:Query'],
      ...ENQUEUES_AND_REPORTS,
      // One account per event; the tree for the accounts of the rules waiting on a new principal.
      ReadOrganization: [
        ...ORGANIZATIONS_ACCOUNT_READ,
        'organizations:ListAccountsForParent',
        'organizations:ListOrganizationalUnitsForParent',
        'organizations:ListTargetsForPolicy',
      ].sort(),
      DescribeDirectoryPrincipals: ['identitystore:DescribeGroup', 'identitystore:DescribeUser'],
    });
  });

  it('worker: re-reads the account, attaches/detaches SCPs, creates/deletes assignments, consumes the queue', () => {
    expect(actionsBySid(synth, synth.governance.operationsWorker)).toStrictEqual({
      ...EVERY_FUNCTION,
      TableState: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      TableAudit: ['dynamodb:PutItem'],
      TableIdempotency: QUOTA,
      TableTagLedger: ['dynamodb:Query'],
      ...ENQUEUES_AND_REPORTS,
      // The level-triggered check re-reads the account before executing.
      ReadOrganization: ORGANIZATIONS_ACCOUNT_READ,
      AttachAndDetachPoliciesOnAccounts: [
        'organizations:AttachPolicy',
        'organizations:DetachPolicy',
      ],
      DiscoverIdentityCenterInstance: ['sso:ListInstances'],
      ManageAccountAssignments: [
        'sso:CreateAccountAssignment',
        'sso:DeleteAccountAssignment',
        'sso:DescribeAccountAssignmentCreationStatus',
        'sso:DescribeAccountAssignmentDeletionStatus',
        'sso:ListAccountAssignments',
      ],
      '(cdk)': [
        'kms:Decrypt',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
      ],
    });
  });

  it('notifier: re-reads the account; Support cases, exactly the configured webhook secrets and SNS topics', () => {
    expect(actionsBySid(synth, synth.governance.vendingNotifier)).toStrictEqual({
      ...ASYNC_FUNCTION,
      TableAudit: ['dynamodb:PutItem', 'dynamodb:Query'],
      TableIdempotency: LEASED_MARKERS,
      ReportFailures: ['sns:Publish'],
      UseGovernanceKey: KEY_USE,
      ReadOrganization: ORGANIZATIONS_ACCOUNT_READ,
      OpenSupportCases: ['support:CreateCase'],
      ReadWebhookSecrets: ['secretsmanager:GetSecretValue'],
      PublishToNotificationTopics: ['sns:Publish'],
    });
    const statements = roleStatements(synth, roleOf(synth.governance.vendingNotifier));
    expect(statements.find((s) => s.Sid === 'ReadWebhookSecrets')?.Resource).toBe(
      'arn:aws:secretsmanager:us-east-1:111111111111:secret:cmdb-hmac-??????',
    );
    expect(statements.find((s) => s.Sid === 'PublishToNotificationTopics')?.Resource).toBe(
      'arn:aws:sns:us-east-1:111111111111:billing-accounts',
    );
  });

  it('reconciler: reads the whole organization and Identity Center; stores the directory view; repairs through the queue', () => {
    expect(actionsBySid(synth, synth.governance.reconciler)).toStrictEqual({
      ...ASYNC_FUNCTION,
      TableState: [
        'dynamodb:BatchWriteItem',
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:Scan',
      ],
      TableAudit: ['dynamodb:PutItem'],
      // The shared quota and a sharded run's checkpoints.
      TableIdempotency: [
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ],
      // A shard's accounts (Query) or the whole ledger (Scan).
      TableTagLedger: ['dynamodb:Query', 'dynamodb:Scan'],
      ...ENQUEUES_AND_REPORTS,
      ReadOrganization: ORGANIZATIONS_TREE_READ,
      DiscoverIdentityCenterInstance: ['sso:ListInstances'],
      ReadIdentityCenter: IDENTITY_CENTER_READ,
    });
  });
});

describe('resources', () => {
  it('limits AttachPolicy/DetachPolicy to policies of every type on accounts of the organization', () => {
    const statement = roleStatements(synth, roleOf(synth.governance.operationsWorker)).find(
      (s) => s.Sid === 'AttachAndDetachPoliciesOnAccounts',
    );
    expect(statement?.Condition).toStrictEqual({
      StringEquals: { 'organizations:PolicyType': [...POLICY_TYPES] },
    });
    const arn = (tail: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, tail]],
    });
    const types = POLICY_TYPES.map((type) => type.toLowerCase());
    expect(synth.stack.resolve(statement?.Resource)).toStrictEqual([
      arn(':organizations::111111111111:account/o-exampleorg1/*'),
      ...types.map((type) => arn(`:organizations::111111111111:policy/o-exampleorg1/${type}/*`)),
      ...types.map((type) => arn(`:organizations::aws:policy/${type}/*`)),
    ]);
    expect(types).toEqual(
      expect.arrayContaining(['service_control_policy', 'resource_control_policy', 'tag_policy']),
    );
  });

  it("uses Resource '*' only for APIs without resource-level permissions", () => {
    const star = [
      synth.governance.orgEventsProcessor,
      synth.governance.operationsWorker,
      synth.governance.vendingNotifier,
      synth.governance.reconciler,
    ]
      .flatMap((fn) => roleStatements(synth, roleOf(fn)))
      .filter((s) => s.Resource === '*')
      .map((s) => s.Sid);
    expect([...new Set(star)].sort()).toStrictEqual([
      'DiscoverIdentityCenterInstance',
      'OpenSupportCases',
      'ReadIdentityCenter',
      'ReadOrganization',
    ]);
  });

  it('grants table actions on the tables only, never on an index (no function queries one)', () => {
    const resources = [
      synth.governance.orgEventsProcessor,
      synth.governance.operationsWorker,
      synth.governance.vendingNotifier,
      synth.governance.reconciler,
    ]
      .flatMap((fn) => roleStatements(synth, roleOf(fn)))
      .filter((s) => s.Sid?.startsWith('Table'))
      .map((s) => JSON.stringify(synth.stack.resolve(s.Resource)));
    // 4 + 3 + 3 + 5 tables (the tag ledger: processor, worker, reconciler).
    expect(resources.length).toBe(18);
    expect(resources.filter((resource) => resource.includes('/index/'))).toStrictEqual([]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing unacknowledged when the functions discover the instance (ListInstances on *)', () => {
    expect(actionsBySid(synth, synth.governance.reconciler)).toHaveProperty(
      'DiscoverIdentityCenterInstance',
    );
    expect(unacknowledgedNagFindings(synth.app)).toStrictEqual([]);
  });
});

describe('forbidden actions', () => {
  it.each([
    ['no action is "*"', (action: string) => action === '*'],
    [
      'no service-wide wildcard such as iam:* or organizations:*',
      (action: string) => /^[a-z0-9-]+:\*$/.test(action),
    ],
    ['no iam: action at all by default', (action: string) => action.startsWith('iam:')],
    [
      'never organizations:DeleteOrganization',
      (action: string) => action === 'organizations:DeleteOrganization',
    ],
    [
      'never organizations:LeaveOrganization',
      (action: string) => action === 'organizations:LeaveOrganization',
    ],
    ['never sso:DeletePermissionSet', (action: string) => action === 'sso:DeletePermissionSet'],
  ])('%s', (_name, forbidden) => {
    expect(allAllowedActions(synth.template).filter(forbidden)).toStrictEqual([]);
  });
});

describe('variants', () => {
  it('with includeManagementAccount, the worker may provision only Identity Center roles in the management account', () => {
    const config: GovernanceConfig = {
      ...FULL_CONFIG,
      settings: { ...FULL_CONFIG.settings, includeManagementAccount: true },
    };
    const variant = synthGovernance({ governanceConfig: config, identityCenterRoleArn: undefined });
    const statement = roleStatements(variant, roleOf(variant.governance.operationsWorker)).find(
      (s) => s.Sid === 'ProvisionIdentityCenterRolesInManagementAccount',
    );
    expect(
      statement?.Action.every((action) => action.startsWith('iam:') && !action.includes('*')),
    ).toBe(true);
    expect(variant.stack.resolve(statement?.Resource)).toStrictEqual([
      {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':iam::111111111111:role/aws-reserved/sso.amazonaws.com/*',
          ],
        ],
      },
      {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':iam::111111111111:saml-provider/AWSSSO_*_DO_NOT_DELETE',
          ],
        ],
      },
    ]);
    expect(
      allAllowedActions(variant.template).filter((a) => a === '*' || a === 'iam:*'),
    ).toStrictEqual([]);
  });

  it('with a delegated-administrator role, only the worker, the reconciler and the processor assume exactly it; no function holds Identity Center permissions', () => {
    const roleArn = 'arn:aws:iam::333333333333:role/OrgGovernanceIdentityCenter';
    const variant = synthGovernance({ identityCenterRoleArn: roleArn });
    const identityCenterOrAssume = (fn: lambda.IFunction) =>
      roleStatements(variant, roleOf(fn)).filter((s) =>
        s.Action.some(
          (a) => a.startsWith('sso:') || a.startsWith('identitystore:') || a.startsWith('sts:'),
        ),
      );
    for (const fn of [
      variant.governance.operationsWorker,
      variant.governance.reconciler,
      variant.governance.orgEventsProcessor,
    ]) {
      expect(identityCenterOrAssume(fn)).toStrictEqual([
        {
          Sid: 'AssumeIdentityCenterRole',
          Effect: 'Allow',
          Action: ['sts:AssumeRole'],
          Resource: roleArn,
        },
      ]);
    }
    expect(identityCenterOrAssume(variant.governance.vendingNotifier)).toStrictEqual([]);
    expectTemplate(variant.template).toHaveResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { SSO_ROLE_ARN: roleArn } },
    });
  });

  it('with ssoInstanceArn and identityStoreId, no function may ListInstances', () => {
    const variant = synthGovernance({
      ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      identityStoreId: 'd-1234567890',
    });
    expect(allAllowedActions(variant.template)).not.toContain('sso:ListInstances');
    const worker = actionsBySid(variant, variant.governance.operationsWorker);
    const reconciler = actionsBySid(variant, variant.governance.reconciler);
    expect(worker['ManageAccountAssignments']).toHaveLength(5);
    expect(reconciler['ReadIdentityCenter']).toStrictEqual(IDENTITY_CENTER_READ);
  });

  it('without Identity Center roles, the notifier never gets Identity Center or STS actions, the processor only DescribeGroup/DescribeUser in the management account', () => {
    const actions = roleStatements(synth, roleOf(synth.governance.vendingNotifier)).flatMap(
      (s) => s.Action,
    );
    expect(actions.filter((a) => /^(sso|identitystore|sts):/.test(a))).toStrictEqual([]);
    const processor = roleStatements(synth, roleOf(synth.governance.orgEventsProcessor)).filter(
      (s) => s.Action.some((a) => /^(sso|identitystore|sts):/.test(a)),
    );
    expect(synth.stack.resolve(processor)).toStrictEqual([
      {
        Sid: 'DescribeDirectoryPrincipals',
        Effect: 'Allow',
        Action: ['identitystore:DescribeGroup', 'identitystore:DescribeUser'],
        Resource: [
          {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':identitystore::111111111111:identitystore/*'],
            ],
          },
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':identitystore:::group/*']] },
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':identitystore:::user/*']] },
        ],
      },
    ]);
  });
});
