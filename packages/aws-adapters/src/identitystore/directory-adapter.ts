/**
 * `DirectoryPort` implemented with `@aws-sdk/client-identitystore`.
 */
import {
  DescribeGroupCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import type { Principal, PrincipalType } from '@org/scope-engine';
import type { DirectoryPort } from '@org/governance-runtime';
import { UnexpectedResponseError } from '../errors';
import { awsErrorName, callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { AsyncCache } from '../util';

/** Options of {@link DirectoryAdapter}. */
export interface DirectoryAdapterOptions {
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** How long look-ups (found or not) are cached. @default 300000 (5 min) */
  readonly cacheTtlMs?: number;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** The identity store id, or how to get it (e.g. `() => identityCenter.describeInstance()…`). */
export type IdentityStoreIdSource = string | (() => Promise<string>);

const NOT_FOUND = Symbol('not found');

/**
 * Resolves Identity Center users (by `userName`) and groups (by `displayName`) with
 * `GetUserId` / `GetGroupId` unique-attribute look-ups. A missing principal is `null`, never an
 * error; look-ups are cached.
 *
 * @example
 * ```ts
 * const directory = new DirectoryAdapter(new IdentitystoreClient(config), 'd-1234567890');
 * const auditors = await directory.findPrincipal('GROUP', 'Auditors');
 * ```
 */
export class DirectoryAdapter implements DirectoryPort {
  private readonly retryPolicy: RetryPolicy;
  private readonly byName: AsyncCache<string, Principal | null>;
  private readonly byId: AsyncCache<string, Principal | null>;
  private readonly storeId: AsyncCache<'id', string>;

  constructor(
    private readonly client: IdentitystoreClient,
    private readonly identityStoreId: IdentityStoreIdSource,
    options: DirectoryAdapterOptions = {},
  ) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    const cacheOptions = { ttlMs: options.cacheTtlMs ?? 300_000, now: options.now ?? Date.now };
    this.byName = new AsyncCache(cacheOptions);
    this.byId = new AsyncCache(cacheOptions);
    this.storeId = new AsyncCache();
  }

  /** @inheritdoc */
  findPrincipal(type: PrincipalType, name: string): Promise<Principal | null> {
    return this.byName.get(`${type}#${name}`, async () => {
      const id = await this.lookUpId(type, name);
      return id === null ? null : { type, name, id };
    });
  }

  /** @inheritdoc */
  getPrincipal(type: PrincipalType, id: string): Promise<Principal | null> {
    return this.byId.get(`${type}#${id}`, async () => {
      const name = await this.describe(type, id);
      return name === null ? null : { type, name, id };
    });
  }

  private resolveStoreId(): Promise<string> {
    const source = this.identityStoreId;
    return typeof source === 'string' ? Promise.resolve(source) : this.storeId.get('id', source);
  }

  private async lookUpId(type: PrincipalType, name: string): Promise<string | null> {
    const IdentityStoreId = await this.resolveStoreId();
    const operation = type === 'GROUP' ? 'GetGroupId' : 'GetUserId';
    const AlternateIdentifier = {
      UniqueAttribute: {
        AttributePath: type === 'GROUP' ? 'displayName' : 'userName',
        AttributeValue: name,
      },
    };
    return this.principalCall({ operation }, 'id', async () => {
      const output =
        type === 'GROUP'
          ? await this.client.send(new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier }))
          : await this.client.send(new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier }));
      return 'GroupId' in output ? output.GroupId : output.UserId;
    });
  }

  private async describe(type: PrincipalType, id: string): Promise<string | null> {
    const IdentityStoreId = await this.resolveStoreId();
    const operation = type === 'GROUP' ? 'DescribeGroup' : 'DescribeUser';
    return this.principalCall({ operation, principalId: id }, 'name', async () => {
      if (type === 'GROUP') {
        const output = await this.client.send(
          new DescribeGroupCommand({ IdentityStoreId, GroupId: id }),
        );
        return output.DisplayName;
      }
      const output = await this.client.send(
        new DescribeUserCommand({ IdentityStoreId, UserId: id }),
      );
      return output.UserName;
    });
  }

  /**
   * One Identity Store call through the retry policy: `null` when the principal does not exist
   * (`ResourceNotFoundException`), an {@link UnexpectedResponseError} when the answer lacks the
   * `what` it was asked for.
   */
  private async principalCall(
    context: { readonly operation: string; readonly principalId?: string },
    what: 'id' | 'name',
    call: () => Promise<string | undefined>,
  ): Promise<string | null> {
    const result = await callAws(
      context,
      async () => {
        try {
          return await call();
        } catch (error) {
          if (awsErrorName(error) === 'ResourceNotFoundException') return NOT_FOUND;
          throw error;
        }
      },
      this.retryPolicy,
    );
    if (result === NOT_FOUND) return null;
    if (result === undefined) {
      throw new UnexpectedResponseError(`${context.operation} returned no ${what}`, { context });
    }
    return result;
  }
}
