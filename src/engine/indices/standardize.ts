/**
 * Standardising a variable, over all rows or within each group:
 *   "zscore": (x - mean) / sd, sd with the n - 1 denominator (Stata `egen std()`, R `scale()`);
 *   "minmax": (x - min) / (max - min), in [0, 1].
 * Missing values stay missing, as do rows whose group is missing; a group with sd = 0 (or max = min) or fewer than 2 values is an error
 * naming the group.
 *
 * Shapes: x and the group codes have length n; `values` has length n in input order.
 */
import { InputError } from "../frame";
import { summarize } from "../stats/describe";

export type StandardizeMethod = "zscore" | "minmax";
export const STANDARDIZE_METHODS: readonly StandardizeMethod[] = ["zscore", "minmax"];

export function validateStandardizeMethod(m: string): StandardizeMethod {
  const v = m.trim().toLowerCase();
  if (v === "z") return "zscore";
  if ((STANDARDIZE_METHODS as readonly string[]).includes(v)) return v as StandardizeMethod;
  throw new InputError(`Unknown standardisation method "${m}". Allowed: ${STANDARDIZE_METHODS.join(", ")}.`);
}

export interface StandardizeResult {
  readonly values: Float64Array;
  readonly method: StandardizeMethod;
  /** Centre and scale per group (one entry when not grouped): x' = (x - center) / scale. */
  readonly groups: readonly { readonly group: string | null; readonly center: number; readonly scale: number; readonly n: number }[];
}

export function standardize(
  x: Float64Array,
  method: StandardizeMethod = "zscore",
  by?: { readonly codes: Int32Array; readonly levels: readonly string[] },
): StandardizeResult {
  const n = x.length;
  const rowsOf: { group: string | null; rows: Int32Array | undefined }[] = [];
  if (by) {
    if (by.codes.length !== n) throw new InputError(`The group column has ${by.codes.length} rows but x has ${n}.`);
    const lists: number[][] = by.levels.map(() => []);
    for (let i = 0; i < n; i++) if (by.codes[i] >= 0) lists[by.codes[i]].push(i);
    by.levels.forEach((l, k) => rowsOf.push({ group: l, rows: Int32Array.from(lists[k]) }));
  } else {
    rowsOf.push({ group: null, rows: undefined });
  }
  const values = new Float64Array(n).fill(NaN);
  const groups = rowsOf.map(({ group, rows }) => {
    const s = summarize(x, rows);
    const where = group === null ? "" : ` in group "${group}"`;
    if (s.n < 2) throw new InputError(`Standardising needs at least 2 non-missing values${where}; found ${s.n}.`);
    const center = method === "zscore" ? s.mean : s.min;
    const scale = method === "zscore" ? s.sd : s.max - s.min;
    if (!(scale > 0)) throw new InputError(`The variable is constant${where} (value ${s.min}), so it cannot be standardised.`);
    const visit = (i: number) => {
      values[i] = (x[i] - center) / scale;
    };
    if (rows) rows.forEach(visit);
    else for (let i = 0; i < n; i++) visit(i);
    return { group, center, scale, n: s.n };
  });
  return { values, method, groups };
}
