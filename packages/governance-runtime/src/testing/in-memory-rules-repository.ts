import type { GovernanceConfig, Scope } from '@org/scope-engine';
import type { Clock } from '../clock';
import type {
  RulesRepository,
  ScopeLookup,
  StoredGovernanceConfig,
  StoredRule,
} from '../ports/rules-repository';

/** How long a superseded configuration stays readable by default: 90 minutes, as in the table. */
export const DEFAULT_RULES_RETENTION_MS = 90 * 60_000;

/** A superseded configuration and when (clock milliseconds) it stopped being current. */
interface Superseded {
  readonly stored: StoredGovernanceConfig;
  readonly supersededAt: number;
}

/** Whether a rule's scope is exactly the looked-up one (a tag lookup also finds any-value rules). */
function inScope(scope: Scope, lookup: ScopeLookup): boolean {
  switch (lookup.type) {
    case 'root':
      return scope.type === 'root';
    case 'ou':
    case 'account':
      return (
        (scope.type === 'ou' || scope.type === 'account') &&
        scope.type === lookup.type &&
        scope.id === lookup.id
      );
    case 'accountTag':
      return (
        scope.type === 'accountTag' &&
        scope.key === lookup.key &&
        (lookup.value === undefined || scope.value === undefined || scope.value === lookup.value)
      );
  }
}

/**
 * A {@link RulesRepository} in memory, with the rules table's semantics: a save checks the
 * expected version (a mismatch throws an error with code `VersionConflict`) and keeps the
 * configuration it supersedes readable through {@link loadRecent} for `retentionMs`.
 *
 * @example
 * ```ts
 * const rules = new InMemoryRulesRepository(clock);
 * await rules.save(V1, 0, '2026-01-01T00:00:00Z');
 * await rules.save(V2, 1, '2026-01-01T00:05:00Z');
 * await rules.loadRecent(); // [{ config: V1, version: 1, … }]
 * ```
 */
export class InMemoryRulesRepository implements RulesRepository {
  private stored: StoredGovernanceConfig | null = null;
  private superseded: Superseded[] = [];

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    /** How long a superseded configuration stays readable. */
    private readonly retentionMs = DEFAULT_RULES_RETENTION_MS,
  ) {}

  /** {@inheritDoc RulesRepository.load} */
  async load(): Promise<StoredGovernanceConfig | null> {
    return this.stored;
  }

  /** {@inheritDoc RulesRepository.loadRecent} */
  async loadRecent(): Promise<readonly StoredGovernanceConfig[]> {
    const now = this.clock.now();
    return this.superseded
      .filter((entry) => now - entry.supersededAt < this.retentionMs)
      .map((entry) => entry.stored)
      .sort((a, b) => b.version - a.version);
  }

  /** {@inheritDoc RulesRepository.save} */
  async save(
    config: GovernanceConfig,
    expectedVersion: number,
    updatedAt: string,
  ): Promise<number> {
    const current = this.stored?.version ?? 0;
    if (current !== expectedVersion) {
      throw Object.assign(
        new Error(
          `The rules were changed concurrently (expected version ${expectedVersion}); reload and retry`,
        ),
        { code: 'VersionConflict', retryable: true },
      );
    }
    const now = this.clock.now();
    this.superseded = this.superseded.filter(
      (entry) => now - entry.supersededAt < this.retentionMs,
    );
    if (this.stored !== null) this.superseded.push({ stored: this.stored, supersededAt: now });
    this.stored = { config, version: current + 1, updatedAt };
    return current + 1;
  }

  /** {@inheritDoc RulesRepository.findByScope} */
  async findByScope(scope: ScopeLookup): Promise<readonly StoredRule[]> {
    const config = this.stored?.config;
    if (config === undefined) return [];
    const all: StoredRule[] = [
      ...config.assignmentRules.map((rule) => ({ kind: 'assignment' as const, rule })),
      ...(config.policyRules ?? []).map((rule) => ({ kind: 'policy' as const, rule })),
      ...config.scpRules.map((rule) => ({ kind: 'scp' as const, rule })),
    ];
    return all.filter((stored) => inScope(stored.rule.scope, scope));
  }
}
