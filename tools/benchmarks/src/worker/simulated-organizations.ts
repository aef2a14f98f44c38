import {
  type DescribeAccountCommandInput,
  type DescribeOrganizationalUnitCommandInput,
  type ListParentsCommandInput,
  type ListPoliciesCommandInput,
  type ListPoliciesForTargetCommandInput,
  type ListTagsForResourceCommandInput,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Clock } from '@org/governance-runtime';
import { AWS_PAGE_SIZES } from '@org/governance-runtime/testing';
import { SERVICE_CONTROL_POLICY, type OrgSnapshot } from '@org/scope-engine';
import { ServiceRate } from './service-rate';
import { SimulatedServiceError } from './simulated-identity-center';

/** One page of `items` from `token` (an index), `size` at most. */
function page<T>(items: readonly T[], token: string | undefined, size: number) {
  const start = Number(token ?? 0);
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { NextToken: String(end) } : {}),
  };
}

/**
 * AWS Organizations answering from a snapshot on a virtual clock: every request is counted by
 * command name and against the published read rate ({@link ServiceRate}: calls over it are counted
 * as what AWS would have throttled), then takes the service's round trip. Reads only: the
 * commands the Organizations adapter sends to read an account, its OU path, the root and the
 * policies (`AttachPolicy` / `DetachPolicy` are not simulated).
 *
 * @example
 * ```ts
 * const organizations = new SimulatedOrganizations(snapshot, clock, { readsPerSecond: 5, callLatencyMs: 150 });
 * const adapter = new OrganizationsAdapter(simulatedOrganizationsClient(organizations));
 * ```
 */
export class SimulatedOrganizations {
  /** The read rate as AWS enforces it (calls, violations). */
  readonly reads: ServiceRate;
  /** Requests per command name (e.g. `DescribeAccountCommand`). */
  readonly byCommand = new Map<string, number>();

  constructor(
    private readonly snapshot: OrgSnapshot,
    readonly clock: Clock,
    readonly settings: { readonly readsPerSecond: number; readonly callLatencyMs: number },
  ) {
    this.reads = new ServiceRate(clock, settings.readsPerSecond);
  }

  /** Requests per command name, sorted by name (e.g. `{ DescribeAccount: 3 }`). */
  counts(): Record<string, number> {
    return Object.fromEntries(
      [...this.byCommand]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, n]) => [name.replace(/Command$/, ''), n]),
    );
  }

  /** Forgets the counts (the rate's state stays). */
  resetCounts(): void {
    this.byCommand.clear();
  }

  /** Counts one request, waits its round trip and answers it. */
  async answer(commandName: string, input: object): Promise<object> {
    this.byCommand.set(commandName, (this.byCommand.get(commandName) ?? 0) + 1);
    this.reads.admit();
    await this.clock.sleep(this.settings.callLatencyMs);
    return this.output(commandName, input);
  }

  private output(commandName: string, input: object): object {
    const { snapshot } = this;
    switch (commandName) {
      case 'DescribeAccountCommand': {
        const { AccountId } = input as DescribeAccountCommandInput;
        const account = snapshot.accounts.find((a) => a.id === AccountId);
        if (account === undefined) {
          throw new SimulatedServiceError('AccountNotFoundException', `${AccountId} not found`);
        }
        return {
          Account: { Id: account.id, Name: account.name, State: account.status },
        };
      }
      case 'ListParentsCommand': {
        const { ChildId } = input as ListParentsCommandInput;
        const parentId =
          snapshot.accounts.find((a) => a.id === ChildId)?.parentId ??
          snapshot.organizationalUnits.find((ou) => ou.id === ChildId)?.parentId;
        const Type = parentId === snapshot.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT';
        return { Parents: [{ Id: parentId, Type }] };
      }
      case 'ListTagsForResourceCommand': {
        const { ResourceId } = input as ListTagsForResourceCommandInput;
        const tags = snapshot.accounts.find((a) => a.id === ResourceId)?.tags ?? {};
        return { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
      }
      case 'DescribeOrganizationalUnitCommand': {
        const { OrganizationalUnitId } = input as DescribeOrganizationalUnitCommandInput;
        const ou = snapshot.organizationalUnits.find((o) => o.id === OrganizationalUnitId);
        return { OrganizationalUnit: { Id: OrganizationalUnitId, Name: ou?.name } };
      }
      case 'ListRootsCommand': {
        const types = snapshot.enabledPolicyTypes ?? [SERVICE_CONTROL_POLICY];
        const PolicyTypes = types.map((Type) => ({ Type, Status: 'ENABLED' }));
        return { Roots: [{ Id: snapshot.rootId, PolicyTypes }] };
      }
      case 'DescribeOrganizationCommand':
        return { Organization: { MasterAccountId: snapshot.managementAccountId } };
      case 'ListPoliciesCommand': {
        const { Filter, NextToken } = input as ListPoliciesCommandInput;
        const policies = snapshot.policies.filter(
          (p) => (p.type ?? SERVICE_CONTROL_POLICY) === Filter,
        );
        const { items, ...next } = page(policies, NextToken, AWS_PAGE_SIZES.organizations);
        return { Policies: items.map((p) => ({ Id: p.id, Name: p.name })), ...next };
      }
      case 'ListPoliciesForTargetCommand': {
        const { TargetId, Filter, NextToken } = input as ListPoliciesForTargetCommandInput;
        const typeOf = new Map(snapshot.policies.map((p) => [p.id, p.type]));
        const attached = snapshot.attachments.filter(
          (a) =>
            a.targetId === TargetId &&
            (typeOf.get(a.policyId) ?? SERVICE_CONTROL_POLICY) === Filter,
        );
        const { items, ...next } = page(attached, NextToken, AWS_PAGE_SIZES.organizations);
        return { Policies: items.map((a) => ({ Id: a.policyId })), ...next };
      }
      default:
        throw new SimulatedServiceError('UnsupportedOperation', `${commandName} is not simulated`);
    }
  }
}

/**
 * A real `OrganizationsClient` whose requests a {@link SimulatedOrganizations} answers: a
 * middleware short-circuits each command (after any budget middleware of higher priority, as in
 * production). Everything above it — the Organizations adapter, its caches and retries — is the
 * production code.
 *
 * @example
 * ```ts
 * const adapter = new OrganizationsAdapter(simulatedOrganizationsClient(organizations));
 * ```
 */
export function simulatedOrganizationsClient(service: SimulatedOrganizations): OrganizationsClient {
  const client = new OrganizationsClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'simulated', secretAccessKey: 'simulated' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => ({
      output: {
        ...(await service.answer(context.commandName ?? '', args.input as object)),
        $metadata: {},
      },
      response: {},
    }),
    { step: 'initialize', priority: 'low', name: 'simulatedOrganizations' },
  );
  return client;
}
