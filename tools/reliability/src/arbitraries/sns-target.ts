import * as fc from 'fast-check';

/**
 * An SNS notification target on the fixed test topic, with an optional subject drawn from
 * `subject` (the config-document and governance-rule arbitraries differ only there).
 */
export function snsTarget<Subject>(
  subject: fc.Arbitrary<Subject>,
): fc.Arbitrary<{ type: 'sns'; topicArn: string; subject?: Subject }> {
  return fc.record(
    {
      type: fc.constant('sns' as const),
      topicArn: fc.constant('arn:aws:sns:us-east-1:111111111111:t'),
      subject,
    },
    { requiredKeys: ['type', 'topicArn'] },
  );
}
