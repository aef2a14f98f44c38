import { ConfigError } from '../errors';
import type { GovernanceConfig } from '../model/governance-config';
import { keptProblems } from '../problems/kept-problems';
import { readDocument } from '../source/read-document';
import { checkConfig } from './check-config';
import { GovernanceConfigSchema } from './config-schema';
import { toGovernanceConfig } from './to-model';

const SECTIONS = ['settings', 'scpRules', 'assignmentRules', 'notifications'];

/**
 * Parses and validates a governance configuration (docs/configuration.md) from YAML or JSON text (or parsed
 * data), applying the defaults. Throws a {@link ConfigError} listing **every** problem with its
 * path and line: duplicate ids, bad ids, unknown scope or target types, unknown fields, missing
 * required fields, unknown template placeholders. Names are not resolved here: see
 * {@link resolveConfig}.
 *
 * @param input - YAML/JSON text, or a plain object.
 * @param source - Name of the document in messages (usually the file name).
 * @example
 * ```ts
 * const config = parseGovernanceConfig(readFileSync('governance.yaml', 'utf8'), 'governance.yaml');
 * config.settings.maxScpsPerTarget; // 10 unless set
 * ```
 */
export function parseGovernanceConfig(
  input: string | object,
  source = 'governance config',
): GovernanceConfig {
  const read = readDocument(input, source);
  if (!read.ok) throw new ConfigError(source, read.problems);
  const doc = read.document;
  if (doc.value === null || doc.value === undefined) {
    throw new ConfigError(source, [{ path: '', message: 'the document is empty' }]);
  }
  const parsed = GovernanceConfigSchema.safeParse(withoutEmptySections(doc.value));
  const { problems, problemCount } = keptProblems(
    parsed.success ? [] : parsed.error.issues,
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
