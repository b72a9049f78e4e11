/**
 * Which cell values count as missing.
 *
 * Excel hands us blanks as "" (Office.js) or null (custom functions), error values as strings
 * such as "#N/A" or "#DIV/0!"; CSV exports from Stata and R write "." and "NA".
 */
export type Cell = string | number | boolean | null | undefined;

/** Text that counts as missing (case-insensitive, trimmed); README "Command line" lists the same. */
export const MISSING_TOKEN_LIST: readonly string[] = ["", "NA", "N/A", "#N/A", ".", "nan", "NULL"];
const MISSING_TOKENS = new Set(MISSING_TOKEN_LIST.map((t) => t.toLowerCase()));

/** Excel error values as Office.js and custom functions report them (all missing). */
export const EXCEL_ERROR_VALUES: readonly string[] = [
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
];
const EXCEL_ERRORS = new Set(EXCEL_ERROR_VALUES.map((t) => t.toLowerCase()));

export function isMissingCell(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  // NaN is the engine's own missing marker; an infinite number is a value out of range, refused by the
  // numeric readers (numericColumn, the formula readers) with its row, never silently missing.
  if (typeof v === "number") return Number.isNaN(v);
  if (typeof v === "boolean") return false;
  const s = v.trim();
  const t = s.toLowerCase();
  return MISSING_TOKENS.has(t) || EXCEL_ERRORS.has(t);
}

/**
 * The number a cell holds, NaN when missing, or undefined when it is text that is not a number.
 * Booleans count as 1/0 (Excel's TRUE/FALSE).
 */
export function cellToNumber(v: Cell): number | undefined {
  if (isMissingCell(v)) return NaN;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = (v as string).trim();
  // Number("") and Number("0x1F") are too lenient for data: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/**
 * A grouping key (id, year, cluster) as text: null when missing; a number, or text that reads as one,
 * written as `String(number)` so "1", "1.0" and the number 1 are one unit even in a column that also holds
 * text ids (as they are in an all-numeric column); other text trimmed.
 */
export function keyText(v: Cell, x: number | undefined = cellToNumber(v)): string | null {
  if (x === undefined) return String(v).trim();
  return Number.isNaN(x) ? null : String(x);
}

/**
 * The message for a cell that read as +-Infinity (text such as "1e309": a double holds at most about
 * 1.8e308), naming where it is; `cell` is the original cell when the reader still has it.
 */
export function nonFiniteMessage(where: string, row: number, x: number, cell?: Cell): string {
  const shown = cell === undefined || typeof cell === "number" ? "" : ` "${String(cell).trim()}"`;
  return `${where} row ${row} holds${shown} a number ${x > 0 ? "above 1.8e308" : "below -1.8e308"} (read as ${x > 0 ? "" : "-"}Infinity): ` +
    `it is out of the range of double-precision numbers. Fix that cell or rescale the column (e.g. divide by 1e6).`;
}
