import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Root of the monorepo (this file is tools/reliability/src/support/workspace.ts). */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Absolute path of a file in the workspace.
 *
 * @example
 * ```ts
 * readFileSync(workspacePath('examples', 'governance.yaml'), 'utf8');
 * ```
 */
export function workspacePath(...segments: string[]): string {
  return join(WORKSPACE_ROOT, ...segments);
}

/** A text file of the workspace, read as UTF-8. */
export function readWorkspaceFile(...segments: string[]): string {
  return readFileSync(workspacePath(...segments), 'utf8');
}

/** One real raw event: where it comes from and its parsed JSON. */
export interface SampleEvent {
  /** Workspace-relative path, e.g. `examples/events/account-moved.json`. */
  readonly name: string;
  /** The event as AWS delivers it. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Folders holding real raw events: the parser's fixtures and the examples. */
export const SAMPLE_EVENT_DIRS = ['packages/event-schemas/test/fixtures', 'examples/events'];

/**
 * Every real raw event of the workspace (each `.json` of {@link SAMPLE_EVENT_DIRS}), sorted by
 * name so generated cases do not depend on directory order.
 *
 * @example
 * ```ts
 * sampleEvents().map((s) => s.name); // ['examples/events/account-closed.json', …]
 * ```
 */
export function sampleEvents(): SampleEvent[] {
  return SAMPLE_EVENT_DIRS.flatMap((dir) =>
    readdirSync(workspacePath(dir))
      .filter((file) => file.endsWith('.json'))
      .map((file) => {
        const name = `${dir}/${file}`;
        return { name, raw: JSON.parse(readWorkspaceFile(name)) as Record<string, unknown> };
      }),
  ).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
