/**
 * Argument helpers shared by the index formulas (ENTROPY, RESILIENCE, LAG, WINSOR, LQ, STANDARDIZE,
 * DESCRIBE), on top of args.ts: range columns -> Float64Array (text is an error naming the argument,
 * column and row), key columns -> text keys or numeric times, a row/column of labels, and spilled
 * output cells (missing -> blank "").
 */
import { Cell, cellToNumber, keyText, nonFiniteMessage } from "../engine/frame/missing";
import { InputError } from "../engine/frame/errors";
import { encodeKeys } from "../engine/frame/codes";
import { RangeArg, RangeColumns, isOmitted, keyRange, toMatrix } from "./args";

/** Numbers of one column of a range; NaN = missing; text is an error naming argument, column and row. */
export function numbersOf(argName: string, rc: RangeColumns, j: number): Float64Array {
  const cells = rc.columns[j];
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const x = cellToNumber(cells[i]);
    if (x === undefined) {
      const where = rc.names.length > 1 ? ` (column "${rc.names[j]}")` : "";
      throw new InputError(
        `Argument ${argName}${where} must be numeric but its row ${i + 1 + (rc.hasHeader ? 1 : 0)} holds the text "${String(cells[i]).trim()}". ` +
          `Fix or clear that cell (blank, NA and #N/A count as missing).`,
      );
    }
    if (x === Infinity || x === -Infinity) {
      const where = rc.names.length > 1 ? ` (column "${rc.names[j]}")` : "";
      throw new InputError(nonFiniteMessage(`Argument ${argName}${where}`, i + 1 + (rc.hasHeader ? 1 : 0), x, cells[i]));
    }
    out[i] = x;
  }
  return out;
}

export function allNumbers(argName: string, rc: RangeColumns): Float64Array[] {
  return rc.names.map((_, j) => numbersOf(argName, rc, j));
}

/** Excel date serials of 1950-01-01 and 2099-12-31: a time column with every value between them holds dates. */
const SERIAL_1950 = 18264;
const SERIAL_2099 = 73050;

/** An Excel date serial as yyyy-mm-dd (day 0 = 1899-12-30, Excel's 1900 date system after 1 March 1900). */
export function serialToIsoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000).toISOString().slice(0, 10);
}

/**
 * The time column of a panel formula (RESILIENCE, LAG): whole periods such as calendar years. A column of
 * Excel dates (every value a serial between 1950 and 2099, e.g. 43831 = 2020-01-01) would make t - 1 the
 * previous day, so it is refused with a message that says to give the year (=YEAR(cell)); documented in
 * README "Formulas".
 */
export function timeNumbers(argName: string, rc: RangeColumns): Float64Array {
  const t = numbersOf(argName, rc, 0);
  let first = -1;
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (v !== v) continue;
    if (!(v >= SERIAL_1950 && v <= SERIAL_2099)) return t;
    if (first < 0) first = i;
  }
  if (first < 0) return t;
  const row = first + 1 + (rc.hasHeader ? 1 : 0);
  throw new InputError(
    `Argument ${argName} looks like Excel dates (its row ${row} holds ${t[first]}, the date ${serialToIsoDate(t[first])}), ` +
      `but time must be a year (or another whole period number): use a column of =YEAR(date) instead.`,
  );
}

/** Text keys of a one-column key range (ids, groups); null = missing; "1.0" and 1 are one key (keyText). */
export function keysOf(rc: RangeColumns): (string | null)[] {
  return rc.columns[0].map((c) => keyText(c));
}

/** An optional group column as codes for the engine, or undefined when omitted. */
export function optionalGroups(
  argName: string,
  arg: RangeArg,
  hasHeader: boolean,
  nrow: number,
): { codes: Int32Array; levels: readonly string[] } | undefined {
  if (isOmitted(arg)) return undefined;
  const rc = keyRange(argName, arg, hasHeader);
  if (rc.nrow !== nrow) throw new InputError(`${argName} has ${rc.nrow} rows but the data have ${nrow}. Select ranges with the same rows.`);
  const { codes, levels } = encodeKeys(keysOf(rc));
  return { codes, levels };
}

/** Every cell of a range (a row or a column) in reading order: directions, layer labels. */
export function flatCells(argName: string, arg: RangeArg): Cell[] {
  const m = toMatrix(argName, arg);
  if (m.length > 1 && m[0].length > 1) {
    throw new InputError(`Argument ${argName} must be a single row or a single column; it has ${m.length} rows and ${m[0].length} columns.`);
  }
  return m.flat();
}

/** An optional scalar argument: undefined when omitted, else the cell. */
export function scalarArg(arg: RangeArg): Cell | undefined {
  if (isOmitted(arg)) return undefined;
  return Array.isArray(arg) ? (toMatrix("argument", arg)[0][0] as Cell) : (arg as Cell);
}

/** A spilled number: blank ("") for missing or non-finite values. */
export function cellOut(x: number): number | string {
  return Number.isFinite(x) ? x : "";
}

/** Columns to spilled rows, with an optional header row on top. */
export function spillColumns(columns: readonly ArrayLike<number>[], header?: readonly string[]): (number | string)[][] {
  const n = columns.length ? columns[0].length : 0;
  const rows: (number | string)[][] = header ? [[...header]] : [];
  for (let i = 0; i < n; i++) rows.push(columns.map((c) => cellOut(c[i])));
  return rows;
}
