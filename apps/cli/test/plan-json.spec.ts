import type { Plan } from '@org/scope-engine';
import { writePlanJson } from '../src/format/plan-json';

const op = (i: number) => ({
  type: 'attachPolicy' as const,
  policyType: 'SERVICE_CONTROL_POLICY' as const,
  accountId: String(100000000000 + i),
  policyId: 'p-aaaa1111',
  ruleIds: ['a', 'b'],
});

describe('writePlanJson', () => {
  it.each<[string, Plan]>([
    ['an empty plan', { event: null, operations: [], skipped: [], ignored: null }],
    [
      'an ignored event',
      {
        event: { type: 'MoveAccount', accountId: null },
        operations: [],
        skipped: [],
        ignored: 'ApiCallFailed',
      },
    ],
    [
      'a plan with operations and skips',
      {
        event: { type: 'AccountMoved', accountId: '100000000000' },
        operations: [
          op(0),
          op(1),
          {
            type: 'notify',
            accountId: '1',
            notificationId: 'n',
            targetType: 'sns',
            subject: 'line\nbreak "q"',
            body: '</script>',
          },
        ],
        skipped: [
          {
            accountId: '100000000000',
            ruleId: null,
            reason: 'AccountNotActive',
            detail: 'status SUSPENDED',
          },
        ],
        ignored: null,
      },
    ],
  ])('writes %s exactly as JSON.stringify(plan, null, 2)', (_name, plan) => {
    let out = '';
    writePlanJson(plan, (chunk) => (out += chunk));
    expect(out).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });

  it('writes a large plan in bounded chunks', () => {
    const plan: Plan = {
      event: null,
      operations: Array.from({ length: 5000 }, (_, i) => op(i)),
      skipped: [],
      ignored: null,
    };
    const chunks: string[] = [];
    writePlanJson(plan, (chunk) => chunks.push(chunk));
    expect([
      chunks.join(''),
      chunks.length > 1,
      Math.max(...chunks.map((c) => c.length)) < 400_000,
    ]).toStrictEqual([`${JSON.stringify(plan, null, 2)}\n`, true, true]);
  });
});
