/**
 * Argument parsing for custom functions: Excel ranges -> named columns, optional arguments,
 * one options validator. Formulas stay thin: parse here, call the engine, map errors (errors.ts).
 *
 * Shapes: a range argument arrives as any[][] (rows x columns; a single cell as [[v]]; some hosts pass
 * a bare scalar, accepted too). An omitted optional argument arrives as null or undefined (or [[null]]).
 *
 * Header rule (documented for users in README "Formulas"):
 *   a numeric range (y, x, ...) has a header row when it has at least two rows and every cell of its
 *   first row is text that is neither a number nor a missing token ("", NA, #N/A, ".").
 *   Key ranges (id, time, cluster; may hold text) cannot be told apart that way, so they follow the
 *   numeric ranges of the same formula: when those have headers, the first row of a key range is a
 *   header too (callers pass `hasHeader` from the numeric ranges).
 * Columns without a header are named by the argument: "x1".."xk" (or "y" for a one-column range).
 */
import { Cell, cellToNumber, isMissingCell } from "../engine/frame/missing";
import { InputError } from "../engine/frame/errors";
import { maxBy } from "../engine/stats/extent";

export type RangeArg = unknown;

/** A range split into columns. */
export interface RangeColumns {
  /** Column names (from the header row, or generated). */
  readonly names: string[];
  /** Cells per column, header row removed. */
  readonly columns: Cell[][];
  readonly hasHeader: boolean;
  /** Data rows (header excluded). */
  readonly nrow: number;
}

/** True when the argument was left out (null, undefined, or a single empty cell). */
export function isOmitted(arg: RangeArg): boolean {
  if (arg === null || arg === undefined) return true;
  if (Array.isArray(arg)) {
    if (arg.length === 0) return true;
    if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length <= 1) {
      const v = arg[0][0];
      return v === null || v === undefined || v === "";
    }
    return false;
  }
  return arg === "";
}

/** The argument as a rectangular 2-D array of cells (ragged rows padded with null). */
export function toMatrix(argName: string, arg: RangeArg): Cell[][] {
  if (isOmitted(arg)) throw new InputError(`Argument ${argName} is empty: select a range of cells.`);
  if (!Array.isArray(arg)) return [[arg as Cell]];
  const rows = (arg as unknown[]).map((r) => (Array.isArray(r) ? (r as Cell[]) : [r as Cell]));
  const width = maxBy(rows, (r) => r.length, 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<Cell>(width - r.length).fill(null)]));
}

function isHeaderText(v: Cell): boolean {
  return typeof v === "string" && !isMissingCell(v) && cellToNumber(v) === undefined;
}

/** The header rule for numeric ranges (see file header). */
export function detectHeader(m: readonly (readonly Cell[])[]): boolean {
  return m.length >= 2 && m[0].length > 0 && m[0].every(isHeaderText);
}

function split(argName: string, m: Cell[][], hasHeader: boolean): RangeColumns {
  const width = m[0].length;
  const body = hasHeader ? m.slice(1) : m;
  const names: string[] = [];
  for (let j = 0; j < width; j++) {
    if (hasHeader) names.push(String(m[0][j]).trim());
    else names.push(width === 1 ? argName : `${argName}${j + 1}`);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new InputError(`Argument ${argName} has two columns named "${n}" in its header row.`);
    seen.add(n);
  }
  const columns = names.map((_, j) => body.map((r) => r[j]));
  return { names, columns, hasHeader, nrow: body.length };
}

/** A numeric range (y, x, weights...): header detected by the rule above. */
export function numericRange(argName: string, arg: RangeArg): RangeColumns {
  const m = toMatrix(argName, arg);
  return split(argName, m, detectHeader(m));
}

/**
 * A key range (id, time, cluster), one column unless `maxColumns` allows more; `hasHeader` comes from
 * the formula's numeric ranges. Numbers and text both allowed.
 */
export function keyRange(argName: string, arg: RangeArg, hasHeader: boolean, maxColumns = 1): RangeColumns {
  const m = toMatrix(argName, arg);
  if (m[0].length > maxColumns) {
    throw new InputError(
      `Argument ${argName} must be ${maxColumns === 1 ? "a single column" : `at most ${maxColumns} columns`} but has ${m[0].length}.`,
    );
  }
  return split(argName, m, hasHeader && m.length >= 2);
}

/** Throws 'x has 3124 rows but y has 3123' for the first argument whose row count differs from the first. */
export function requireSameLength(args: readonly { readonly name: string; readonly nrow: number }[]): void {
  if (args.length === 0) return;
  const ref = args[0];
  for (const a of args.slice(1)) {
    if (a.nrow !== ref.nrow) {
      throw new InputError(`${a.name} has ${a.nrow} rows but ${ref.name} has ${ref.nrow}. Select ranges with the same rows.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Options: "vcov=hc1; keep_singletons" or a two-column range of (key, value) rows.

/** How one option is validated: a list of allowed words, a flag, a number in a range, or free text. */
export type OptionRule =
  | { readonly kind: "choice"; readonly values: readonly string[] }
  | { readonly kind: "flag" }
  | { readonly kind: "number"; readonly min?: number; readonly max?: number }
  | { readonly kind: "text" };

export type OptionSchema = Readonly<Record<string, OptionRule>>;

/** Parsed options: choices and text as strings, flags as booleans, numbers as numbers. Absent keys omitted. */
export type OptionValues = Record<string, string | number | boolean>;

const TRUE_WORDS = new Set(["true", "yes", "1", "on", ""]);
const FALSE_WORDS = new Set(["false", "no", "0", "off"]);

function describeRule(key: string, rule: OptionRule): string {
  switch (rule.kind) {
    case "choice":
      return `${key}=${rule.values.join("|")}`;
    case "flag":
      return key;
    case "number":
      return `${key}=<number>`;
    case "text":
      return `${key}=<text>`;
  }
}

/** One line listing every allowed option, for error messages and docs. */
export function describeOptions(schema: OptionSchema): string {
  return Object.entries(schema)
    .map(([k, r]) => describeRule(k, r))
    .join("; ");
}

function optionPairs(arg: RangeArg): [string, Cell][] {
  if (isOmitted(arg)) return [];
  const m = Array.isArray(arg) ? toMatrix("options", arg) : [[arg as Cell]];
  const pairs: [string, Cell][] = [];
  for (const row of m) {
    const k = row[0];
    if (isMissingCell(k) && (row.length < 2 || isMissingCell(row[1]))) continue;
    if (row.length >= 2 && !isMissingCell(row[1])) {
      pairs.push([String(k).trim(), row[1]]);
      continue;
    }
    // A text cell: "key=value; key2; key3=value3"
    for (const part of String(k).split(/[;,]/)) {
      const s = part.trim();
      if (s === "") continue;
      const eq = s.indexOf("=");
      pairs.push(eq < 0 ? [s, ""] : [s.slice(0, eq).trim(), s.slice(eq + 1).trim()]);
    }
  }
  return pairs;
}

/**
 * Parses and validates the options argument against the schema. Keys and choice values are
 * case-insensitive; "-" and "_" are interchangeable in keys. Unknown keys and bad values are
 * InputErrors whose message lists what is allowed.
 */
export function parseOptions(arg: RangeArg, schema: OptionSchema): OptionValues {
  const out: OptionValues = {};
  const allowed = describeOptions(schema);
  for (const [rawKey, rawValue] of optionPairs(arg)) {
    const key = rawKey.toLowerCase().replace(/-/g, "_");
    const rule = schema[key];
    if (!rule) throw new InputError(`Unknown option "${rawKey}". Allowed options: ${allowed}.`);
    const text = typeof rawValue === "string" ? rawValue.trim() : String(rawValue ?? "");
    switch (rule.kind) {
      case "choice": {
        const v = text.toLowerCase();
        if (!rule.values.includes(v)) {
          throw new InputError(`Option ${key} must be one of ${rule.values.join(", ")}; got "${text}".`);
        }
        out[key] = v;
        break;
      }
      case "flag": {
        if (typeof rawValue === "boolean") out[key] = rawValue;
        else if (TRUE_WORDS.has(text.toLowerCase())) out[key] = true;
        else if (FALSE_WORDS.has(text.toLowerCase())) out[key] = false;
        else throw new InputError(`Option ${key} is a switch: write "${key}" or "${key}=false"; got "${text}".`);
        break;
      }
      case "number": {
        const x = typeof rawValue === "number" ? rawValue : cellToNumber(text);
        if (x === undefined || !Number.isFinite(x)) throw new InputError(`Option ${key} must be a number; got "${text}".`);
        if ((rule.min !== undefined && x < rule.min) || (rule.max !== undefined && x > rule.max)) {
          throw new InputError(`Option ${key} must be between ${rule.min ?? "-inf"} and ${rule.max ?? "inf"}; got ${x}.`);
        }
        out[key] = x;
        break;
      }
      case "text":
        out[key] = text;
        break;
    }
  }
  return out;
}
