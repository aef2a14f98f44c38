import type { OrgSnapshot } from '@org/scope-engine';
import type { AttemptedChange } from '../edge/edge-ledger';
import { checkSafetyGuards } from './safety-guards';

const MANAGEMENT = '111122223333';
const MEMBER = '222233334444';
const final: OrgSnapshot = {
  managementAccountId: MANAGEMENT,
  rootId: 'r-ab12',
  organizationalUnits: [],
  accounts: [
    { id: MANAGEMENT, name: 'm', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
    { id: MEMBER, name: 'a', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
  ],
  policies: [],
  permissionSets: [],
  principals: [],
  attachments: [
    { targetId: MEMBER, policyId: 'p-FullAWSAccess' },
    { targetId: MEMBER, policyId: 'p-hand', managedBy: ['baseline'] },
  ],
  assignments: [],
};
const attempt = (change: Partial<AttemptedChange>): AttemptedChange => ({
  round: 2,
  container: 'operations-worker#1',
  command: 'AttachPolicy',
  targetId: MEMBER,
  item: 'p-1',
  ...change,
});
const registry = {
  attachments: new Map([
    [`${MEMBER}#p-FullAWSAccess`, 0],
    [`${MEMBER}#p-hand`, 3],
  ]),
  assignments: new Map([[`${MEMBER}#arn:ps#GROUP#g-1`, 0]]),
};

describe('checkSafetyGuards', () => {
  it('passes allowed changes and reports each guard broken, once per attempt', () => {
    const verdict = checkSafetyGuards(
      [
        attempt({}),
        attempt({ command: 'DetachPolicy', item: 'p-hand', round: 2 }),
        attempt({ command: 'AttachPolicy', targetId: MANAGEMENT }),
        attempt({ command: 'DetachPolicy', item: 'p-FullAWSAccess' }),
        attempt({ command: 'AttachPolicy', targetId: 'ou-ab12-11111111' }),
        attempt({ command: 'DeleteAccountAssignment', item: 'arn:ps#GROUP#g-1' }),
      ],
      registry,
      MANAGEMENT,
      final,
    );
    expect(verdict).toStrictEqual({
      managementAccountScpChanges: 1,
      fullAwsAccessDetaches: 1,
      nonAccountTargets: 1,
      unmanagedTouched: 6,
      violations: [
        `management account SCP change: round 2 operations-worker#1: AttachPolicy ${MANAGEMENT} p-1`,
        `FullAWSAccess detached, unmanaged item touched: round 2 operations-worker#1: DetachPolicy ${MEMBER} p-FullAWSAccess`,
        'change of a non-account target: round 2 operations-worker#1: AttachPolicy ou-ab12-11111111 p-1',
        `unmanaged item touched: round 2 operations-worker#1: DeleteAccountAssignment ${MEMBER} arn:ps#GROUP#g-1`,
        `unmanaged attachment now managed by baseline at the end: ${MEMBER}#p-hand`,
        `unmanaged assignment missing at the end: ${MEMBER}#arn:ps#GROUP#g-1`,
      ],
    });
  });
});
