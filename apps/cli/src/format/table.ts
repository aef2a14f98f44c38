import { displayText } from '@org/event-schemas';

/** A table cell: its text and, optionally, how to colour it (applied after alignment). */
export interface Cell {
  readonly text: string;
  readonly style?: (text: string) => string;
}

/**
 * Renders rows as an aligned table: one header row, columns separated by two spaces, the last
 * column not padded. Every cell goes through `displayText` first (names come from the
 * organization: control characters, escape sequences and bidi overrides are shown as `\uXXXX`,
 * never sent to the terminal; a cell is at most 256 characters). Colour is applied after padding,
 * so escape codes never break alignment.
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
  const safeHeaders = headers.map((text) => displayText(text));
  const safeRows = rows.map((row) => row.map(safeCell));
  const widths = safeHeaders.map((h, i) =>
    Math.max(displayWidth(h), ...safeRows.map((r) => displayWidth(r[i]?.text ?? ''))),
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
    [line(safeHeaders.map((text) => ({ text, style: headerStyle }))), ...safeRows.map(line)].join(
      '\n',
    ) + '\n'
  );
}

/** The cell with its text made safe to show on one terminal line. */
function safeCell(cell: Cell): Cell {
  return { ...cell, text: displayText(cell.text) };
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
