import { applyPlan, planReconcile, type Plan } from '../../src';
import {
  account,
  ACCT,
  assignmentRule,
  AUDITORS,
  config,
  org,
  READ_ONLY_ARN,
  ROOT,
  scpRule,
} from '../helpers/builders';

describe('applyPlan', () => {
  const snapshot = org({
    accounts: [account(ACCT, ROOT)],
    attachments: [
      { targetId: ACCT, policyId: 'p-FullAWSAccess' },
      { targetId: ACCT, policyId: 'p-bbbb2222', managedBy: ['old'] },
    ],
    assignments: [
      {
        accountId: ACCT,
        permissionSetArn: READ_ONLY_ARN,
        principalType: 'GROUP',
        principalId: 'g-old',
        managedBy: ['old'],
      },
    ],
  });
  const governance = config({
    scpRules: [scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' })],
    assignmentRules: [assignmentRule('auditors', 'ReadOnly', 'Auditors', { type: 'root' })],
  });

  it('attaches and creates with managedBy, detaches and deletes, ignores notifications', () => {
    const plan: Plan = {
      ...planReconcile(snapshot, governance),
      operations: [
        ...planReconcile(snapshot, governance).operations,
        {
          type: 'notify',
          accountId: ACCT,
          notificationId: 'n',
          targetType: 'sns',
          subject: 's',
          body: 'b',
        },
      ],
    };
    const after = applyPlan(snapshot, plan);
    expect([after.attachments, after.assignments]).toStrictEqual([
      [
        { targetId: ACCT, policyId: 'p-FullAWSAccess' },
        { targetId: ACCT, policyId: 'p-aaaa1111', managedBy: ['baseline'] },
      ],
      [
        {
          accountId: ACCT,
          permissionSetArn: READ_ONLY_ARN,
          principalType: 'GROUP',
          principalId: AUDITORS,
          managedBy: ['auditors'],
        },
      ],
    ]);
  });

  it('leaves nothing to do: re-planning after applying gives an empty plan', () => {
    const after = applyPlan(snapshot, planReconcile(snapshot, governance));
    expect(planReconcile(after, governance)).toStrictEqual({
      event: null,
      operations: [],
      skipped: [],
      ignored: null,
    });
  });
});
