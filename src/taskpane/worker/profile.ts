/**
 * What the data panel shows about a frame: N rows, each variable's type and missing count, and the
 * likely panel id and time columns (the user can change them).
 *
 * Detection rules (documented for users in the pane's help text):
 * - time: a numeric column of whole numbers whose name reads like time (year, time, period, t, date...),
 *   or, failing a name match, whose values all lie in 1900..2100 with at most 200 distinct values;
 * - id: a column whose name reads like a unit (id, code, city, province, firm, country, region...),
 *   preferring one that with the time column identifies rows uniquely; failing a name match, the first
 *   text column that repeats values.
 */
import type { Frame } from "../../engine/frame/frame";

export type VariableType = "numeric" | "text";

export interface VariableProfile {
  readonly name: string;
  readonly type: VariableType;
  readonly nMissing: number;
  /** Distinct non-missing values, counted up to 10,001 (10001 means "more than 10,000"). */
  readonly nDistinct: number;
  /** Data row (1-based) of the first text cell in a column that is mostly numeric, or 0. */
  readonly firstTextRow: number;
}

export interface DataProfile {
  readonly nrow: number;
  readonly variables: readonly VariableProfile[];
  readonly idColumn: string | null;
  readonly timeColumn: string | null;
}

const DISTINCT_CAP = 10001;
const TIME_NAME = /^(year|years|yr|time|period|t|date|quarter|month|wave|年|年份)$/i;
const ID_NAME = /(^id$|_id$|^id_|code|city|province|prefecture|county|firm|company|country|region|state|unit|name|^i$)/i;

function distinctKeys(frame: Frame, name: string, cap = DISTINCT_CAP): Set<string | number> {
  const col = frame.columns.get(name)!;
  const seen = new Set<string | number>();
  for (let i = 0; i < frame.nrow && seen.size < cap; i++) {
    const v = col.text ? col.text[i] : Number.isNaN(col.numbers[i]) ? null : col.numbers[i];
    if (v !== null) seen.add(v);
  }
  return seen;
}

function looksLikeYears(frame: Frame, name: string): boolean {
  const col = frame.columns.get(name)!;
  if (col.text) return false;
  let any = false;
  for (let i = 0; i < frame.nrow; i++) {
    const x = col.numbers[i];
    if (Number.isNaN(x)) continue;
    if (!Number.isInteger(x) || x < 1900 || x > 2100) return false;
    any = true;
  }
  return any;
}

function isWholeNumbers(frame: Frame, name: string): boolean {
  const col = frame.columns.get(name)!;
  if (col.text) return false;
  for (let i = 0; i < frame.nrow; i++) if (!Number.isNaN(col.numbers[i]) && !Number.isInteger(col.numbers[i])) return false;
  return true;
}

function uniquePairs(frame: Frame, a: string, b: string): boolean {
  const ca = frame.columns.get(a)!;
  const cb = frame.columns.get(b)!;
  const seen = new Set<string>();
  for (let i = 0; i < frame.nrow; i++) {
    const k = `${ca.text ? ca.text[i] : ca.numbers[i]}\u0000${cb.text ? cb.text[i] : cb.numbers[i]}`;
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

export function profileFrame(frame: Frame): DataProfile {
  const variables: VariableProfile[] = frame.names.map((name) => {
    const col = frame.columns.get(name)!;
    const isText = col.text !== null;
    const nMissing = isText ? col.text!.reduce((a, v) => a + (v === null ? 1 : 0), 0) : col.nMissing;
    // A mostly numeric column with a stray text cell is still offered as numeric in pickers, flagged.
    let numericCells = 0;
    if (isText) for (let i = 0; i < frame.nrow; i++) if (!Number.isNaN(col.numbers[i])) numericCells++;
    const nonMissing = frame.nrow - nMissing;
    const mostlyNumeric = isText && nonMissing > 0 && numericCells >= 0.9 * nonMissing;
    return {
      name,
      type: isText ? "text" : "numeric",
      nMissing,
      nDistinct: distinctKeys(frame, name).size,
      firstTextRow: mostlyNumeric ? col.firstTextRow + 1 : 0,
    };
  });
  const byName = new Map(variables.map((v) => [v.name, v]));
  let time: string | null = frame.names.find((n) => TIME_NAME.test(n) && isWholeNumbers(frame, n)) ?? null;
  if (!time) time = frame.names.find((n) => looksLikeYears(frame, n) && byName.get(n)!.nDistinct <= 200) ?? null;
  const repeats = (n: string) => {
    const d = byName.get(n)!.nDistinct;
    return d >= 2 && d < frame.nrow;
  };
  const named = frame.names.filter((n) => n !== time && ID_NAME.test(n) && repeats(n));
  let id: string | null = null;
  if (time) id = named.find((n) => uniquePairs(frame, n, time!)) ?? null;
  if (!id) id = named[0] ?? null;
  if (!id) id = frame.names.find((n) => n !== time && byName.get(n)!.type === "text" && repeats(n)) ?? null;
  return { nrow: frame.nrow, variables, idColumn: id, timeColumn: time };
}
