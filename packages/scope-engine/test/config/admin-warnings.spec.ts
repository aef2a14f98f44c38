import { adminGrantWarnings, isAdminLikePermissionSet, type GovernanceConfig } from '../../src';
import {
  account,
  ADMIN_ARN,
  assignmentRule,
  config,
  DEVS,
  MGMT,
  org,
  ROOT,
} from '../helpers/builders';

const PROD_TAG = { type: 'accountTag', key: 'env', value: 'prod' } as const;
const withSettings = (
  settings: Partial<GovernanceConfig['settings']>,
  rules: GovernanceConfig['assignmentRules'],
) =>
  config({
    settings: { maxScpsPerTarget: 10, includeManagementAccount: false, ...settings },
    assignmentRules: rules,
  });
const byId = (
  id: string,
  permissionSet: string,
  scope: GovernanceConfig['assignmentRules'][number]['scope'],
) => assignmentRule(id, permissionSet, { type: 'GROUP', id: DEVS }, scope);

describe('isAdminLikePermissionSet', () => {
  it.each([
    ['AdministratorAccess', true],
    ['OrgAdmin', true],
    ['PowerUserAccess', true],
    ['power-user', true],
    ['AWSFullAccess', true],
    ['BreakGlass', true],
    ['ReadOnly', false],
    ['ViewOnlyAccess', false],
    ['Billing', false],
  ])('%s → %s', (name, expected) => {
    expect(isAdminLikePermissionSet(name)).toBe(expected);
  });
});

describe('adminGrantWarnings', () => {
  it('warns about an administrator-like grant to a principal named by name', () => {
    const cfg = withSettings({}, [
      assignmentRule('break-glass', 'AdministratorAccess', 'BreakGlass', {
        type: 'account',
        id: '222222222222',
      }),
    ]);
    expect(adminGrantWarnings(cfg)).toStrictEqual([
      {
        path: 'assignmentRules[0].principal',
        message:
          'grants administrator-like "AdministratorAccess" to GROUP BreakGlass by name: a principal created later with that name receives it (give its id)',
      },
    ]);
  });

  it('warns about an administrator-like grant through an accountTag scope, with and without tag trust', () => {
    const rule = byId('prod-admins', 'PowerUserAccess', PROD_TAG);
    expect(adminGrantWarnings(withSettings({}, [rule])).map((w) => w.message)).toStrictEqual([
      'grants administrator-like "PowerUserAccess" through tag env=prod: whoever may tag accounts decides where (list settings.trustedTagPrincipals)',
    ]);
    const trusted = withSettings(
      { trustedTagPrincipals: ['arn:aws:iam::111111111111:role/TagAdmin'] },
      [rule],
    );
    expect(adminGrantWarnings(trusted).map((w) => w.message)).toStrictEqual([
      'grants administrator-like "PowerUserAccess" through tag env=prod: only values set by settings.trustedTagPrincipals count',
    ]);
  });

  it('warns when the management account would get one', () => {
    const rules = [byId('everyone-admin', 'AdministratorAccess', { type: 'root' })];
    expect(
      adminGrantWarnings(withSettings({ includeManagementAccount: true }, rules)),
    ).toStrictEqual([
      {
        path: 'assignmentRules[0].scope',
        message:
          'grants administrator-like "AdministratorAccess" to the management account (includeManagementAccount is true; exclude it by id)',
      },
    ]);
    expect(adminGrantWarnings(withSettings({}, rules))).toStrictEqual([]);
  });

  it('against a snapshot: resolves a permission set ARN and matches the management account exactly', () => {
    const snapshot = org({ accounts: [account(MGMT, ROOT, { tags: { env: 'prod' } })] });
    const cfg = withSettings({ includeManagementAccount: true }, [
      byId('by-arn', ADMIN_ARN, { type: 'account', id: MGMT }),
      {
        ...byId('excluded', 'AdministratorAccess', { type: 'root' }),
        exclude: { accounts: [MGMT], ous: [] },
      },
      byId('read-only', 'ReadOnly', { type: 'root' }),
    ]);
    expect(adminGrantWarnings(cfg, snapshot).map((w) => w.path)).toStrictEqual([
      'assignmentRules[0].scope',
    ]);
    expect(adminGrantWarnings(cfg)).toStrictEqual([]);
  });

  it('says nothing about rules granting other permission sets or by id to fixed accounts', () => {
    const cfg = withSettings({}, [
      assignmentRule('auditors', 'ReadOnly', 'Auditors', PROD_TAG),
      byId('admins', 'AdministratorAccess', { type: 'account', id: '222222222222' }),
    ]);
    expect(adminGrantWarnings(cfg)).toStrictEqual([]);
  });
});
