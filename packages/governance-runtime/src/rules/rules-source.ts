/**
 * The governance rules as the pipeline reads them: from the rules table, cached for a while so
 * a burst of events does not re-read the table for each one.
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { RulesRepository } from '../ports/rules-repository';
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
}

/**
 * A {@link RulesSource} that reads the {@link RulesRepository} at most once per `ttlMs`
 * (per Lambda container). Concurrent callers share one read. A failed read (for instance a
 * rules swap the repository could not read consistently) is passed to the caller and never
 * cached: the next call reads again, so nothing plans on an empty or partial rule set.
 *
 * @example
 * ```ts
 * const rules = new CachedRulesSource(rulesRepository, clock, 60_000);
 * const config = await rules.current();
 * ```
 */
export class CachedRulesSource implements RulesSource {
  private cached: { readonly config: GovernanceConfig; readonly loadedAt: number } | null = null;
  private loading: Promise<GovernanceConfig> | null = null;

  constructor(
    private readonly repository: Pick<RulesRepository, 'load'>,
    private readonly clock: Clock,
    /** How long a read stays fresh, in milliseconds. */
    private readonly ttlMs: number,
  ) {}

  /** {@inheritDoc RulesSource.current} */
  async current(): Promise<GovernanceConfig> {
    if (this.cached !== null && this.clock.now() - this.cached.loadedAt < this.ttlMs) {
      return this.cached.config;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Forgets the cached configuration (the next call reads the table). */
  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<GovernanceConfig> {
    const stored = await this.repository.load();
    if (stored === null) {
      throw new RulesNotConfiguredError();
    }
    this.cached = { config: stored.config, loadedAt: this.clock.now() };
    return stored.config;
  }
}

/** A {@link RulesSource} over a fixed configuration (the CLI, tests). */
export function staticRulesSource(config: GovernanceConfig): RulesSource {
  return { current: async () => config };
}
