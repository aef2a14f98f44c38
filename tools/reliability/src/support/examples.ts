import { readDocument } from '@org/scope-engine';
import { readWorkspaceFile } from './workspace';

/** An example document of the workspace: its text and the data it holds. */
export interface ExampleDocument {
  /** Workspace-relative path. */
  readonly name: string;
  /** The file as written. */
  readonly text: string;
  /** The YAML read as data (before validation and defaults). */
  readonly data: object;
}

/**
 * Reads `examples/<file>` (YAML) as text and as data, with the engine's own reader.
 *
 * @example
 * ```ts
 * exampleDocument('governance.yaml').data; // { settings: {…}, scpRules: [...], … }
 * ```
 */
export function exampleDocument(file: string): ExampleDocument {
  const name = `examples/${file}`;
  const text = readWorkspaceFile('examples', file);
  const read = readDocument(text, name);
  if (!read.ok || typeof read.document.value !== 'object' || read.document.value === null) {
    throw new Error(`${name} is not a YAML mapping`);
  }
  return { name, text, data: read.document.value };
}
