import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OrgSnapshot } from '@org/scope-engine';

/** Where the report went, or why there is none. */
export type HtmlReportOutcome = { readonly written: string } | { readonly skipped: string };

/**
 * Writes the browsable HTML report of the effective state with the `orgctl report` command
 * (the CLI's own report module, run as the CLI so the handlers do not depend on the CLI). The
 * snapshot is saved next to the report as JSON.
 *
 * @example
 * ```ts
 * const outcome = writeHtmlReport(root, effective, 'examples/governance.yaml', 'report.html');
 * ```
 */
export function writeHtmlReport(
  workspaceRoot: string,
  snapshot: OrgSnapshot,
  configPath: string,
  outPath: string,
): HtmlReportOutcome {
  const cli = path.join(workspaceRoot, 'apps', 'cli', 'bin', 'orgctl.js');
  if (!existsSync(path.join(workspaceRoot, 'apps', 'cli', 'dist', 'orgctl.js'))) {
    return { skipped: 'orgctl is not built (run `npx nx run cli:bundle`); no HTML report' };
  }
  const snapshotPath = path.join(path.dirname(outPath), 'effective-org.json');
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(snapshotPath, `${JSON.stringify(snapshot, null, 2)}\n`);
  const result = spawnSync(
    process.execPath,
    [cli, 'report', '--org', snapshotPath, '--config', configPath, '--out', outPath],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    return {
      skipped: `orgctl report exited ${result.status}: ${(result.stderr ?? '').trim().split('\n')[0]}`,
    };
  }
  return { written: outPath };
}
