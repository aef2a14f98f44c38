import type { GovernanceConfig } from '../model/governance-config';
import type { OrgSnapshot } from '../model/org-snapshot';
import { RuleIndex } from '../matching/rule-index';
import { compileRules } from '../resolve/compiled-rules';
import type { References } from '../resolve/references';
import type { OrgView } from '../snapshot/org-index';
import type { DesiredStateContext } from './compute-desired-state';

/** Resolves and indexes the rules of `config` for computing desired states over `snapshot`. */
export function computeDesiredStateContext(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  org: OrgView,
  refs: References,
): DesiredStateContext {
  const compiled = compileRules(config, refs);
  return {
    config,
    managementAccountId: snapshot.managementAccountId,
    org,
    scpRules: RuleIndex.of(compiled.scpRules),
    assignmentRules: RuleIndex.of(compiled.assignmentRules),
    assignmentRankOf: compiled.rankOf,
  };
}
