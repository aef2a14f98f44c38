import { CONTROL_TOWER_EVENT_NAMES, METRIC_NAMES, ORGANIZATIONS_EVENT_NAMES } from '../src';

describe('handled event names', () => {
  it('lists each Organizations event once, sorted', () => {
    expect(ORGANIZATIONS_EVENT_NAMES).toStrictEqual([
      'AcceptHandshake',
      'CloseAccountResult',
      'CreateAccountResult',
      'CreateOrganizationalUnit',
      'MoveAccount',
      'RemoveAccountFromOrganization',
      'TagResource',
      'UntagResource',
    ]);
  });

  it('lists the Control Tower vending events', () => {
    expect(CONTROL_TOWER_EVENT_NAMES).toStrictEqual([
      'CreateManagedAccount',
      'UpdateManagedAccount',
    ]);
  });
});

describe('metric names', () => {
  it('are distinct PascalCase names', () => {
    const names = Object.values(METRIC_NAMES);
    expect({
      distinct: new Set(names).size === names.length,
      malformed: names.filter((name) => !/^[A-Z][A-Za-z]+$/.test(name)),
    }).toStrictEqual({ distinct: true, malformed: [] });
  });
});
