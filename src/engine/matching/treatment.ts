/**
 * The treatment indicator: a 0/1 column, or a rule on a variable (test/reference/psm/README.md
 * convention 1): `above-median:VAR` (treat = 1 if VAR > median, strictly) or
 * `above-quantile:VAR:q` (VAR > the q-quantile). The cut-off is taken over the candidate rows that
 * have VAR, per group when `by` is given (e.g. each year), before any listwise deletion on the
 * outcome or covariates; rows without VAR get no treatment (NaN). Quantiles as Stata's `_pctile`
 * (even split: average of the two middle values).
 */
import { Frame, keyColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";

export type TreatmentRule =
  | { readonly kind: "column"; readonly column: string }
  | { readonly kind: "above-median"; readonly variable: string }
  | { readonly kind: "above-quantile"; readonly variable: string; readonly q: number };

export interface Treatment {
  /** 0/1 per frame row, NaN = no treatment (missing, or not a candidate row). */
  readonly values: Float64Array;
  /** The rule's cut-off per group key ("all" without groups); empty for a column. */
  readonly cutoffs: Readonly<Record<string, number>>;
  /** Label for messages and tables, e.g. "NQP > median" or "treat". */
  readonly label: string;
}

/** Parses "COL", "above-median:VAR" or "above-quantile:VAR:0.75". */
export function parseTreatmentRule(text: string): TreatmentRule {
  const s = text.trim();
  const m = /^([a-z-]+):(.*)$/.exec(s);
  if (!m) {
    if (s === "") throw new InputError("The treatment must name a 0/1 column or a rule such as above-median:NQP.");
    return { kind: "column", column: s };
  }
  if (m[1] === "above-median") {
    if (m[2] === "") throw new InputError(`The rule above-median needs a variable: above-median:VAR.`);
    return { kind: "above-median", variable: m[2] };
  }
  if (m[1] === "above-quantile") {
    const k = m[2].lastIndexOf(":");
    const q = k > 0 ? Number(m[2].slice(k + 1)) : NaN;
    if (!(q > 0 && q < 1)) throw new InputError(`The rule above-quantile needs a variable and a share between 0 and 1: above-quantile:VAR:0.75; got "${s}".`);
    return { kind: "above-quantile", variable: m[2].slice(0, k), q };
  }
  throw new InputError(`Unknown treatment rule "${m[1]}". Allowed: a 0/1 column name, above-median:VAR, above-quantile:VAR:q.`);
}

/** Stata `_pctile` percentile of sorted values: P = n q; integer P -> mean of x[P], x[P+1]; else x[ceil P]. */
export function stataQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const P = n * q;
  const f = Math.floor(P);
  if (Math.abs(P - f) < 1e-12 * Math.max(1, P) && f >= 1 && f < n) return (sorted[f - 1] + sorted[f]) / 2;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(P) - 1))];
}

export function buildTreatment(frame: Frame, rule: TreatmentRule, candidates: Int32Array, by?: string): Treatment {
  const out = new Float64Array(frame.nrow).fill(NaN);
  if (rule.kind === "column") {
    const v = numericColumn(frame, rule.column);
    for (const i of candidates) {
      const t = v[i];
      if (Number.isNaN(t)) continue;
      if (t !== 0 && t !== 1) {
        throw new InputError(
          `The treatment column "${rule.column}" must hold 0 or 1, but data row ${i + 1} holds ${t}. ` +
            `Recode it, or build the treatment from a rule such as above-median:${rule.column}.`,
        );
      }
      out[i] = t;
    }
    return { values: out, cutoffs: {}, label: rule.column };
  }
  const v = numericColumn(frame, rule.variable);
  const q = rule.kind === "above-median" ? 0.5 : rule.q;
  const groups = new Map<string, number[]>();
  const keys = by ? keyColumn(frame, by) : null;
  for (const i of candidates) {
    const g = keys ? keys[i] : "all";
    if (g === null || Number.isNaN(v[i])) continue;
    let a = groups.get(g);
    if (!a) groups.set(g, (a = []));
    a.push(i);
  }
  const cutoffs: Record<string, number> = {};
  for (const [g, rows] of groups) {
    const sorted = Float64Array.from(rows, (i) => v[i]).sort();
    const c = stataQuantile(sorted, q);
    cutoffs[g] = c;
    for (const i of rows) out[i] = v[i] > c ? 1 : 0;
  }
  const what = rule.kind === "above-median" ? "median" : `${q} quantile`;
  return { values: out, cutoffs, label: `${rule.variable} > ${what}${by ? ` of its ${by}` : ""}` };
}
