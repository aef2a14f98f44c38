import { CONTROL_TOWER_EVENT_NAMES, ORGANIZATIONS_EVENT_NAMES } from '@org/contracts';
import { HANDLED_EVENT_NAMES } from '../src';

describe('handled event names', () => {
  it('are exactly the contract’s, which the construct’s EventBridge rules match', () => {
    expect({
      organizations: [...HANDLED_EVENT_NAMES['aws.organizations']].sort(),
      controlTower: [...HANDLED_EVENT_NAMES['aws.controltower']].sort(),
    }).toStrictEqual({
      organizations: [...ORGANIZATIONS_EVENT_NAMES],
      controlTower: [...CONTROL_TOWER_EVENT_NAMES].sort(),
    });
  });
});
