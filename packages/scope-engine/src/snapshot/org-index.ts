import type {
  Account,
  Assignment,
  Attachment,
  OrganizationalUnit,
  OrgSnapshot,
} from '../model/org-snapshot';
import { groupBy } from './group-by';

const NONE: readonly never[] = [];

/** What scope matching needs to know about the organization's tree. */
export interface OrgView {
  /** The root id. */
  readonly rootId: string;
  /** OU ids from `parentId` up to (not including) the root; `[]` for the root itself. */
  ancestorsOf(parentId: string): readonly string[];
}

/**
 * Lookup tables over one immutable snapshot: accounts by id, by parent and by tag; OUs and their
 * children; ancestors; current attachments and assignments per target. Every table is built on
 * first use, so a caller that needs one account pays for one table.
 *
 * @example
 * ```ts
 * const index = OrgIndex.of(snapshot);
 * index.ancestorsOf('ou-ab12-22222222'); // ['ou-ab12-22222222', 'ou-ab12-11111111']
 * index.accountsWithTag('env', 'prod').map((a) => a.id);
 * ```
 */
export class OrgIndex implements OrgView {
  private accountById?: Map<string, Account>;
  private accountsByParent?: Map<string, Account[]>;
  private accountsByTag?: Map<string, Map<string, Account[]>>;
  private ouById?: Map<string, OrganizationalUnit>;
  private ousByParent?: Map<string, OrganizationalUnit[]>;
  private attachmentsByTarget?: Map<string, Attachment[]>;
  private assignmentsByAccount?: Map<string, Assignment[]>;
  private readonly ancestorCache = new Map<string, readonly string[]>();

  private constructor(
    /** The indexed snapshot. */
    readonly snapshot: OrgSnapshot,
  ) {}

  /** Indexes `snapshot` (lazily). */
  static of(snapshot: OrgSnapshot): OrgIndex {
    return new OrgIndex(snapshot);
  }

  /** The root id. */
  get rootId(): string {
    return this.snapshot.rootId;
  }

  /** The account with this id. */
  account(id: string): Account | undefined {
    this.accountById ??= new Map(this.snapshot.accounts.map((a) => [a.id, a]));
    return this.accountById.get(id);
  }

  /** Accounts whose parent is `parentId` (root or OU), in snapshot order. */
  accountsUnder(parentId: string): readonly Account[] {
    this.accountsByParent ??= groupBy(this.snapshot.accounts, (a) => a.parentId);
    return this.accountsByParent.get(parentId) ?? NONE;
  }

  /** Accounts with tag `key` (and `value`, when given), in snapshot order. */
  accountsWithTag(key: string, value?: string): readonly Account[] {
    this.accountsByTag ??= indexTags(this.snapshot.accounts);
    const byValue = this.accountsByTag.get(key);
    if (byValue === undefined) return NONE;
    if (value !== undefined) return byValue.get(value) ?? NONE;
    return this.snapshot.accounts.filter((a) => Object.hasOwn(a.tags, key));
  }

  /** The OU with this id. */
  ou(id: string): OrganizationalUnit | undefined {
    this.ouById ??= new Map(this.snapshot.organizationalUnits.map((o) => [o.id, o]));
    return this.ouById.get(id);
  }

  /** OUs whose parent is `parentId`, in snapshot order. */
  childOus(parentId: string): readonly OrganizationalUnit[] {
    this.ousByParent ??= groupBy(this.snapshot.organizationalUnits, (o) => o.parentId);
    return this.ousByParent.get(parentId) ?? NONE;
  }

  /** `true` when `id` is the root or a known OU. */
  isParent(id: string): boolean {
    return id === this.snapshot.rootId || this.ou(id) !== undefined;
  }

  /** OU ids from `parentId` up to (not including) the root; stops at an unknown id or a cycle. */
  ancestorsOf(parentId: string): readonly string[] {
    const cached = this.ancestorCache.get(parentId);
    if (cached !== undefined) return cached;
    const chain: string[] = [];
    let current: string | undefined = parentId;
    while (current !== undefined && current !== this.snapshot.rootId && !chain.includes(current)) {
      chain.push(current);
      current = this.ou(current)?.parentId;
    }
    this.ancestorCache.set(parentId, chain);
    return chain;
  }

  /** SCPs attached directly to `targetId` (account, OU or root). */
  attachmentsOf(targetId: string): readonly Attachment[] {
    this.attachmentsByTarget ??= groupBy(this.snapshot.attachments, (a) => a.targetId);
    return this.attachmentsByTarget.get(targetId) ?? NONE;
  }

  /** Account assignments that exist on `accountId`. */
  assignmentsOf(accountId: string): readonly Assignment[] {
    this.assignmentsByAccount ??= groupBy(this.snapshot.assignments, (a) => a.accountId);
    return this.assignmentsByAccount.get(accountId) ?? NONE;
  }
}

function indexTags(accounts: readonly Account[]): Map<string, Map<string, Account[]>> {
  const byKey = new Map<string, Map<string, Account[]>>();
  for (const account of accounts) {
    for (const [key, value] of Object.entries(account.tags)) {
      let byValue = byKey.get(key);
      if (byValue === undefined) byKey.set(key, (byValue = new Map()));
      const group = byValue.get(value);
      if (group === undefined) byValue.set(value, [account]);
      else group.push(account);
    }
  }
  return byKey;
}
