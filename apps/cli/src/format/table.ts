/** A table cell: its text and, optionally, how to colour it (applied after alignment). */
export interface Cell {
  readonly text: string;
  readonly style?: (text: string) => string;
}

/**
 * Renders rows as an aligned table: one header row, columns separated by two spaces, the last
 * column not padded. Colour is applied after padding, so escape codes never break alignment.
 *
 * @example
 * ```ts
 * renderTable(['ACCOUNT', 'OPERATION'], [[{ text: '2222…' }, { text: 'attachScp' }]]);
 * ```
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  headerStyle: (text: string) => string = (t) => t,
): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => displayWidth(r[i]?.text ?? ''))),
  );
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => {
        const last = i === cells.length - 1;
        const padded = last
          ? cell.text
          : cell.text + ' '.repeat((widths[i] ?? 0) - displayWidth(cell.text));
        return cell.style ? cell.style(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return (
    [line(headers.map((text) => ({ text, style: headerStyle }))), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** Width in terminal columns (code points; good enough for names and ids). */
function displayWidth(text: string): number {
  return [...text].length;
}

/** Shortens `text` to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
