/**
 * The Identity Center side of a snapshot as the last full read found it, stored so that a
 * function without Identity Center clients (the org events processor) can plan assignments.
 */
import type { Clock } from '../clock';
import type { DirectoryView } from './directory-view';

/** A {@link DirectoryView} and when it was read. */
export interface StoredDirectoryView extends DirectoryView {
  /** ISO 8601 time of the read (`null` for {@link EMPTY_DIRECTORY_VIEW}). */
  readonly readAt: string | null;
}

/** What planning sees before any full read stored a view: every assignment rule is skipped. */
export const EMPTY_DIRECTORY_VIEW: StoredDirectoryView = {
  permissionSets: [],
  principals: [],
  readAt: null,
};

/**
 * Where the reconciler and `rules apply` keep the directory view they read, and where the
 * processor reads it.
 *
 * @example
 * ```ts
 * await store.save({ permissionSets, principals, readAt: new Date().toISOString() });
 * const view = await store.load(); // null until the first save
 * ```
 */
export interface DirectoryViewStore {
  /** The last view saved, or `null` when none was. */
  load(): Promise<StoredDirectoryView | null>;

  /** Replaces the stored view. */
  save(view: StoredDirectoryView): Promise<void>;
}

/**
 * Where a planner gets its directory view: live from Identity Center, or stored.
 *
 * @example
 * ```ts
 * const { permissionSets, principals } = await source.current();
 * ```
 */
export interface DirectoryViewSource {
  /** The view to plan with ({@link EMPTY_DIRECTORY_VIEW} when none was stored). */
  current(): Promise<StoredDirectoryView>;
}

/**
 * A {@link DirectoryViewSource} reading the store at most once per `ttlMs` (per Lambda
 * container, like the rules). Concurrent callers share one read.
 *
 * @example
 * ```ts
 * const directoryView = new CachedDirectoryView(store, clock, 60_000);
 * ```
 */
export class CachedDirectoryView implements DirectoryViewSource {
  private cached: { readonly view: StoredDirectoryView; readonly loadedAt: number } | null = null;
  private loading: Promise<StoredDirectoryView> | null = null;

  constructor(
    private readonly store: Pick<DirectoryViewStore, 'load'>,
    private readonly clock: Clock,
    /** How long a read stays fresh, in milliseconds. */
    private readonly ttlMs: number,
  ) {}

  /** {@inheritDoc DirectoryViewSource.current} */
  async current(): Promise<StoredDirectoryView> {
    if (this.cached !== null && this.clock.now() - this.cached.loadedAt < this.ttlMs) {
      return this.cached.view;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Forgets the cached view (the next call reads the store). */
  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<StoredDirectoryView> {
    const view = (await this.store.load()) ?? EMPTY_DIRECTORY_VIEW;
    this.cached = { view, loadedAt: this.clock.now() };
    return view;
  }
}
