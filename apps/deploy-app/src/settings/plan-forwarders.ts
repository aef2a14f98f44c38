/**
 * Which regions of the management account need an `OrgEventForwarder`, and what each forwards.
 */
import { ForwardedEvents } from '@org/scp-automation-construct';
import type { DeploySettings } from './deploy-settings';

/** Organizations (and `aws.tag`) events are delivered only here, in the management account. */
export const ORGANIZATIONS_EVENTS_REGION = 'us-east-1';

/** One forwarder stack to create. */
export interface ForwarderPlan {
  /** The management account. */
  readonly account: string;
  /** The region the events arise in. */
  readonly region: string;
  /** What to forward from there. */
  readonly forwardedEvents: readonly ForwardedEvents[];
}

/**
 * The forwarders: Organizations events from us-east-1, Control Tower and Identity Center events
 * from their home regions of the management account, except where the central stack listens on
 * its own default bus (same account and region). `forwarderRegions` restricts the list when
 * given.
 *
 * @example
 * ```ts
 * planForwarders({ ...settings, account: '222222222222', region: 'eu-west-1', controlTowerHomeRegion: 'eu-west-1' });
 * // [{ account: '111111111111', region: 'us-east-1', forwardedEvents: ['organizations'] },
 * //  { account: '111111111111', region: 'eu-west-1', forwardedEvents: ['controlTower'] }]
 * ```
 */
export function planForwarders(settings: DeploySettings): ForwarderPlan[] {
  const byRegion = new Map<string, ForwardedEvents[]>();
  const add = (region: string, kind: ForwardedEvents): void => {
    const listensItself =
      settings.account === settings.managementAccountId && settings.region === region;
    if (listensItself) return;
    byRegion.set(region, [...(byRegion.get(region) ?? []), kind]);
  };
  add(ORGANIZATIONS_EVENTS_REGION, ForwardedEvents.ORGANIZATIONS);
  if (settings.controlTowerHomeRegion !== undefined)
    add(settings.controlTowerHomeRegion, ForwardedEvents.CONTROL_TOWER);
  if (settings.identityCenterHomeRegion !== undefined)
    add(settings.identityCenterHomeRegion, ForwardedEvents.IDENTITY_CENTER);
  return [...byRegion.entries()]
    .filter(
      ([region]) =>
        settings.forwarderRegions === undefined || settings.forwarderRegions.includes(region),
    )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, forwardedEvents]) => ({
      account: settings.managementAccountId,
      region,
      forwardedEvents,
    }));
}
