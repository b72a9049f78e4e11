/**
 * Which cell values count as missing.
 *
 * Excel hands us blanks as "" (Office.js) or null (custom functions), error values as strings
 * such as "#N/A" or "#DIV/0!"; CSV exports from Stata and R write "." and "NA".
 */
export type Cell = string | number | boolean | null | undefined;

const MISSING_TOKENS = new Set(["", "na", "n/a", "#n/a", ".", "nan", "null"]);

/** Excel error values as Office.js and custom functions report them. */
const EXCEL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function isMissingCell(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return !Number.isFinite(v);
  if (typeof v === "boolean") return false;
  const s = v.trim();
  return MISSING_TOKENS.has(s.toLowerCase()) || EXCEL_ERROR.test(s);
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
