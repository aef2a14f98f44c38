import { displayText } from '@org/event-schemas';

/** A table cell: its text and, optionally, how to colour it (applied after alignment). */
export interface Cell {
  readonly text: string;
  readonly style?: (text: string) => string;
}

/** Text written per `write` call by {@link writeTable} (lines are batched up to about this size). */
const CHUNK_CHARS = 64 * 1024;

/**
 * Renders rows as an aligned table: one header row, columns separated by two spaces, the last
 * column not padded. Every cell goes through `displayText` first (names come from the
 * organization: control characters, escape sequences and bidi overrides are shown as `\uXXXX`,
 * never sent to the terminal; a cell is at most 256 characters). Colour is applied after padding,
 * so escape codes never break alignment.
 *
 * @example
 * ```ts
 * renderTable(['ACCOUNT', 'OPERATION'], [[{ text: '2222…' }, { text: 'attachPolicy' }]]);
 * ```
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  headerStyle: (text: string) => string = (t) => t,
): string {
  const out: string[] = [];
  writeTable(
    headers,
    rows.length,
    (i) => rows[i] ?? [],
    (chunk) => out.push(chunk),
    headerStyle,
  );
  return out.join('');
}

/**
 * {@link renderTable} for tables of any size: rows are made on demand by `rowAt` (twice: once to
 * measure the columns, once to write) and written in chunks of about 64 KiB, so neither the rows
 * nor the text are ever held whole — a plan of millions of operations streams to stdout.
 *
 * @example
 * ```ts
 * writeTable(['ACCOUNT'], ops.length, (i) => [{ text: ops[i].accountId }], (s) => io.stdout.write(s));
 * ```
 */
export function writeTable(
  headers: readonly string[],
  rowCount: number,
  rowAt: (index: number) => readonly Cell[],
  write: (chunk: string) => void,
  headerStyle: (text: string) => string = (t) => t,
): void {
  const safeHeaders = headers.map((text) => displayText(text));
  const widths = safeHeaders.map(displayWidth);
  for (let r = 0; r < rowCount; r++) {
    rowAt(r).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(safeCell(cell).text));
    });
  }
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => {
        const last = i === cells.length - 1;
        const padded = last
          ? cell.text
          : cell.text + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell.text)));
        return cell.style ? cell.style(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  let chunk = `${line(safeHeaders.map((text) => ({ text, style: headerStyle })))}\n`;
  for (let r = 0; r < rowCount; r++) {
    chunk += `${line(rowAt(r).map(safeCell))}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      write(chunk);
      chunk = '';
    }
  }
  write(chunk);
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
