/**
 * One CSV cell for a spreadsheet: a leading = + - @ (or tab/CR) is guarded with `'` so it shows
 * as text, and a cell holding `;`, `"` or a line break is quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, `;` between them (Danish Excel). */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(';');
}
