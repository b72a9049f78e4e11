/**
 * IV-2SLS with absorbed fixed effects (ivreghdfe conventions), from a Frame: the estimator behind
 * =NQP.IV and `nqp iv`. Sample selection and FE absorption are the linear engine's (prepareDesign);
 * the 2SLS, variance and diagnostics are the ivreg2 kernel (engine/iv/ivreg2.ts) on the demeaned data.
 *
 * Small-sample conventions: `small` (default) = the FE engine's (CR1 with K = slopes + FE dof not nested
 * in the cluster, t with G-1 df; iid/HC1 with K_full) = ivreghdfe with `small`; `small: false` = ivreg2's
 * default (no finite-sample factor, z statistics). sdofminus = FE dof (minus levels nested in the cluster).
 * Without FE an explicit `_cons` column is used (ivreg2 without partial()).
 */
import { Frame, columnCodes, getColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";
import { Diagnostic } from "../stats/diagnostic";
import { tQuantileAt } from "../stats/distributions";
import { ArConfidenceSet } from "../iv/anderson-rubin";
import { FirstStage } from "../iv/first-stage";
import { ivreg2 } from "../iv/ivreg2";
import { MeatKind } from "../iv/meat";
import { prepareDesign } from "./linear-design";
import { RegressionResult, VcovType, VCOV_TYPES } from "./result";
import { ivScales, scaleFrame, scaledArNull, unscaleIv } from "./iv-scale";

export interface IvSpec {
  readonly y: string;
  readonly endog: readonly string[];
  readonly instruments: readonly string[];
  /** Included exogenous controls. */
  readonly x?: readonly string[];
  readonly fe?: readonly string[];
  /** One cluster variable. */
  readonly cluster?: readonly string[];
  /** Default: "cluster" when cluster is given, else "iid". */
  readonly vcov?: VcovType;
  /** Default true (FE-engine / ivreghdfe `small`); false = ivreg2 default (no factor, z). */
  readonly small?: boolean;
  readonly keepSingletons?: boolean;
  readonly rows?: Int32Array;
  readonly reducedForm?: boolean;
  /** Confidence level for CIs and the Anderson-Rubin set (default 0.95). */
  readonly level?: number;
  /** Null value of the endogenous coefficient in the Anderson-Rubin test (default 0). */
  readonly arNull?: number;
  /** Endogenous regressors examined by the C test (default: all). */
  readonly endogTested?: readonly string[];
  /** An instrument that copies an endogenous regressor: "error" (default) or "allow" (ivreg2 kernel option). */
  readonly copiedInstrument?: "error" | "allow";
}

export interface IvResult extends RegressionResult {
  readonly model: "iv";
  readonly endogenous: readonly string[];
  /** Excluded instruments used (after dropping absorbed/collinear ones). */
  readonly instruments: readonly string[];
  /** Excluded instruments left out, with the reason. */
  readonly omittedInstruments: Readonly<Record<string, string>>;
  readonly firstStage: readonly FirstStage[];
  readonly reducedForm?: FirstStage;
  /** Anderson-Rubin confidence set (one endogenous regressor), as closed intervals. */
  readonly arConfidenceSet?: ArConfidenceSet;
  readonly small: boolean;
  readonly sdofminus: number;
  readonly minSqCanonicalCorr: number;
  readonly kpWaldChi2: number;
}

const SPEC_KEYS = ["y", "endog", "instruments", "x", "fe", "cluster", "vcov", "small", "keepSingletons", "rows", "reducedForm", "level", "arNull", "endogTested", "copiedInstrument"];

export function validateIvSpec(spec: IvSpec): void {
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.includes(key)) throw new InputError(`Unknown IV option "${key}". Allowed: ${SPEC_KEYS.join(", ")}.`);
  }
  if (spec.copiedInstrument !== undefined && spec.copiedInstrument !== "error" && spec.copiedInstrument !== "allow") {
    throw new InputError(`copiedInstrument must be one of error, allow; got "${String(spec.copiedInstrument)}".`);
  }
  if (typeof spec.y !== "string" || spec.y === "") throw new InputError("y must name the dependent variable.");
  if (!spec.endog || spec.endog.length === 0) throw new InputError("endog must list at least one endogenous regressor.");
  if (!spec.instruments || spec.instruments.length === 0) throw new InputError("instruments must list at least one excluded instrument.");
  if (spec.instruments.length < spec.endog.length) {
    throw new InputError(
      `Too few instruments: ${spec.endog.length} endogenous regressor(s) (${spec.endog.join(", ")}) need at least as many excluded instruments, ` +
        `but ${spec.instruments.length} given (${spec.instruments.join(", ")}).`,
    );
  }
  if (spec.vcov !== undefined && !VCOV_TYPES.includes(spec.vcov)) throw new InputError(`vcov must be one of ${VCOV_TYPES.join(", ")}; got "${spec.vcov}".`);
  const cl = spec.cluster ?? [];
  if (cl.length > 1) throw new InputError(`IV estimation clusters on one variable; got ${cl.length} (${cl.join(", ")}).`);
  if (spec.vcov === "cluster" && cl.length === 0) throw new InputError(`vcov "cluster" needs a cluster variable.`);
  if (cl.length > 0 && spec.vcov !== undefined && spec.vcov !== "cluster") {
    throw new InputError(`A cluster variable was given with vcov "${spec.vcov}"; use vcov "cluster" or drop the cluster variable.`);
  }
  const all = [spec.y, ...spec.endog, ...spec.instruments, ...(spec.x ?? [])];
  const seen = new Set<string>();
  for (const v of all) {
    if (seen.has(v)) throw new InputError(`"${v}" appears twice among the dependent variable, endogenous regressors, instruments and controls.`);
    seen.add(v);
  }
  if (spec.level !== undefined && !(spec.level > 0 && spec.level < 1)) throw new InputError(`level must be between 0 and 1 (e.g. 0.95); got ${spec.level}.`);
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

function columns(cols: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n * cols.length);
  cols.forEach((c, j) => out.set(c, j * n));
  return out;
}

export function fitIv(frame: Frame, spec: IvSpec): IvResult {
  validateIvSpec(spec);
  const x = spec.x ?? [];
  const fe = spec.fe ?? [];
  const cl = spec.cluster ?? [];
  for (const name of [spec.y, ...spec.endog, ...spec.instruments, ...x, ...fe, ...cl]) getColumn(frame, name);
  // 1e308-scale columns: fit at a power-of-two scale and map back (iv-scale.ts).
  const scales = ivScales(frame, [spec.y, ...spec.endog, ...spec.instruments, ...x]);
  if (scales) {
    const scaled = fitIv(scaleFrame(frame, scales), { ...spec, arNull: scaledArNull(spec.arNull, spec.y, spec.endog, scales) });
    return unscaleIv(scaled, scales);
  }
  const vcovType: VcovType = spec.vcov ?? (cl.length > 0 ? "cluster" : "iid");
  const kind: MeatKind = vcovType === "hc1" ? "robust" : vcovType;
  const small = spec.small ?? true;
  const num = (name: string) => ({ name, values: numericColumn(frame, name) });
  const design = prepareDesign(
    {
      n: frame.nrow,
      y: num(spec.y),
      x: [...spec.endog, ...x].map(num),
      extra: spec.instruments.map(num),
      fe: fe.map((name) => ({ name, codes: columnCodes(getColumn(frame, name)).codes })),
      cluster: cl.map((name) => ({ name, codes: columnCodes(getColumn(frame, name)).codes })),
      rows: spec.rows,
    },
    { noConstant: fe.length === 0, keepSingletons: spec.keepSingletons },
  );
  const n = design.n;
  const hasFe = fe.length > 0;
  // A variable that the FE absorb (constant within every group) leaves only rounding noise.
  const absorbedBy = fe.length === 1 ? `the ${fe[0]} fixed effect` : `the fixed effects (${fe.join(", ")})`;
  const prep = (name: string) => {
    const raw = design.take(numericColumn(frame, name));
    const w = hasFe ? design.absorb(numericColumn(frame, name)) : raw;
    const absorbed = hasFe && norm(w) <= 1e-9 * norm(raw);
    return { name, w, absorbed };
  };
  const yv = prep(spec.y);
  const endog = spec.endog.map(prep);
  for (const e of endog) {
    if (e.absorbed) throw new InputError(`The endogenous regressor "${e.name}" is constant within every group of ${absorbedBy}, which absorb it; it cannot be estimated.`);
  }
  const omittedInstruments: Record<string, string> = {};
  const inst = spec.instruments.map(prep).filter((z) => {
    if (z.absorbed) omittedInstruments[z.name] = `constant within every group of ${absorbedBy}, so it is absorbed and carries no identifying variation`;
    return !z.absorbed;
  });
  if (inst.length < spec.endog.length) {
    throw new InputError(
      `Under-identified: ${Object.entries(omittedInstruments).map(([k, v]) => `instrument "${k}" is ${v}`).join("; ")}. ` +
        `${inst.length} usable instrument(s) remain for ${spec.endog.length} endogenous regressor(s).`,
    );
  }
  const omittedReason: Record<string, string> = {};
  const ctrl = x.map(prep).filter((c) => {
    if (c.absorbed) omittedReason[c.name] = `absorbed by ${absorbedBy}`;
    return !c.absorbed;
  });
  const exogCols = ctrl.map((c) => c.w);
  const exogNames = ctrl.map((c) => c.name);
  if (!hasFe) {
    exogCols.push(new Float64Array(n).fill(1));
    exogNames.push("_cons");
  }
  const clusters = design.clusters.length > 0 ? { codes: design.clusters[0], nClusters: design.nClusters[0] } : undefined;
  const feDof = hasFe ? design.fe.dfAbsorbed : 0;
  const sdofminus = hasFe ? Math.max(1, feDof - (kind === "cluster" ? design.nestedAdjustment : 0)) : 0;
  const k = ivreg2(
    {
      n, y: yv.w, endog: columns(endog.map((e) => e.w), n), endogNames: spec.endog,
      exog: columns(exogCols, n), exogNames, excluded: columns(inst.map((z) => z.w), n), excludedNames: inst.map((z) => z.name), clusters,
    },
    { vcov: kind, small, sdofminus, reducedForm: spec.reducedForm, level: spec.level, arNull: spec.arNull, endogTested: spec.endogTested, copiedInstrument: spec.copiedInstrument },
  );
  for (const nm of k.omittedInstruments) omittedInstruments[nm] = k.omittedInstrumentReasons[nm] ?? "collinear with the controls or the other instruments";
  for (const nm of k.omittedRegressors) omittedReason[nm] = "collinear with the other regressors";
  const p = k.terms.length;
  const level = spec.level ?? 0.95;
  const q = tQuantileAt(1 - (1 - level) / 2, k.dfInference);
  const yRaw = design.take(numericColumn(frame, spec.y));
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += yRaw[i];
  ybar /= n;
  let tss = 0;
  let tssW = 0;
  for (let i = 0; i < n; i++) {
    tss += (yRaw[i] - ybar) ** 2;
    tssW += yv.w[i] ** 2;
  }
  const kFull = p + feDof + (hasFe ? 0 : 0);
  const kCluster = kind === "cluster" && hasFe ? p + sdofminus : kFull;
  const r2 = 1 - k.rss / tss;
  const diagnostics: Diagnostic[] = [...k.diagnostics];
  return {
    model: "iv",
    depVar: spec.y,
    terms: k.terms,
    coef: k.coef,
    se: k.se,
    stat: k.stat,
    p: k.p,
    ciLow: k.coef.map((b, j) => b - q * k.se[j]),
    ciHigh: k.coef.map((b, j) => b + q * k.se[j]),
    vcov: k.vcov,
    omitted: [...x.filter((v) => v in omittedReason)],
    omittedReason,
    statName: k.statName,
    vcovType,
    clusterVars: design.clusterNames,
    nClusters: design.nClusters,
    fixedEffects: design.feInfo,
    n,
    dof: { kFull, kCluster, dfResid: n - kFull, dfInference: k.dfInference },
    ssr: k.rss,
    r2,
    r2Adj: 1 - (1 - r2) * (n - 1) / (n - kFull),
    r2Within: hasFe ? 1 - k.rss / tssW : NaN,
    rmse: k.rmse,
    diagnostics,
    sample: design.sample,
    endogenous: spec.endog,
    instruments: inst.map((z) => z.name).filter((nm) => !(nm in omittedInstruments)),
    omittedInstruments,
    firstStage: k.firstStage,
    reducedForm: k.reducedForm,
    arConfidenceSet: k.arConfidenceSet,
    small,
    sdofminus,
    minSqCanonicalCorr: k.minSqCanonicalCorr,
    kpWaldChi2: k.kpWaldChi2,
  };
}
