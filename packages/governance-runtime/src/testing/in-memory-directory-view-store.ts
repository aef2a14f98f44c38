import type { DirectoryViewStore, StoredDirectoryView } from '../state/directory-view-store';

/**
 * A {@link DirectoryViewStore} in memory.
 *
 * @example
 * ```ts
 * const views = new InMemoryDirectoryViewStore();
 * await reconcile({ ...deps, directoryViews: views }, { runId: 'r1' });
 * await views.load(); // { permissionSets, principals, readAt }
 * ```
 */
export class InMemoryDirectoryViewStore implements DirectoryViewStore {
  private view: StoredDirectoryView | null;

  constructor(initial: StoredDirectoryView | null = null) {
    this.view = initial;
  }

  /** {@inheritDoc DirectoryViewStore.load} */
  async load(): Promise<StoredDirectoryView | null> {
    return this.view;
  }

  /** {@inheritDoc DirectoryViewStore.save} */
  async save(view: StoredDirectoryView): Promise<void> {
    this.view = view;
  }
}
