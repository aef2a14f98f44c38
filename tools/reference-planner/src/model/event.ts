/**
 * The domain events the reference planner plans for: the parsed form of the Organizations, tag
 * and Control Tower events (the product's domain events fit this shape).
 */

/** Where an event came from; only the CloudTrail event name is used (the `{eventName}` placeholder). */
export interface RefEventMeta {
  readonly eventName: string;
}

/** How an account's tags changed: the full new map, keys set, or keys removed. */
export type RefTagChange =
  | { readonly kind: 'replace'; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: 'set'; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: 'remove'; readonly keys: readonly string[] };

/** An event about the organization. */
export type RefEvent =
  | {
      readonly type: 'AccountCreated';
      readonly accountId: string;
      readonly accountName: string | null;
      readonly meta: RefEventMeta;
    }
  | {
      readonly type: 'CreateAccountFailed';
      readonly accountName: string | null;
      readonly meta: RefEventMeta;
    }
  | { readonly type: 'AccountJoined'; readonly accountId: string; readonly meta: RefEventMeta }
  | {
      readonly type: 'AccountMoved';
      readonly accountId: string;
      readonly destinationParentId: string;
      readonly meta: RefEventMeta;
    }
  | {
      readonly type: 'AccountTagsChanged';
      readonly accountId: string;
      readonly change: RefTagChange;
      readonly meta: RefEventMeta;
    }
  | { readonly type: 'AccountRemoved'; readonly accountId: string; readonly meta: RefEventMeta }
  | {
      readonly type: 'ManagedAccountVended';
      readonly operation: 'CreateManagedAccount' | 'UpdateManagedAccount';
      readonly state: string;
      readonly accountId: string | null;
      readonly accountName: string | null;
      readonly ouId: string | null;
      readonly ouName: string | null;
      readonly meta: RefEventMeta;
    }
  | {
      readonly type: 'OrganizationalUnitCreated';
      readonly ouId: string;
      readonly name: string;
      readonly parentId: string;
      readonly meta: RefEventMeta;
    };
