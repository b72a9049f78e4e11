/**
 * Output helpers for commands: JSON (NaN and Infinity -> null, typed arrays -> arrays) and
 * plain-text tables (right-aligned numbers, left-aligned labels).
 */
import { RegressionResult } from "../engine/models/result";
import { maxBy } from "../engine/stats/extent";

/** JSON text of a value; non-finite numbers become null. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (typeof v === "number" && !Number.isFinite(v)) return null;
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
      return v;
    },
    indent,
  );
}

/** Object keyed by names from parallel arrays: keyed(["a","b"], [1,2]) -> {a: 1, b: 2}. */
export function keyed(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[n] = values[i]));
  return out;
}

/** A number for reading: `digits` significant digits, fixed notation where sensible; "." for NaN. */
export function formatNumber(x: number, digits = 6): string {
  if (Number.isNaN(x)) return ".";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return x.toExponential(digits - 1);
  return x.toPrecision(digits);
}

/** Formats a p-value: 4 decimals, "<0.0001" below. */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return ".";
  return p < 1e-4 ? "<0.0001" : p.toFixed(4);
}

/** A p-value in running text: "p = 0.0432", "p < 0.0001", "p = ." (never "p = <0.0001"). */
export function pText(p: number): string {
  const f = formatP(p);
  return f.startsWith("<") ? `p ${f.replace("<", "< ")}` : `p = ${f}`;
}

/** Where the rows went: "N = 3120 of 3124 rows (dropped: 4 missing [UR 1, DI 3], 0 singletons)". */
export function sampleNote(r: RegressionResult): string {
  const s = r.sample;
  const by = Object.entries(s.missingBy).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(", ");
  return `N = ${r.n} of ${s.nInput} rows (dropped: ${s.droppedMissing} missing${by ? ` [${by}]` : ""}, ${s.droppedSingletons} singletons)`;
}

export type TableCell = string | number;

/** Aligned text table: the first column left-aligned, others right-aligned; numbers via formatNumber. */
export function formatTable(header: readonly string[], rows: readonly (readonly TableCell[])[]): string {
  const text = rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)));
  const widths = header.map((h, j) => maxBy(text, (r) => (r[j] ?? "").length, h.length));
  const line = (cells: readonly string[]) =>
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  const rule = "-".repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1));
  return [line(header), rule, ...text.map(line)].join("\n") + "\n";
}
