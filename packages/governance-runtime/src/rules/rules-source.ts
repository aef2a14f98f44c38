/**
 * The governance rules as the pipeline reads them: from the rules table, cached for a while so
 * a burst of events does not re-read the table for each one.
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { RulesRepository, StoredGovernanceConfig } from '../ports/rules-repository';
import type { Clock } from '../clock';
import { RulesNotConfiguredError } from '../errors';

/**
 * Where the current governance configuration comes from.
 *
 * @example
 * ```ts
 * const config = await rules.current();
 * ```
 */
export interface RulesSource {
  /** The current configuration; throws {@link RulesNotConfiguredError} when none is stored. */
  current(): Promise<GovernanceConfig>;
  /**
   * The configurations superseded within the retention period, newest first
   * ({@link RulesRepository.loadRecent}). Absent: no superseded configuration is known.
   */
  recent?(): Promise<readonly StoredGovernanceConfig[]>;
}

/** A value read at `loadedAt` (clock milliseconds). */
interface Cached<T> {
  readonly value: T;
  readonly loadedAt: number;
}

/**
 * A {@link RulesSource} that reads the {@link RulesRepository} at most once per `ttlMs`
 * (per Lambda container). Concurrent callers share one read. A failed read (for instance a
 * rules swap the repository could not read consistently) is passed to the caller and never
 * cached: the next call reads again, so nothing plans on an empty or partial rule set. The
 * superseded configurations are read only when asked for ({@link CachedRulesSource.recent}),
 * cached the same way, and read again whenever the current configuration is.
 *
 * @example
 * ```ts
 * const rules = new CachedRulesSource(rulesRepository, clock, 60_000);
 * const config = await rules.current();
 * ```
 */
export class CachedRulesSource implements RulesSource {
  private cached: Cached<GovernanceConfig> | null = null;
  private loading: Promise<GovernanceConfig> | null = null;
  private cachedRecent: Cached<readonly StoredGovernanceConfig[]> | null = null;
  private loadingRecent: Promise<readonly StoredGovernanceConfig[]> | null = null;

  constructor(
    private readonly repository: Pick<RulesRepository, 'load'> &
      Partial<Pick<RulesRepository, 'loadRecent'>>,
    private readonly clock: Clock,
    /** How long a read stays fresh, in milliseconds. */
    private readonly ttlMs: number,
  ) {}

  /** {@inheritDoc RulesSource.current} */
  async current(): Promise<GovernanceConfig> {
    if (this.fresh(this.cached)) return this.cached.value;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** {@inheritDoc RulesSource.recent} An empty list when the repository keeps none. */
  async recent(): Promise<readonly StoredGovernanceConfig[]> {
    if (this.fresh(this.cachedRecent)) return this.cachedRecent.value;
    this.loadingRecent ??= this.loadRecent().finally(() => {
      this.loadingRecent = null;
    });
    return this.loadingRecent;
  }

  /** Forgets the cached configurations (the next calls read the table). */
  invalidate(): void {
    this.cached = null;
    this.cachedRecent = null;
  }

  private fresh<T>(cached: Cached<T> | null): cached is Cached<T> {
    return cached !== null && this.clock.now() - cached.loadedAt < this.ttlMs;
  }

  private async load(): Promise<GovernanceConfig> {
    const stored = await this.repository.load();
    if (stored === null) {
      throw new RulesNotConfiguredError();
    }
    this.cached = { value: stored.config, loadedAt: this.clock.now() };
    // A new current configuration may have superseded one: the recent ones are read again.
    this.cachedRecent = null;
    return stored.config;
  }

  private async loadRecent(): Promise<readonly StoredGovernanceConfig[]> {
    const recent = (await this.repository.loadRecent?.()) ?? [];
    this.cachedRecent = { value: recent, loadedAt: this.clock.now() };
    return recent;
  }
}

/** A {@link RulesSource} over a fixed configuration (the CLI, tests). */
export function staticRulesSource(config: GovernanceConfig): RulesSource {
  return { current: async () => config };
}
