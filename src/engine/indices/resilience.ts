/**
 * Martin (2012) / Martin-Sunley resilience: the sensitivity of a unit's growth to national growth.
 *
 *   g_it = value_it / value_i,t-1 - 1       (t-1 = the previous calendar period of the same id)
 *   G_t  = national_t / national_t-1 - 1    (national column; see below when omitted)
 *   ER_it = (g_it - G_t) / |G_t|            method "sensitivity" (default)
 *   ER_it =  g_it - G_t                     method "difference"
 *
 * National growth. With a national column, its value must be the same on every row of a period
 * (missing cells are ignored); G_t uses the periods t and t-1 (calendar). Without it, G_t is the
 * growth of the cross-sectional total over the ids present in both periods:
 *   G_t = sum_i value_it / sum_i value_i,t-1 - 1, over ids i with value non-missing at t and t-1,
 * so entry and exit of units do not show up as growth.
 *
 * Growth needs a positive base: a row whose previous level is 0 has reason "zero_base", one whose
 * previous level is negative "negative_base" (-5 -> 114.8 would read as a fall of 2396%); a national
 * base (level or cross-sectional total) that is 0 or negative leaves G_t undefined ("national_undefined").
 *
 * Shapes: every per-row array has length n, in the input row order. Undefined values are NaN and
 * the reason is kept per row and counted.
 */
import { InputError } from "../frame";
import { LagGap, laggedRow, panelIndex } from "./panel-index";

export type ResilienceMethod = "sensitivity" | "difference";
export const RESILIENCE_METHODS: readonly ResilienceMethod[] = ["sensitivity", "difference"];

/** Why a row has no ER. */
export type ResilienceReason =
  | "missing_key" // id or time missing
  | "first_period" // no earlier period of this id
  | "gap" // the previous calendar period of this id is absent
  | "missing_value" // value missing in this or the previous period
  | "zero_base" // value in the previous period is 0 (growth undefined)
  | "negative_base" // value in the previous period is negative (value/base - 1 would flip the sign of the change)
  | "national_undefined" // G_t cannot be computed (national missing for t or t-1, or a zero or negative base)
  | "national_zero"; // G_t = 0 under "sensitivity"

export const RESILIENCE_REASONS: readonly ResilienceReason[] = [
  "missing_key",
  "first_period",
  "gap",
  "missing_value",
  "zero_base",
  "negative_base",
  "national_undefined",
  "national_zero",
];

export interface ResilienceInput {
  readonly value: Float64Array;
  readonly id: readonly (string | null)[];
  readonly time: ArrayLike<number>;
  /** National level per row (e.g. national GDP per capita); omitted = cross-sectional total. */
  readonly national?: Float64Array;
  readonly method?: ResilienceMethod;
}

export interface ResilienceResult {
  readonly method: ResilienceMethod;
  readonly nationalSource: "column" | "cross_section_total";
  /** ER per row (NaN = undefined). */
  readonly values: Float64Array;
  /** Unit growth g_it per row. */
  readonly g: Float64Array;
  /** National growth G_t per row (NaN where undefined or where the row has no time). */
  readonly G: Float64Array;
  /** Reason per row, null where ER is defined. */
  readonly reasons: readonly (ResilienceReason | null)[];
  readonly nMissing: number;
  readonly missingBy: Readonly<Record<ResilienceReason, number>>;
  /** G_t by period, ascending time (periods where it is undefined are left out). */
  readonly nationalGrowth: readonly { readonly time: number; readonly G: number }[];
}

export function validateResilienceMethod(m: string): ResilienceMethod {
  const v = m.trim().toLowerCase();
  if ((RESILIENCE_METHODS as readonly string[]).includes(v)) return v as ResilienceMethod;
  throw new InputError(`Unknown resilience method "${m}". Allowed: ${RESILIENCE_METHODS.join(", ")}.`);
}

/** Per-period national level from a column that repeats it on every row of the period. */
function nationalByPeriod(national: Float64Array, time: Float64Array): Map<number, number> {
  const level = new Map<number, number>();
  const firstRow = new Map<number, number>();
  for (let i = 0; i < national.length; i++) {
    const v = national[i];
    const t = time[i];
    if (Number.isNaN(v) || Number.isNaN(t)) continue;
    const prev = level.get(t);
    if (prev === undefined) {
      level.set(t, v);
      firstRow.set(t, i);
    } else if (prev !== v) {
      throw new InputError(
        `The national column must hold one value per period, but period ${t} has ${prev} in data row ` +
          `${firstRow.get(t)! + 1} and ${v} in data row ${i + 1}.`,
      );
    }
  }
  return level;
}

function growthFromLevels(level: Map<number, number>): Map<number, number> {
  const G = new Map<number, number>();
  for (const [t, v] of level) {
    const p = level.get(t - 1);
    if (p === undefined || !(p > 0)) continue;
    G.set(t, v / p - 1);
  }
  return G;
}

export function martinResilience(input: ResilienceInput): ResilienceResult {
  const { value, id } = input;
  const method = input.method ?? "sensitivity";
  const n = value.length;
  if (id.length !== n) throw new InputError(`value has ${n} rows but id has ${id.length}; they must be the same length.`);
  if (input.national && input.national.length !== n) {
    throw new InputError(`value has ${n} rows but national has ${input.national.length}; they must be the same length.`);
  }
  const panel = panelIndex(id, input.time);
  const time = panel.time;
  const why: (LagGap | null)[] = new Array(n);
  const prev = laggedRow(panel, 1, why);

  const g = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const q = prev[i];
    if (q >= 0 && x(value, i) && x(value, q) && value[q] > 0) g[i] = value[i] / value[q] - 1;
  }

  let Gt: Map<number, number>;
  if (input.national) {
    Gt = growthFromLevels(nationalByPeriod(input.national, time));
  } else {
    // Canonical (id-sorted) order, so the sums do not depend on the input row order.
    const num = new Map<number, number>();
    const den = new Map<number, number>();
    for (const i of panel.order) {
      const q = prev[i];
      if (q < 0 || !x(value, i) || !x(value, q)) continue;
      num.set(time[i], (num.get(time[i]) ?? 0) + value[i]);
      den.set(time[i], (den.get(time[i]) ?? 0) + value[q]);
    }
    Gt = new Map();
    for (const [t, s] of num) {
      const d = den.get(t)!;
      if (d > 0) Gt.set(t, s / d - 1);
    }
  }

  const values = new Float64Array(n).fill(NaN);
  const G = new Float64Array(n).fill(NaN);
  const reasons: (ResilienceReason | null)[] = new Array(n).fill(null);
  const missingBy = Object.fromEntries(RESILIENCE_REASONS.map((r) => [r, 0])) as Record<ResilienceReason, number>;
  let nMissing = 0;
  for (let i = 0; i < n; i++) {
    const Gi = Number.isNaN(time[i]) ? undefined : Gt.get(time[i]);
    if (Gi !== undefined) G[i] = Gi;
    let r: ResilienceReason | null = null;
    const q = prev[i];
    if (q < 0) r = why[i] === "missing_key" ? "missing_key" : why[i] === "before_first" ? "first_period" : "gap";
    else if (!x(value, i) || !x(value, q)) r = "missing_value";
    else if (value[q] === 0) r = "zero_base";
    else if (value[q] < 0) r = "negative_base";
    else if (Gi === undefined) r = "national_undefined";
    else if (method === "sensitivity" && Gi === 0) r = "national_zero";
    if (r !== null) {
      reasons[i] = r;
      missingBy[r]++;
      nMissing++;
      continue;
    }
    values[i] = method === "sensitivity" ? (g[i] - Gi!) / Math.abs(Gi!) : g[i] - Gi!;
  }
  const nationalGrowth = Array.from(Gt, ([t, v]) => ({ time: t, G: v })).sort((a, b) => a.time - b.time);
  return {
    method,
    nationalSource: input.national ? "column" : "cross_section_total",
    values,
    g,
    G,
    reasons,
    nMissing,
    missingBy,
    nationalGrowth,
  };
}

function x(a: Float64Array, i: number): boolean {
  return !Number.isNaN(a[i]);
}
