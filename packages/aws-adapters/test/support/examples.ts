/**
 * The repository's example org.yaml and governance.yaml, parsed by the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GovernanceConfig,
  type OrgSnapshot,
  parseGovernanceConfig,
  parseOrgSnapshot,
} from '@org/scope-engine';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

/** `examples/org.yaml`. */
export function exampleOrg(): OrgSnapshot {
  return parseOrgSnapshot(readFileSync(join(EXAMPLES, 'org.yaml'), 'utf8'), 'examples/org.yaml');
}

/** `examples/governance.yaml`. */
export function exampleGovernance(): GovernanceConfig {
  return parseGovernanceConfig(
    readFileSync(join(EXAMPLES, 'governance.yaml'), 'utf8'),
    'examples/governance.yaml',
  );
}
