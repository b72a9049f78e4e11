/**
 * Frame: named columns built from a 2-D block of cell values whose first row holds the headers.
 *
 * Every column is kept two ways: as numbers (Float64Array, NaN = missing or not a number) and,
 * for columns that hold any text, as the original strings, so id/time columns may be text or numbers.
 * Whether a column may be used as numeric is decided when an estimator asks for it (`numericColumn`),
 * so a text column that is never used as a number is never an error.
 */
import { Cell, cellToNumber, keyText, nonFiniteMessage } from "./missing";
import { FrameError } from "./errors";

export interface Column {
  readonly name: string;
  /** Numeric value per row; NaN where missing or where the cell is text that is not a number. */
  readonly numbers: Float64Array;
  /**
   * Key text per row (null = missing; numbers and numeric text as `String(number)`, so "1.0" and 1 are
   * the same key; other text trimmed); present only when some cell is non-numeric text.
   */
  readonly text: (string | null)[] | null;
  /** Index (0-based data row) of the first non-missing cell that is not a number, or -1. */
  readonly firstTextRow: number;
  readonly nMissing: number;
}

export interface Frame {
  readonly nrow: number;
  readonly names: readonly string[];
  readonly columns: ReadonlyMap<string, Column>;
}

export function columnFromCells(name: string, cells: readonly Cell[]): Column {
  const n = cells.length;
  const numbers = new Float64Array(n);
  let text: (string | null)[] | null = null;
  let firstTextRow = -1;
  let nMissing = 0;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    const x = cellToNumber(v);
    if (x === undefined) {
      numbers[i] = NaN;
      if (firstTextRow < 0) {
        firstTextRow = i;
        text = cells.slice(0, n).map((c) => keyText(c));
      }
    } else {
      numbers[i] = x;
      if (Number.isNaN(x)) nMissing++;
    }
  }
  return { name, numbers, text, firstTextRow, nMissing };
}

/** The header cells as column names (trimmed), refused when one is empty or two are the same. */
export function headerNames(header: readonly Cell[]): string[] {
  const names = header.map((h, j) => {
    const s = h === null || h === undefined ? "" : String(h).trim();
    if (s === "") throw new FrameError(`Column ${j + 1} has no name in the header row.`);
    return s;
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new FrameError(`Column name "${name}" appears twice in the header row.`);
    seen.add(name);
  }
  return names;
}

/**
 * Builds a frame from rows of cells; row 0 holds the headers. Headers must be non-empty and unique.
 * Ragged rows are padded with missing cells.
 */
export function frameFromCells(cells: readonly (readonly Cell[])[]): Frame {
  if (cells.length === 0) throw new FrameError("The data range is empty: it needs a header row and at least one data row.");
  const names = headerNames(cells[0]);
  const nrow = cells.length - 1;
  const columns = new Map<string, Column>();
  names.forEach((name, j) => {
    const col: Cell[] = new Array(nrow);
    for (let i = 0; i < nrow; i++) col[i] = cells[i + 1][j];
    columns.set(name, columnFromCells(name, col));
  });
  return { nrow, names, columns };
}

/** Builds a frame from already separated columns (name -> cells), all of the same length. */
export function frameFromColumns(cols: Readonly<Record<string, readonly Cell[] | Float64Array>>): Frame {
  const names = Object.keys(cols);
  let nrow = -1;
  const columns = new Map<string, Column>();
  for (const name of names) {
    const c = cols[name];
    if (nrow >= 0 && c.length !== nrow) {
      throw new FrameError(`Column "${name}" has ${c.length} rows but "${names[0]}" has ${nrow}.`);
    }
    nrow = c.length;
    columns.set(name, columnFromCells(name, Array.from(c as ArrayLike<Cell>)));
  }
  return { nrow: Math.max(nrow, 0), names, columns };
}

export function getColumn(frame: Frame, name: string): Column {
  const col = frame.columns.get(name);
  if (!col) {
    throw new FrameError(`There is no column named "${name}". Columns are: ${frame.names.join(", ")}.`);
  }
  return col;
}

/**
 * The column as numbers (NaN = missing). Text that is not a number is an error naming the column
 * and the first offending data row (1-based, as a user counts rows below the header).
 */
export function numericColumn(frame: Frame, name: string): Float64Array {
  const col = getColumn(frame, name);
  if (col.firstTextRow >= 0) {
    const bad = col.text?.[col.firstTextRow];
    throw new FrameError(
      `Column "${name}" must be numeric but data row ${col.firstTextRow + 1} holds the text "${bad}". ` +
        `Fix or clear that cell (blank, NA and #N/A count as missing).`,
    );
  }
  const nums = col.numbers;
  for (let i = 0; i < nums.length; i++) {
    // NaN is missing; +-Infinity is a cell such as "1e309" that overflowed when read.
    if (nums[i] === Infinity || nums[i] === -Infinity) {
      throw new FrameError(nonFiniteMessage(`Column "${name}" data`, i + 1, nums[i]));
    }
  }
  return nums;
}

/** Keys for grouping (ids, years, clusters): the text, or the number as text; null = missing. */
export function keyColumn(frame: Frame, name: string): (string | null)[] {
  const col = getColumn(frame, name);
  if (col.text) return col.text;
  return Array.from(col.numbers, (x) => (Number.isNaN(x) ? null : String(x)));
}
