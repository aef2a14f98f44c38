/**
 * A plain-text table: columns padded to their widest cell, a dashed rule under the header.
 *
 * @example
 * ```ts
 * console.log(textTable(['account', 'SCPs'], [['222233334444', 'DenyLeaveOrg']]));
 * ```
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
