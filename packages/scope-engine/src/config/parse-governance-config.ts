import { ConfigError } from '../errors';
import type { GovernanceConfig } from '../model/governance-config';
import { readDocument } from '../source/read-document';
import { validateDocument } from './validate-governance-config';

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
  return validateDocument(read.document, source);
}
