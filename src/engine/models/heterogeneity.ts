/**
 * Heterogeneity: split samples estimated side by side, the test of equal coefficients across groups
 * in a fully interacted model, and the interaction model D x G with marginal effects by group.
 *
 * Groups: the levels of a group column (numeric levels sorted as numbers, else as text; the first is
 * the base), or a quantile split of a variable: "low" = value <= cutoff, "high" = value > cutoff
 * (Stata `xtile`-style), the cutoff the Stata `_pctile` percentile (engine/indices/winsor.ts) of the
 * variable over the rows where the model's variables and the split variable are all present.
 *
 * Fully interacted model (Chow-type test with the baseline's variance): every regressor interacted
 * with the group dummies, every FE interacted with the group (FE#G; without FE, group dummies), on the
 * union of the groups' rows. Its interaction coefficient on the key regressor equals the split-sample
 * difference b_g - b_base exactly; its SE comes from the one joint (e.g. clustered) variance. The joint
 * Chow test is the Wald F on all interaction terms, F(q, dfInference) as Stata `test`.
 *
 * Interaction model: y ~ D + D x 1[G=g] + 1[G=g] + controls with the baseline FE (group dummies absorbed
 * by the FE are reported as omitted); marginal effect of D in group g = b_D + b_{D x g}.
 */
import { Frame, keyColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";
import { pctile } from "../indices/winsor";
import { symSolve } from "../linalg";
import { fUpperP, normalTwoSidedP, tQuantileAt, tTwoSidedP } from "../stats/distributions";
import { Diagnostic, inapplicable } from "../stats/diagnostic";
import { fitLinear, LinearSpec } from "./linear";
import { RegressionResult } from "./result";
import { completeRows, filterRows, requireColumn, withNumericColumn, withTextColumn } from "./spec-frame";

export type SplitRule =
  | { readonly column: string }
  | { readonly variable: string; readonly quantile?: number };

export interface GroupAssignment {
  /** Group labels, base first. */
  readonly levels: readonly string[];
  /** Group index per data row (-1 = no group). */
  readonly group: Int32Array;
  /** Human-readable rule, e.g. "hu_east" or "FTE <= 0.2101 (median)". */
  readonly rule: string;
  readonly cutoff?: number;
}

export interface SplitGroup {
  readonly label: string;
  readonly result: RegressionResult;
}

export interface MarginalEffect {
  readonly group: string;
  readonly estimate: number;
  readonly se: number;
  readonly stat: number;
  readonly p: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

export interface HeterogeneityResult {
  readonly treat: string;
  readonly assignment: GroupAssignment;
  readonly groups: readonly SplitGroup[];
  /** Fully interacted model and its tests: "diff_<level>" per non-base level (t test of the key coefficient difference) and "chow" (joint). */
  readonly interacted: RegressionResult;
  readonly tests: readonly Diagnostic[];
  readonly interaction: RegressionResult;
  readonly marginal: readonly MarginalEffect[];
}

const isNumeric = (s: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s);

function sortLevels(levels: string[]): string[] {
  return levels.every(isNumeric) ? levels.sort((a, b) => Number(a) - Number(b)) : levels.sort();
}

/** Groups of the data rows by the rule, restricted to the model's complete rows. */
export function assignGroups(frame: Frame, spec: LinearSpec, rule: SplitRule): GroupAssignment {
  const modelRows = completeRows(frame, spec.rows, [spec.y, ...spec.x], [...(spec.fe ?? []), ...(spec.cluster ?? [])]);
  const group = new Int32Array(frame.nrow).fill(-1);
  if ("column" in rule) {
    requireColumn(frame, rule.column, "group column");
    const k = keyColumn(frame, rule.column);
    const levels = sortLevels(Array.from(new Set(Array.from(modelRows, (i) => k[i]).filter((v): v is string => v !== null))));
    if (levels.length < 2) throw new InputError(`The group column "${rule.column}" has ${levels.length} level(s) in the estimation sample; a split needs at least two.`);
    const at = new Map(levels.map((l, j) => [l, j]));
    for (const i of modelRows) if (k[i] !== null) group[i] = at.get(k[i]!)!;
    return { levels, group, rule: rule.column };
  }
  requireColumn(frame, rule.variable, "split variable");
  const q = rule.quantile ?? 0.5;
  if (!(q > 0 && q < 1)) throw new InputError(`The split quantile must be between 0 and 1 (0.5 = median); got ${q}.`, "num");
  const v = numericColumn(frame, rule.variable);
  const rows = Array.from(modelRows).filter((i) => !Number.isNaN(v[i]));
  const cutoff = pctile(Float64Array.from(rows, (i) => v[i]), q);
  for (const i of rows) group[i] = v[i] > cutoff ? 1 : 0;
  const name = q === 0.5 ? "median" : `p${+(q * 100).toFixed(6)}`;
  const counts = [0, 0];
  for (const i of rows) counts[group[i]]++;
  if (counts[0] === 0 || counts[1] === 0) throw new InputError(`Splitting "${rule.variable}" at its ${name} leaves one group empty.`);
  return { levels: ["low", "high"], group, rule: `${rule.variable} <= ${cutoff} (${name})`, cutoff };
}

function rowsOf(a: GroupAssignment, g: number): Int32Array {
  return Int32Array.from(Array.from(a.group.keys()).filter((i) => a.group[i] === g));
}

/** Wald test that the listed terms are jointly zero, with the result's variance and inference df. */
export function waldTerms(r: RegressionResult, terms: readonly string[], name: string, label: string, h0: string): Diagnostic {
  const idx = terms.map((t) => r.terms.indexOf(t)).filter((i) => i >= 0);
  const q = idx.length;
  if (q === 0) return inapplicable(name, label, h0, "None of the tested terms could be estimated.");
  const k = r.terms.length;
  const V = new Float64Array(q * q);
  const b = new Float64Array(q);
  idx.forEach((i, a) => {
    b[a] = r.coef[i];
    idx.forEach((j, c) => (V[a + c * q] = r.vcov[i * k + j]));
  });
  let x: Float64Array;
  try {
    x = symSolve(V, q, Float64Array.from(b));
  } catch {
    return inapplicable(name, label, h0, `The variance matrix of the ${q} tested terms is singular (for clustered errors: more terms than clusters minus one).`);
  }
  let w = 0;
  for (let a = 0; a < q; a++) w += b[a] * x[a];
  const df2 = r.dof.dfInference;
  if (!Number.isFinite(df2)) {
    return { name, label, statistic: w, df: [q], distribution: "chi2", p: NaN, nullHypothesis: h0 };
  }
  return { name, label, statistic: w / q, df: [q, df2], distribution: "F", p: fUpperP(w / q, q, df2), nullHypothesis: h0 };
}

/** The split-sample fit of one group; an input error says which group it comes from. */
function fitGroup(frame: Frame, spec: LinearSpec, rows: Int32Array, which: string): RegressionResult {
  try {
    return fitLinear(frame, { ...spec, rows });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`Group ${which} (${rows.length} rows): ${e.message}`, e.kind);
    throw e;
  }
}

const inter = (x: string, level: string) => `${x}#${level}`;
const dummy = (g: string, level: string) => `${g}=${level}`;

export function heterogeneity(frame: Frame, spec: LinearSpec, rule: SplitRule, treat = spec.x[0]): HeterogeneityResult {
  if (!spec.x.includes(treat)) throw new InputError(`The key regressor "${treat}" is not among the regressors (${spec.x.join(", ")}).`);
  const a = assignGroups(frame, spec, rule);
  const gname = "column" in rule ? rule.column : rule.variable;
  const groups = a.levels.map((label, g) => ({ label, result: fitGroup(frame, spec, rowsOf(a, g), `${gname} = ${label}`) }));
  const union = filterRows(frame, spec.rows, (i) => a.group[i] >= 0);
  const others = a.levels.slice(1);

  // Columns shared by the two models: group dummies and regressor x group interactions.
  let f = frame;
  for (const [l, level] of a.levels.entries()) {
    if (l === 0) continue;
    f = withNumericColumn(f, dummy(gname, level), Float64Array.from(a.group, (g) => (g < 0 ? NaN : g === l ? 1 : 0)));
    for (const x of spec.x) {
      const v = numericColumn(frame, x);
      f = withNumericColumn(f, inter(x, level), Float64Array.from(a.group, (g, i) => (g < 0 ? NaN : g === l ? v[i] : 0)));
    }
  }
  const dummies = others.map((l) => dummy(gname, l));

  // Fully interacted model.
  const fe = spec.fe ?? [];
  let fi = f;
  const feInter = fe.map((name) => {
    const k = keyColumn(frame, name);
    const n = `${name}#${gname}`;
    fi = withTextColumn(fi, n, Array.from(k, (v, i) => (v === null || a.group[i] < 0 ? null : `${v}#${a.levels[a.group[i]]}`)));
    return n;
  });
  const allInter = others.flatMap((l) => spec.x.map((x) => inter(x, l)));
  const interacted = fitLinear(fi, {
    ...spec,
    x: [...spec.x, ...allInter, ...(fe.length === 0 ? dummies : [])],
    fe: fe.length ? feInter : undefined,
    rows: union,
  });
  const tests: Diagnostic[] = others.map((l) => {
    const term = inter(treat, l);
    const i = interacted.terms.indexOf(term);
    const label = `Difference in ${treat}: ${l} - ${a.levels[0]}`;
    const h0 = `the coefficient of ${treat} is equal in ${l} and ${a.levels[0]}`;
    if (i < 0) return inapplicable(`diff_${l}`, label, h0, `${term} was dropped from the fully interacted model (collinear).`);
    const t = interacted.stat[i];
    const dist = interacted.statName === "t" ? "t" : "normal";
    return {
      name: `diff_${l}`,
      label,
      statistic: t,
      df: dist === "t" ? [interacted.dof.dfInference] : [],
      distribution: dist,
      p: interacted.p[i],
      nullHypothesis: h0,
      extra: { difference: interacted.coef[i], se: interacted.se[i] },
    };
  });
  tests.push(waldTerms(interacted, allInter, "chow", "Chow test (fully interacted)", `all coefficients are equal across the groups of ${gname}`));

  // Interaction model with marginal effects.
  const interaction = fitLinear(f, { ...spec, x: [treat, ...others.map((l) => inter(treat, l)), ...dummies, ...spec.x.filter((x) => x !== treat)], rows: union });
  const marginal = a.levels.map((level, l) => marginalEffect(interaction, treat, l === 0 ? null : inter(treat, level), level));
  return { treat, assignment: a, groups, interacted, tests, interaction, marginal };
}

/** b_D (+ b_{D x g}) with its standard error from the model's variance, t/z inference as the model. */
export function marginalEffect(r: RegressionResult, treat: string, interTerm: string | null, group: string, level = 0.95): MarginalEffect {
  const k = r.terms.length;
  const i = r.terms.indexOf(treat);
  if (i < 0) throw new InputError(`"${treat}" was dropped from the interaction model (collinear).`, "num");
  let est = r.coef[i];
  let v = r.vcov[i * k + i];
  if (interTerm) {
    const j = r.terms.indexOf(interTerm);
    if (j < 0) throw new InputError(`"${interTerm}" was dropped from the interaction model (collinear).`, "num");
    est += r.coef[j];
    v += r.vcov[j * k + j] + 2 * r.vcov[i * k + j];
  }
  const se = Math.sqrt(v);
  const stat = est / se;
  const df = r.statName === "t" ? r.dof.dfInference : Infinity;
  const p = Number.isFinite(df) ? tTwoSidedP(stat, df) : normalTwoSidedP(stat);
  const crit = tQuantileAt(1 - (1 - level) / 2, df);
  return { group, estimate: est, se, stat, p, ciLow: est - crit * se, ciHigh: est + crit * se };
}
