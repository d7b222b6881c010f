/**
 * @module CSV as RFC 4180 describes it (quoted fields with doubled quotes, CRLF or LF line ends), plus what Excel
 * writes when saving "CSV UTF-8": a leading byte-order mark. Returns the cells as text.
 */

/**
 * Splits CSV text into rows of cells. Blank lines stay (as one empty cell) so row numbers match the lines a user
 * sees in a spreadsheet; a final line end does not start another row.
 * @example parseCsv('站点,数值\r\nS01,"1,5"') // [["站点", "数值"], ["S01", "1,5"]]
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = "";
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      if (ch === "\r" && s[i + 1] === "\n") i++;
    } else cell += ch;
    i++;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

/** Quotes a cell when needed, for writing CSV. */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
