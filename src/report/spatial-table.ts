/**
 * Spatial panel table (paper 003's Table 3 style): one column per model (SAR, SEM, SDM) with the
 * coefficients, the W*x terms, rho or lambda, the direct / indirect / total effects of the key
 * regressor(s), then the FE rows, N, the log-likelihood and the pseudo R-squared. Layout only: every
 * number is a field of the engine's SpatialFit (OIM standard errors, delta-method effects).
 */
import { InputError } from "../engine/frame";
import { RegressionResult } from "../engine/models/result";
import { SpatialFit } from "../engine/spatial/fit";
import { t } from "../i18n/catalogue";
import { spatialTableMessages as sm, tableMessages as m } from "../i18n/messages/tables";
import { ModelColumn } from "./column";
import { zhPanelWord } from "./labels";
import { tableOptions } from "./options";
import { RegressionTableSpec, buildRegressionTable, defaultStats, labeller } from "./regression-table";
import { Table } from "./table";

export const EFFECT_KINDS = ["direct", "indirect", "total"] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** Term key of an effect row, e.g. "direct:NQP". */
export function effectTerm(kind: EffectKind, x: string): string {
  return `${kind}:${x}`;
}

const MODEL_LABELS: Readonly<Record<SpatialFit["model"], string>> = { sar: "SAR", sem: "SEM", sdm: "SDM" };

/**
 * A SpatialFit as a result record for the regression-table layout: terms x..., W*x..., rho|lambda
 * (sigma2 left out), then the effects of `effectsFor` (SAR/SDM); the two-way FE as `fixedEffects`;
 * r2 / r2Within = the pseudo R2 overall / within; the log-likelihood as the diagnostic "loglik".
 */
export function spatialResult(fit: SpatialFit, fe: { id: string; time: string }, effectsFor: readonly string[]): RegressionResult {
  for (const x of effectsFor) {
    if (!fit.xNames.includes(x)) throw new InputError(`Spatial table: "effects" names "${x}", which is not a regressor of the model (x: ${fit.xNames.join(", ")}).`);
  }
  const terms: string[] = [], coef: number[] = [], se: number[] = [], z: number[] = [], p: number[] = [];
  fit.terms.forEach((t, i) => {
    if (t === "sigma2") return;
    terms.push(t);
    coef.push(fit.coef[i]);
    se.push(fit.se[i]);
    z.push(fit.z[i]);
    p.push(fit.p[i]);
  });
  if (fit.effects) {
    for (const kind of EFFECT_KINDS)
      for (const x of effectsFor) {
        const e = fit.effects.rows.find((r) => r.name === x)![kind];
        terms.push(effectTerm(kind, x));
        coef.push(e.coef);
        se.push(e.se);
        z.push(e.z);
        p.push(e.p);
      }
  }
  const k = terms.length;
  const N = fit.n * fit.T;
  const nan = () => new Float64Array(k).fill(NaN);
  const q = fit.terms.length;
  return {
    model: "fe",
    depVar: fit.depVar,
    terms,
    coef: Float64Array.from(coef),
    se: Float64Array.from(se),
    stat: Float64Array.from(z),
    p: Float64Array.from(p),
    ciLow: nan(),
    ciHigh: nan(),
    // Only the model parameters have a joint covariance (x, W*x, rho|lambda, sigma2 as fit.terms).
    vcov: fit.vcov.length === q * q ? fit.vcov : new Float64Array(0),
    omitted: [],
    statName: "z",
    vcovType: "iid",
    clusterVars: [],
    nClusters: [],
    fixedEffects: [
      { name: fe.id, levels: fit.n, nestedInCluster: false },
      { name: fe.time, levels: fit.T, nestedInCluster: false },
    ],
    n: N,
    dof: { kFull: q, kCluster: q, dfResid: N - q, dfInference: Infinity },
    ssr: fit.ssr,
    r2: fit.pseudoR2.overall,
    r2Adj: NaN,
    r2Within: fit.pseudoR2.within,
    rmse: Math.sqrt(fit.sigma2),
    diagnostics: [{ name: "loglik", label: "Log-likelihood", statistic: fit.loglik, df: [], distribution: "none", p: NaN, nullHypothesis: "" }],
    sample: { nInput: N, nUsed: N, droppedMissing: 0, missingBy: {}, droppedSingletons: 0, rows: new Int32Array(0) },
  };
}

export interface SpatialTableSpec extends Omit<RegressionTableSpec, "columns"> {
  readonly fits: readonly SpatialFit[];
  /** Panel id and time columns (the two-way FE rows). */
  readonly id: string;
  readonly time: string;
  /** Regressors whose direct / indirect / total effects are shown (default: the first regressor). */
  readonly effects?: readonly string[];
  /** Column subtitles (default: SAR, SEM, SDM). */
  readonly subtitles?: readonly (string | undefined)[];
}

export function buildSpatialTable(spec: SpatialTableSpec): Table {
  if (!spec.fits.length) throw new InputError("A spatial table needs at least one model.");
  const effects = spec.effects ?? [spec.fits[0].xNames[0]];
  const { fits, id, time, effects: _e, subtitles, ...rest } = spec;
  const columns: ModelColumn[] = fits.map((f, j) => ({ result: spatialResult(f, { id, time }, effects), subtitle: subtitles?.[j] ?? MODEL_LABELS[f.model] }));
  const o = tableOptions(spec.options);
  const lang = o.language;
  const label = labeller(spec.labels, lang);
  const labels: Record<string, string> = {};
  for (const f of fits) for (const x of f.xNames) labels[`W*${x}`] = `W×${label(x)}`;
  Object.assign(labels, { rho: "ρ", lambda: "λ" });
  for (const kind of EFFECT_KINDS) for (const x of effects) labels[effectTerm(kind, x)] = t(sm[kind], { x: label(x) }, lang);
  const feLabel = lang === "zh" ? (n: string) => spec.labels?.[n] ?? zhPanelWord(n) ?? n : label;
  const xs = [...new Set(fits.flatMap((f) => f.xNames))];
  const present = (t: string) => columns.some((c) => c.result.terms.includes(t));
  const order = [...xs, ...xs.map((x) => `W*${x}`), "rho", "lambda", ...EFFECT_KINDS.flatMap((k) => effects.map((x) => effectTerm(k, x)))];
  return buildRegressionTable({
    ...rest,
    terms: spec.terms ?? order.filter(present),
    columns,
    labels: { ...labels, ...spec.labels },
    feRows: spec.feRows ?? { [id]: t(m.feRow, { label: feLabel(id) }, lang), [time]: t(m.feRow, { label: feLabel(time) }, lang) },
    stats: spec.stats ?? [...defaultStats(o.r2).slice(0, 1), "loglik", ...defaultStats(o.r2).slice(1)],
    statLabels: { r2: t(m.statPseudoR2, undefined, lang), r2_within: t(m.statPseudoR2Within, undefined, lang), ...spec.statLabels },
    notes: [
      t(sm.note, undefined, lang),
      ...(spec.notes ?? []),
    ],
  });
}
