import { ConfigError } from '../errors';
import type { GovernanceConfig } from '../model/governance-config';
import { keptProblems } from '../problems/kept-problems';
import type { SourceDocument } from '../source/source-document';
import { checkConfig } from './check-config';
import { parseConfigSchema } from './parse-config-schema';
import { toGovernanceConfig } from './to-model';

const SECTIONS = ['settings', 'scpRules', 'policyRules', 'assignmentRules', 'notifications'];

/**
 * Validates a governance configuration that is already data (e.g. read back from the rules
 * table), with every check `parseGovernanceConfig` applies, but without the YAML/JSON text reader
 * (which the Lambda bundles do not need). Throws a {@link ConfigError} listing every problem.
 *
 * @param value - The configuration as plain data.
 * @param source - Name of the document in messages.
 * @example
 * ```ts
 * const config = validateGovernanceConfig(storedConfig, 'rules table (version 7)');
 * ```
 */
export function validateGovernanceConfig(
  value: object,
  source = 'governance config',
): GovernanceConfig {
  return validateDocument({ source, value, lineOf: () => undefined }, source);
}

/**
 * The checks shared by {@link validateGovernanceConfig} and `parseGovernanceConfig`: schema,
 * cross-field checks, defaults.
 *
 * @example
 * ```ts
 * const config = validateDocument(read.document, 'governance.yaml');
 * ```
 */
export function validateDocument(doc: SourceDocument, source: string): GovernanceConfig {
  if (doc.value === null || doc.value === undefined) {
    throw new ConfigError(source, [{ path: '', message: 'the document is empty' }]);
  }
  const parsed = parseConfigSchema(withoutEmptySections(doc.value));
  const { problems, problemCount } = keptProblems(
    parsed.success ? [] : parsed.issues,
    doc,
    checkConfig(doc),
  );
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(source, problems, {
      cause: parsed.success ? undefined : parsed.error,
      problemCount,
    });
  }
  return toGovernanceConfig(parsed.data);
}

/** `scpRules:` with nothing under it (YAML null) means "no rules", not an error. */
function withoutEmptySections(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).filter(
    ([key, v]) => !(SECTIONS.includes(key) && v === null),
  );
  return Object.fromEntries(entries);
}
