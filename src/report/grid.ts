/**
 * Lays a table out on a worksheet grid: the placement both sheet writers (ExcelJS for files, Office.js
 * in Excel) render, so they agree cell for cell. The title comes first, the table follows, then the
 * notes. Title and notes are word-wrapped here into lines that fit the table's width (one row each,
 * unmerged, no cell wrapping), because row heights of wrapped merged cells are not autofitted by Excel
 * or LibreOffice. Numbers stay numbers with an Excel number format; text cells get the text format "@"
 * so Excel never re-reads "(1)" as -1.
 *
 * Shapes: values/formats/align are nrow x ncol (row-major arrays of rows), all 0-based.
 */
import { excelFormat } from "./formats";
import { RuleWeight, Table } from "./table";
import { displayWidth, wrapText } from "./text-width";

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
  /** Grid rows of the note lines. */
  readonly noteRows: readonly number[];
  /** First grid row of the title lines (0); the title runs until `tableRow`. */
  readonly titleRow: number;
  /** Column widths in characters of the default font. */
  readonly widths: readonly number[];
}

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";
/** Font of written tables (LibreOffice substitutes the metric-compatible Liberation Serif). */
export const TABLE_FONT = { name: "Times New Roman", size: 11 } as const;
/**
 * Characters of 11 pt Times per unit of column width, on the safe side: Excel (Calibri-based width
 * units) fits about 1.25, LibreOffice about 1.6; a line that fits Excel fits both.
 */
const CHARS_PER_WIDTH = 1.25;
const BOLD_FACTOR = 0.9;
/**
 * A CJK character at 11 pt is about 2.1 width units (two Latin digits); in `CHARS_PER_WIDTH` Latin
 * characters that is 2.1 x 1.25, rounded up; for column widths (in width units) 2.2.
 */
const CJK_CHARS = 2.7;
const CJK_WIDTH_UNITS = 2.2;

/**
 * Greedy wrap into lines of at most `width` characters (a longer word gets its own line); a CJK
 * character counts CJK_CHARS and a line may break after it (Chinese notes have no spaces).
 */
export function wrapWords(text: string, width: number): string[] {
  return wrapText(text, width, CJK_CHARS);
}

/** Column widths (characters) from the content: labels, formatted numbers, unspanned text. */
function contentWidths(table: Table, ncol: number): number[] {
  const widths = new Array<number>(ncol).fill(0);
  for (const row of table.rows) {
    row.cells.forEach((cell, c) => {
      if (cell.kind === "number") {
        const f = cell.format;
        widths[c] = Math.max(widths[c], f.prefix.length + f.suffix.length + f.decimals + String(Math.trunc(Math.abs(cell.value))).length + 2);
      } else if (cell.kind === "text" && (cell.span ?? 1) === 1) {
        widths[c] = Math.max(widths[c], displayWidth(cell.text, CJK_WIDTH_UNITS));
      }
    });
  }
  return widths.map((w, c) => Math.max(w + 2, c === 0 ? 12 : 9));
}

export function layoutTable(table: Table): SheetGrid {
  const ncol = Math.max(table.ncol, 1);
  const widths = contentWidths(table, ncol);
  const capacity = Math.max(20, Math.floor(widths.reduce((a, b) => a + b, 0) * CHARS_PER_WIDTH));
  const titleLines = wrapWords(table.title, Math.floor(capacity * BOLD_FACTOR));
  const noteLines = table.notes.flatMap((n) => wrapWords(n, capacity));
  const tableRow = titleLines.length;
  const nrow = tableRow + table.rows.length + noteLines.length;
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
  titleLines.forEach((line, r) => {
    values[r][0] = line;
    formats[r][0] = TEXT_FORMAT;
    bold[r][0] = true;
  });
  table.rows.forEach((row, i) => {
    const gr = tableRow + i;
    row.cells.forEach((cell, c) => {
      if (cell.kind === "number") {
        values[gr][c] = cell.value;
        formats[gr][c] = excelFormat(cell.format);
      } else if (cell.kind === "text") {
        values[gr][c] = cell.text;
        formats[gr][c] = TEXT_FORMAT;
        const span = cell.span ?? 1;
        if (span > 1) merges.push({ row: gr, col: c, cols: span });
      }
    });
  });
  const noteRows: number[] = [];
  noteLines.forEach((line, k) => {
    const gr = tableRow + table.rows.length + k;
    values[gr][0] = line;
    formats[gr][0] = TEXT_FORMAT;
    noteRows.push(gr);
  });

  const rules: GridRule[] = table.rules.map((rule) =>
    rule.after < 0
      ? { row: tableRow, col: 0, cols: ncol, edge: "top", weight: rule.weight }
      : { row: tableRow + rule.after, col: 0, cols: ncol, edge: "bottom", weight: rule.weight },
  );
  return { nrow, ncol, values, formats, align, bold, merges, rules, tableRow, noteRows, titleRow: 0, widths };
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
