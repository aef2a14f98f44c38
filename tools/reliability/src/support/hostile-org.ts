import { exampleDocument } from './examples';

/** The snapshot document the hostile tests start from (examples/org.yaml as data). */
type OrgDocument = Record<string, unknown[] | string>;

/** Ids given to the hostile entities (one per payload). */
export const hostileIds = (i: number) => ({
  account: `1234567890${String(i).padStart(2, '0')}`,
  ou: `ou-ab12-9999999${i}`,
  policy: `p-hostile0${i}`,
  permissionSetArn: `arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-999999999999999${i}`,
  principalId: `99999999-0000-0000-0000-00000000000${i}`,
});

/**
 * The permission set name carrying `payload`: `PS <payload>` cut to the 32 characters AWS allows
 * a permission set name (the cut still carries markup).
 */
export const permissionSetName = (payload: string): string =>
  [...`PS ${payload}`].slice(0, 32).join('');

/**
 * examples/org.yaml plus, for each payload `i`, an OU, an account, an SCP (attached, unmanaged),
 * a permission set and a group (assigned, unmanaged) whose names — and the account's tag key and
 * value — are that payload, so every place a name is shown carries one.
 *
 * @example
 * ```ts
 * const org = hostileOrg(['"><img src=x onerror=alert(1)>']);
 * ```
 */
export function hostileOrg(payloads: readonly string[]): OrgDocument {
  const org = structuredClone(exampleDocument('org.yaml').data) as OrgDocument;
  const push = (key: string, ...items: unknown[]) => {
    org[key] = [...((org[key] as unknown[] | undefined) ?? []), ...items];
  };
  payloads.forEach((payload, i) => {
    const ids = hostileIds(i);
    push('organizationalUnits', { id: ids.ou, name: `OU ${payload}`, parentId: 'r-ab12' });
    push('accounts', {
      id: ids.account,
      name: payload,
      email: `hostile${i}@example.com`,
      parentId: ids.ou,
      status: 'ACTIVE',
      tags: { [`k${i}${payload}`]: `v${payload}` },
    });
    push('policies', { id: ids.policy, name: `SCP ${payload}` });
    push('attachments', { targetId: ids.account, policyId: ids.policy });
    push('permissionSets', { name: permissionSetName(payload), arn: ids.permissionSetArn });
    push('principals', { type: 'GROUP', name: `Group ${payload}`, id: ids.principalId });
    push('assignments', {
      accountId: ids.account,
      permissionSetArn: ids.permissionSetArn,
      principalType: 'GROUP',
      principalId: ids.principalId,
    });
  });
  return org;
}
