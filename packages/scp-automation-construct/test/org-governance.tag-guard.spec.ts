/**
 * The optional tag guard SCP (`guardTagKeys`): created and attached only when asked for; denies
 * tagging the governed keys to all but the trusted principals; its props are validated all at
 * once; cdk-nag stays clean.
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { InvalidPropsError, TAG_GUARD_SID } from '../src';
import { synthGovernance } from './support/synth';

const PLATFORM = 'arn:aws:iam::111111111111:role/Platform';
const GUARDED = {
  guardTagKeys: ['env', 'team'],
  trustedTagPrincipals: [PLATFORM, 'arn:aws:iam::111111111111:role/platform-*'],
  guardTagTargetIds: ['r-ab12'],
};

describe('tag guard', () => {
  it('is not created without guardTagKeys', () => {
    const synth = synthGovernance();
    expect({
      policies: Object.keys(synth.template.findResources('AWS::Organizations::Policy')),
      property: synth.governance.tagGuardPolicy,
    }).toStrictEqual({ policies: [], property: undefined });
  });

  it('denies TagResource / UntagResource of the governed keys to all but the trusted principals, attached to the given targets', () => {
    const synth = synthGovernance(GUARDED);
    const policies = Object.values(synth.template.findResources('AWS::Organizations::Policy'));
    expect(policies.map((policy) => policy['Properties'])).toStrictEqual([
      {
        Name: 'OrgGovernanceTagGuard',
        Description: expect.stringContaining('tag guard'),
        Type: 'SERVICE_CONTROL_POLICY',
        TargetIds: ['r-ab12'],
        Content: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: TAG_GUARD_SID,
              Effect: 'Deny',
              Action: ['organizations:TagResource', 'organizations:UntagResource'],
              Resource: '*',
              Condition: {
                'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] },
                ArnNotLike: { 'aws:PrincipalArn': GUARDED.trustedTagPrincipals },
              },
            },
          ],
        },
      },
    ]);
  });

  it('reports every mistake at once', () => {
    expect(() =>
      synthGovernance({
        guardTagKeys: [],
        trustedTagPrincipals: ['Platform', 'arn:aws:sts::111111111111:assumed-role/Platform/ci'],
        guardTagTargetIds: ['root'],
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InvalidPropsError',
        problems: [
          'guardTagKeys must list at least one tag key.',
          'trustedTagPrincipals must be IAM principal ARN patterns, got Platform, arn:aws:sts::111111111111:assumed-role/Platform/ci.',
          'guardTagTargetIds must be root, OU or account ids, got root.',
        ],
      }) as InvalidPropsError,
    );
  });

  it('refuses a guard nobody could pass (no trusted principal, no target)', () => {
    expect(() => synthGovernance({ guardTagKeys: ['env'] })).toThrow(
      /trustedTagPrincipals must list at least one[\s\S]*guardTagTargetIds must name/,
    );
  });

  it('keeps cdk-nag AwsSolutions clean', () => {
    process.env['JSII_DEPRECATED'] = 'quiet';
    const synth = synthGovernance(GUARDED);
    const findings = new AwsSolutionsChecks()
      .validateScope(synth.governance)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`),
      );
    expect(findings).toStrictEqual([]);
  });
});
