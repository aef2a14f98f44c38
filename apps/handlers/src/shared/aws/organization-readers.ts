import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import type { HandlerConfig } from '../config/handler-config';
import {
  type ClientTarget,
  identityStoreClient,
  organizationsClient,
  ssoAdminClient,
} from './clients';

/** The adapters that read (and change) the organization and its Identity Center instance. */
export interface OrganizationReaders {
  readonly organizations: OrganizationsAdapter;
  readonly identityCenter: IdentityCenterAdapter;
  readonly directory: DirectoryAdapter;
}

/**
 * Organizations, Identity Center and Identity Store adapters for a planner (processor, notifier,
 * reconciler). The instance and identity store come from the configuration when set, otherwise
 * from `sso:ListInstances` (once).
 *
 * @example
 * ```ts
 * const readers = organizationReaders({ config, functionName: 'reconciler' });
 * ```
 */
export function organizationReaders(
  target: ClientTarget & { readonly config: HandlerConfig },
): OrganizationReaders {
  const instance = target.config.identityCenterInstance;
  const identityCenter = new IdentityCenterAdapter(
    ssoAdminClient(target),
    instance === undefined ? {} : { instance },
  );
  const directory = new DirectoryAdapter(
    identityStoreClient(target),
    instance?.identityStoreId ??
      (async () => (await identityCenter.describeInstance()).identityStoreId),
  );
  return {
    organizations: new OrganizationsAdapter(organizationsClient(target)),
    identityCenter,
    directory,
  };
}
