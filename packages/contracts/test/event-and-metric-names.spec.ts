import {
  CONTROL_TOWER_EVENT_NAMES,
  IDENTITY_CENTER_EVENT_NAMES,
  IDENTITY_STORE_EVENT_NAMES,
  IDENTITY_STORE_EVENT_SOURCES,
  METRIC_NAMES,
  ORGANIZATIONS_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
} from '../src';

describe('handled event names', () => {
  it('lists each Organizations event once, sorted', () => {
    expect(ORGANIZATIONS_EVENT_NAMES).toStrictEqual([
      'AcceptHandshake',
      'AccountDepartedOrganization',
      'AccountJoinedOrganization',
      'CloseAccountResult',
      'CreateAccountResult',
      'CreateOrganizationalUnit',
      'LeaveOrganization',
      'MoveAccount',
      'RemoveAccountFromOrganization',
      'TagResource',
      'UntagResource',
    ]);
  });

  it('lists the change events parsed for changes made by hand and directory objects', () => {
    expect({
      policies: ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
      identityCenter: IDENTITY_CENTER_EVENT_NAMES,
      identityStore: IDENTITY_STORE_EVENT_NAMES,
    }).toStrictEqual({
      policies: ['AttachPolicy', 'DetachPolicy'],
      identityCenter: ['CreateAccountAssignment', 'DeleteAccountAssignment', 'CreatePermissionSet'],
      identityStore: ['CreateGroup', 'CreateUser'],
    });
  });

  it('lists both sources Identity Store events arrive with', () => {
    expect(IDENTITY_STORE_EVENT_SOURCES).toStrictEqual(['aws.sso-directory', 'aws.identitystore']);
  });

  it('lists the Control Tower vending events', () => {
    expect(CONTROL_TOWER_EVENT_NAMES).toStrictEqual([
      'CreateManagedAccount',
      'UpdateManagedAccount',
    ]);
  });
});

describe('metric names', () => {
  it('count changes made outside the product', () => {
    expect(METRIC_NAMES.outOfBandChanges).toBe('OutOfBandChanges');
    expect(METRIC_NAMES.untrustedTagSkipped).toBe('UntrustedTagSkipped');
  });

  it('are distinct PascalCase names', () => {
    const names = Object.values(METRIC_NAMES);
    expect({
      distinct: new Set(names).size === names.length,
      malformed: names.filter((name) => !/^[A-Z][A-Za-z]+$/.test(name)),
    }).toStrictEqual({ distinct: true, malformed: [] });
  });
});
