/**
 * Which forwarder stacks a deployment needs.
 */
import { ForwardedEvents } from '@org/scp-automation-construct';
import { parseDeploySettings, planForwarders, type ForwarderPlan } from '../src';

const MANAGEMENT = '111111111111';

describe('planForwarders', () => {
  it.each<[string, Record<string, unknown>, ForwarderPlan[]]>([
    [
      'central stack in us-east-1 of the management account, Control Tower in eu-west-1',
      { account: MANAGEMENT, region: 'us-east-1', controlTowerHomeRegion: 'eu-west-1' },
      [
        {
          account: MANAGEMENT,
          region: 'eu-west-1',
          forwardedEvents: [ForwardedEvents.CONTROL_TOWER],
        },
      ],
    ],
    [
      'central stack in the Control Tower home region of the management account',
      { account: MANAGEMENT, region: 'eu-west-1', controlTowerHomeRegion: 'eu-west-1' },
      [
        {
          account: MANAGEMENT,
          region: 'us-east-1',
          forwardedEvents: [ForwardedEvents.ORGANIZATIONS],
        },
      ],
    ],
    [
      'central stack in a delegated-administrator account, Control Tower in us-east-1',
      {
        account: '222222222222',
        region: 'eu-west-1',
        organizationId: 'o-exampleorg1',
        controlTowerHomeRegion: 'us-east-1',
      },
      [
        {
          account: MANAGEMENT,
          region: 'us-east-1',
          forwardedEvents: [ForwardedEvents.ORGANIZATIONS, ForwardedEvents.CONTROL_TOWER],
        },
      ],
    ],
    [
      'Identity Center in its own home region, forwarded like Control Tower',
      {
        account: MANAGEMENT,
        region: 'us-east-1',
        controlTowerHomeRegion: 'eu-west-1',
        identityCenterHomeRegion: 'eu-central-1',
      },
      [
        {
          account: MANAGEMENT,
          region: 'eu-central-1',
          forwardedEvents: [ForwardedEvents.IDENTITY_CENTER],
        },
        {
          account: MANAGEMENT,
          region: 'eu-west-1',
          forwardedEvents: [ForwardedEvents.CONTROL_TOWER],
        },
      ],
    ],
    [
      'Identity Center where the central stack listens: nothing forwarded for it',
      {
        account: MANAGEMENT,
        region: 'eu-west-1',
        controlTowerHomeRegion: 'eu-west-1',
        identityCenterHomeRegion: 'eu-west-1',
      },
      [
        {
          account: MANAGEMENT,
          region: 'us-east-1',
          forwardedEvents: [ForwardedEvents.ORGANIZATIONS],
        },
      ],
    ],
    [
      'Identity Center and Control Tower in us-east-1, central stack in a delegated-administrator account',
      {
        account: '222222222222',
        region: 'eu-west-1',
        organizationId: 'o-exampleorg1',
        controlTowerHomeRegion: 'us-east-1',
        identityCenterHomeRegion: 'us-east-1',
      },
      [
        {
          account: MANAGEMENT,
          region: 'us-east-1',
          forwardedEvents: [
            ForwardedEvents.ORGANIZATIONS,
            ForwardedEvents.CONTROL_TOWER,
            ForwardedEvents.IDENTITY_CENTER,
          ],
        },
      ],
    ],
    [
      'everything in us-east-1 of the management account',
      { account: MANAGEMENT, region: 'us-east-1', controlTowerHomeRegion: 'us-east-1' },
      [],
    ],
    [
      'an explicit forwarderRegions list restricts the plan',
      {
        account: '222222222222',
        region: 'eu-west-1',
        organizationId: 'o-exampleorg1',
        controlTowerHomeRegion: 'eu-central-1',
        forwarderRegions: ['eu-central-1'],
      },
      [
        {
          account: MANAGEMENT,
          region: 'eu-central-1',
          forwardedEvents: [ForwardedEvents.CONTROL_TOWER],
        },
      ],
    ],
  ])('%s', (_name, input, expected) => {
    const settings = parseDeploySettings(
      { managementAccountId: MANAGEMENT, ...input },
      'deploy.json',
    );
    expect(planForwarders(settings)).toStrictEqual(expected);
  });
});
