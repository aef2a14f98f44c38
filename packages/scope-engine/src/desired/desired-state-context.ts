import type { GovernanceConfig } from '../model/governance-config';
import type { OrgSnapshot } from '../model/org-snapshot';
import { RuleIndex } from '../matching/rule-index';
import { compileRules } from '../resolve/compiled-rules';
import type { References } from '../resolve/references';
import type { OrgView } from '../snapshot/org-index';
import { SERVICE_CONTROL_POLICY } from '../policy/policy-types';
import { TagTrust } from '../trust/tag-trust';
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
    policyRules: RuleIndex.of(compiled.policyRules),
    enabledPolicyTypes: new Set(snapshot.enabledPolicyTypes ?? [SERVICE_CONTROL_POLICY]),
    assignmentRules: RuleIndex.of(compiled.assignmentRules),
    assignmentRankOf: compiled.rankOf,
    tagTrust: TagTrust.of(config.settings.trustedTagPrincipals, snapshot),
  };
}
