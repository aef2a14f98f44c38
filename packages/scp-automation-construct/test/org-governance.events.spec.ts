/**
 * EventBridge rules of `OrgGovernance`: every handled event name is matched, failed API calls
 * (errorCode) are filtered out, and the central bus admits only the organization.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { expectTemplate } from './support/expect-template';
import { synthGovernance, type SynthesizedGovernance } from './support/synth';

/**
 * Every raw event name the product handles, with its source and the functions it must reach. FULL_CONFIG
 * notifies on AccountCreated (CreateAccountResult) and AccountJoined (AcceptHandshake), so the
 * notifier receives those too.
 */
const SPEC_EVENTS: readonly [string, string, readonly ('processor' | 'notifier')[]][] = [
  ['CreateAccountResult', 'aws.organizations', ['processor', 'notifier']],
  ['AcceptHandshake', 'aws.organizations', ['processor', 'notifier']],
  ['MoveAccount', 'aws.organizations', ['processor']],
  ['TagResource', 'aws.organizations', ['processor']],
  ['UntagResource', 'aws.organizations', ['processor']],
  ['RemoveAccountFromOrganization', 'aws.organizations', ['processor']],
  ['CloseAccountResult', 'aws.organizations', ['processor']],
  ['CreateOrganizationalUnit', 'aws.organizations', ['processor']],
  ['LeaveOrganization', 'aws.organizations', ['processor']],
  ['AccountJoinedOrganization', 'aws.organizations', ['processor']],
  ['AccountDepartedOrganization', 'aws.organizations', ['processor']],
  ['AttachPolicy', 'aws.organizations', ['processor']],
  ['DetachPolicy', 'aws.organizations', ['processor']],
  ['CreateAccountAssignment', 'aws.sso', ['processor']],
  ['DeleteAccountAssignment', 'aws.sso', ['processor']],
  ['CreatePermissionSet', 'aws.sso', ['processor']],
  ['CreateGroup', 'aws.sso-directory', ['processor']],
  ['CreateUser', 'aws.identitystore', ['processor']],
  ['CreateManagedAccount', 'aws.controltower', ['notifier']],
  ['UpdateManagedAccount', 'aws.controltower', ['notifier']],
];

interface RuleResource {
  readonly Properties: {
    readonly EventBusName?: unknown;
    readonly EventPattern?: {
      readonly source: string[];
      readonly 'detail-type': string[];
      readonly detail?: { readonly eventName?: string[]; readonly errorCode?: unknown };
    };
    readonly Targets: { readonly Arn: unknown }[];
  };
}

let synth: SynthesizedGovernance;
let rules: RuleResource[];
let centralBusId: string;
beforeAll(() => {
  synth = synthGovernance({ organizationId: 'o-exampleorg1' });
  rules = Object.values(synth.template.findResources('AWS::Events::Rule')) as RuleResource[];
  centralBusId = synth.stack.getLogicalId(synth.governance.eventBus.node.defaultChild as never);
});

/** Logical id of a function. */
function functionId(kind: 'processor' | 'notifier'): string {
  const fn =
    kind === 'processor' ? synth.governance.orgEventsProcessor : synth.governance.vendingNotifier;
  return synth.stack.getLogicalId(fn.node.defaultChild as never);
}

/** The rules on one bus (the central bus, or the default bus when `EventBusName` is absent). */
function rulesOn(bus: 'central' | 'default'): RuleResource[] {
  return rules.filter((rule) =>
    bus === 'central'
      ? JSON.stringify(rule.Properties.EventBusName) === JSON.stringify({ Ref: centralBusId })
      : rule.Properties.EventBusName === undefined && rule.Properties.EventPattern !== undefined,
  );
}

describe.each(['central', 'default'] as const)('rules on the %s bus', (bus) => {
  it.each(SPEC_EVENTS)('route %s (%s) to %p', (eventName, source, handlers) => {
    const targets = rulesOn(bus)
      .filter(
        (rule) =>
          rule.Properties.EventPattern?.source.includes(source) &&
          rule.Properties.EventPattern.detail?.eventName?.includes(eventName),
      )
      .flatMap((rule) => rule.Properties.Targets.map((t) => JSON.stringify(t.Arn)));
    expect([...new Set(targets)].sort()).toStrictEqual(
      handlers.map((h) => JSON.stringify({ 'Fn::GetAtt': [functionId(h), 'Arn'] })).sort(),
    );
  });

  it('ignore failed API calls: every CloudTrail pattern requires errorCode to be absent', () => {
    const cloudTrailRules = rulesOn(bus).filter(
      (rule) => rule.Properties.EventPattern?.detail?.eventName !== undefined,
    );
    expect(cloudTrailRules).toHaveLength(7);
    for (const rule of cloudTrailRules) {
      expect(rule.Properties.EventPattern?.detail?.errorCode).toStrictEqual([{ exists: false }]);
    }
  });

  it('match AcceptHandshake both as an API call and as a service event', () => {
    const detailTypes = rulesOn(bus)
      .filter(
        (rule) =>
          rule.Properties.EventPattern?.detail?.eventName?.includes('AcceptHandshake') &&
          JSON.stringify(rule.Properties.Targets).includes(functionId('processor')),
      )
      .flatMap((rule) => rule.Properties.EventPattern?.['detail-type'] ?? [])
      .sort();
    expect(detailTypes).toStrictEqual([
      'AWS API Call via CloudTrail',
      'AWS Service Event via CloudTrail',
    ]);
  });

  it('match aws.tag changes of organization accounts by their ARN, with or without service/resource-type', () => {
    const tagRules = rulesOn(bus).filter((rule) =>
      rule.Properties.EventPattern?.source.includes('aws.tag'),
    );
    expect(tagRules.map((rule) => rule.Properties.EventPattern)).toStrictEqual([
      {
        source: ['aws.tag'],
        'detail-type': ['Tag Change on Resource'],
        resources: [{ wildcard: 'arn:*:organizations::*:account/*' }],
      },
    ]);
  });

  it('match AttachPolicy/DetachPolicy API calls (changes made outside the product)', () => {
    const policyRules = rulesOn(bus).filter((rule) =>
      rule.Properties.EventPattern?.detail?.eventName?.includes('DetachPolicy'),
    );
    expect(policyRules.map((rule) => rule.Properties.EventPattern)).toStrictEqual([
      {
        source: ['aws.organizations'],
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['organizations.amazonaws.com'],
          eventName: ['AttachPolicy', 'DetachPolicy'],
          errorCode: [{ exists: false }],
        },
      },
    ]);
  });

  it('match the membership events as service events and LeaveOrganization as an API call', () => {
    const typesOf = (eventName: string): string[] =>
      rulesOn(bus)
        .filter((rule) => rule.Properties.EventPattern?.detail?.eventName?.includes(eventName))
        .flatMap((rule) => rule.Properties.EventPattern?.['detail-type'] ?? []);
    expect({
      joined: typesOf('AccountJoinedOrganization'),
      departed: typesOf('AccountDepartedOrganization'),
      left: typesOf('LeaveOrganization'),
    }).toStrictEqual({
      joined: ['AWS Service Event via CloudTrail'],
      departed: ['AWS Service Event via CloudTrail'],
      left: ['AWS API Call via CloudTrail'],
    });
  });
});

describe('central event bus', () => {
  it('has a generated name, known at synthesis, for the forwarders', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::EventBus', {
      Name: synth.governance.eventBusName,
    });
    expect(synth.governance.eventBusName).toMatch(/^Governance-OrgGovernance-[A-F0-9]{8}$/);
  });

  it('admits PutEvents only from principals of the organization', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::EventBusPolicy', {
      EventBusName: { Ref: centralBusId },
      Statement: {
        Sid: 'cdk-AllowPutEventsFrom-o-exampleorg1',
        Effect: 'Allow',
        Principal: '*',
        Action: 'events:PutEvents',
        Resource: { 'Fn::GetAtt': [centralBusId, 'Arn'] },
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorg1' } },
      },
    });
  });

  it('rule targets deliver with retries and a dead-letter queue', () => {
    expectTemplate(synth.template).toHaveResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: centralBusId },
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
        }),
      ],
    });
  });
});

describe('without the default bus', () => {
  it('creates only the central bus rules and the schedule', () => {
    const minimal = synthGovernance({ consumeDefaultBus: false, createDashboard: false });
    const all = Object.values(
      minimal.template.findResources('AWS::Events::Rule'),
    ) as RuleResource[];
    expect(
      all.filter(
        (rule) =>
          rule.Properties.EventBusName === undefined && rule.Properties.EventPattern !== undefined,
      ),
    ).toStrictEqual([]);
    expect(all).toHaveLength(9);
    expectTemplate(minimal.template).toHaveResourceCount('AWS::CloudWatch::Dashboard', 0);
    expectTemplate(minimal.template).toHaveResourceCount('AWS::Events::EventBusPolicy', 0);
  });
});

describe('Identity Center home region elsewhere', () => {
  let elsewhere: SynthesizedGovernance;
  beforeAll(() => {
    elsewhere = synthGovernance({ identityCenterRegion: 'eu-west-1' });
  });

  /** The sources of the rules on the central bus or on the default bus. */
  function sourcesOn(bus: 'central' | 'default'): string[] {
    const busId = elsewhere.stack.getLogicalId(
      elsewhere.governance.eventBus.node.defaultChild as never,
    );
    return (Object.values(elsewhere.template.findResources('AWS::Events::Rule')) as RuleResource[])
      .filter((rule) => rule.Properties.EventPattern !== undefined)
      .filter((rule) =>
        bus === 'central'
          ? JSON.stringify(rule.Properties.EventBusName) === JSON.stringify({ Ref: busId })
          : rule.Properties.EventBusName === undefined,
      )
      .flatMap((rule) => rule.Properties.EventPattern?.source ?? []);
  }

  it('keeps the Identity Center rules on the central bus, where a forwarder sends them', () => {
    expect(sourcesOn('central')).toEqual(
      expect.arrayContaining(['aws.sso', 'aws.sso-directory', 'aws.identitystore']),
    );
  });

  it('creates no Identity Center rule on the default bus of another region', () => {
    expect(
      sourcesOn('default').filter(
        (source) => source.startsWith('aws.sso') || source.includes('identitystore'),
      ),
    ).toStrictEqual([]);
  });

  it('says where to deploy the forwarder', () => {
    Annotations.fromStack(elsewhere.stack).hasInfo(
      '*',
      Match.stringLikeRegexp(
        'Identity Center events arise in eu-west-1: deploy an OrgEventForwarder there',
      ),
    );
    expect(Annotations.fromStack(elsewhere.stack).findInfo('*', Match.anyValue())).toHaveLength(1);
  });
});
