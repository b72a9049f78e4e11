/**
 * Lays a table out on a worksheet grid: the placement both sheet writers (ExcelJS for files, Office.js
 * in Excel) render, so they agree cell for cell. Row 0 holds the title, the table follows, then one
 * row per note (merged across the table's width, wrapped). Numbers stay numbers with an Excel number
 * format; text cells get the text format "@" so Excel never re-reads "(1)" as -1.
 *
 * Shapes: values/formats/align are nrow x ncol (row-major arrays of rows), all 0-based.
 */
import { excelFormat } from "./formats";
import { RuleWeight, Table } from "./table";

export type GridValue = string | number;

export interface GridMerge {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
}

/** A rule on one edge of a horizontal run of cells [col, col + cols). */
export interface GridRule {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
  readonly edge: "top" | "bottom";
  readonly weight: RuleWeight;
}

export interface SheetGrid {
  readonly nrow: number;
  readonly ncol: number;
  readonly values: GridValue[][];
  readonly formats: string[][];
  readonly align: ("left" | "center")[][];
  readonly bold: boolean[][];
  readonly merges: readonly GridMerge[];
  readonly rules: readonly GridRule[];
  /** Grid row of the first table row (after the title). */
  readonly tableRow: number;
  /** Grid rows of the notes. */
  readonly noteRows: readonly number[];
  readonly titleRow: number;
  /** Column widths in characters of the default font. */
  readonly widths: readonly number[];
  /** Row heights in points for rows that need more than one line (wrapped notes); others default. */
  readonly heights: ReadonlyMap<number, number>;
}

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";
/** Font of written tables (LibreOffice substitutes the metric-compatible Liberation Serif). */
export const TABLE_FONT = { name: "Times New Roman", size: 11 } as const;
const LINE_HEIGHT = 15;

export function layoutTable(table: Table): SheetGrid {
  const ncol = Math.max(table.ncol, 1);
  const tableRow = 1;
  const nrow = tableRow + table.rows.length + table.notes.length;
  const values: GridValue[][] = [];
  const formats: string[][] = [];
  const align: ("left" | "center")[][] = [];
  const bold: boolean[][] = [];
  for (let r = 0; r < nrow; r++) {
    values.push(new Array<GridValue>(ncol).fill(""));
    formats.push(new Array<string>(ncol).fill(GENERAL_FORMAT));
    align.push(Array.from({ length: ncol }, (_, c) => (c === 0 ? "left" : "center")));
    bold.push(new Array<boolean>(ncol).fill(false));
  }
  const merges: GridMerge[] = [];
  values[0][0] = table.title;
  formats[0][0] = TEXT_FORMAT;
  bold[0][0] = true;
  align[0][0] = "left";

  const widths = new Array<number>(ncol).fill(0);
  table.rows.forEach((row, i) => {
    const gr = tableRow + i;
    row.cells.forEach((cell, c) => {
      if (cell.kind === "number") {
        values[gr][c] = cell.value;
        formats[gr][c] = excelFormat(cell.format);
        const shown = cell.format.prefix.length + cell.format.suffix.length + cell.format.decimals + String(Math.trunc(Math.abs(cell.value))).length + 2;
        widths[c] = Math.max(widths[c], shown);
      } else if (cell.kind === "text") {
        values[gr][c] = cell.text;
        formats[gr][c] = TEXT_FORMAT;
        const span = cell.span ?? 1;
        if (span > 1) merges.push({ row: gr, col: c, cols: span });
        else widths[c] = Math.max(widths[c], cell.text.length);
      }
    });
  });

  const noteRows: number[] = [];
  const heights = new Map<number, number>();
  const pad = widths.map((w, c) => Math.max(w + 2, c === 0 ? 12 : 9));
  const total = pad.reduce((a, b) => a + b, 0);
  table.notes.forEach((note, k) => {
    const gr = tableRow + table.rows.length + k;
    values[gr][0] = note;
    formats[gr][0] = TEXT_FORMAT;
    align[gr][0] = "left";
    if (ncol > 1) merges.push({ row: gr, col: 0, cols: ncol });
    noteRows.push(gr);
    // Times at 11 pt runs about 1.15 characters per default-width character unit.
    const lines = Math.ceil(note.length / (total * 1.15));
    if (lines > 1) heights.set(gr, lines * LINE_HEIGHT);
  });
  // A title wider than the table would overflow; it is left unmerged so Excel lets it run right.

  const rules: GridRule[] = table.rules.map((rule) =>
    rule.after < 0
      ? { row: tableRow, col: 0, cols: ncol, edge: "top", weight: rule.weight }
      : { row: tableRow + rule.after, col: 0, cols: ncol, edge: "bottom", weight: rule.weight },
  );
  return { nrow, ncol, values, formats, align, bold, merges, rules, tableRow, noteRows, titleRow: 0, widths: pad, heights };
}

/** A1-style column letters for a 0-based column index. */
export function columnLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a block, e.g. "A2:G30" (0-based inputs). */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const a = `${columnLetter(col)}${row + 1}`;
  if (rows === 1 && cols === 1) return a;
  return `${a}:${columnLetter(col + cols - 1)}${row + rows}`;
}
