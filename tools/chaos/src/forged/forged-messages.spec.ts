import { SeededRandom } from '../random/seeded-random';
import { initialOrganization } from '../world/initial-organization';
import { WorldState } from '../world/world-state';
import { FORGED_RULE_ID, forgedBody, forgeMessages } from './forged-messages';
import { judgeForgery } from './forgery-verdict';

const snapshot = initialOrganization(new SeededRandom('forged-org'), 12);
const state = WorldState.fromSnapshot(snapshot);

describe('forgeMessages', () => {
  const forged = forgeMessages(state, state.structure(), new SeededRandom('forge'), 3);

  it('forges a FullAWSAccess detach, an Admin grant citing a rule that does not exist, and the deletion of an assignment made by hand', () => {
    const byKind = Object.fromEntries(forged.map((m) => [m.kind, m.operation]));
    const admin = byKind['grantAdminForUnknownRule'] ?? {};
    const removal = byKind['deleteUnmanaged'] ?? {};
    const removed = `${String(removal['accountId'])}#${String(removal['permissionSetArn'])}#${String(removal['principalType'])}#${String(removal['principalId'])}`;
    expect({
      ids: forged.map((m) => m.id),
      detach: {
        type: byKind['detachFullAwsAccess']?.['type'],
        policyId: byKind['detachFullAwsAccess']?.['policyId'],
      },
      admin: {
        type: admin['type'],
        permissionSet: state
          .structure()
          .permissionSets.find((ps) => ps.arn === admin['permissionSetArn'])?.name,
        ruleIds: admin['ruleIds'],
      },
      removalIsUnmanaged:
        removal['type'] === 'deleteAssignment' && state.unmanagedAssignments.has(removed),
    }).toStrictEqual({
      ids: [
        'forged-3-detachFullAwsAccess',
        'forged-3-grantAdminForUnknownRule',
        'forged-3-deleteUnmanaged',
      ],
      detach: { type: 'detachScp', policyId: 'p-FullAWSAccess' },
      admin: {
        type: 'createAssignment',
        permissionSet: 'AdministratorAccess',
        ruleIds: [FORGED_RULE_ID],
      },
      removalIsUnmanaged: true,
    });
  });

  it('spells the product message body, with the forged id as its cause', () => {
    expect(forged.map((m) => JSON.parse(forgedBody(m)) as unknown)).toStrictEqual(
      forged.map((m) => ({ eventId: m.id, operation: m.operation })),
    );
  });
});

describe('judgeForgery', () => {
  const forged = forgeMessages(state, state.structure(), new SeededRandom('judge'), 1);
  const [a, b, c] = forged.map((m) => m.id);

  it('counts a message refused only when the worker audited it NotJustified and never carried it out', () => {
    const entries: Record<string, { type: 'operation'; outcome: string; detail?: string }[]> = {
      [a ?? '']: [{ type: 'operation', outcome: 'NotJustified' }],
      [b ?? '']: [{ type: 'operation', outcome: 'applied' }],
      [c ?? '']: [],
    };
    const verdict = judgeForgery(forged, (id) =>
      (entries[id] ?? []).map((e) => ({ ...e, outcome: e.outcome as 'applied' })),
    );
    expect({
      sent: verdict.sent,
      refused: verdict.refused,
      accepted: verdict.accepted.length,
    }).toStrictEqual({
      sent: 3,
      refused: 1,
      accepted: 2,
    });
  });

  it('recognises a refusal spelled as a skip with a NotJustified detail', () => {
    const verdict = judgeForgery(forged.slice(0, 1), () => [
      { type: 'operation', outcome: 'skipped', detail: 'NotJustified: no rule asks for it' },
    ]);
    expect(verdict).toStrictEqual({ sent: 1, ids: [a], refused: 1, accepted: [] });
  });
});
