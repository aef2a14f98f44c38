/** The start of an `orgctl plan` command line: the snapshot and the configuration it plans from. */
export function planArgs(org: string, config: string): string[] {
  return ['plan', '--org', org, '--config', config];
}
