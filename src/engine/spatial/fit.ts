/**
 * Two-way FE spatial panel models (SAR, SEM, SDM) on a frame: balanced panel, W on the sorted units,
 * QML (qml.ts) with the chosen variant (default Lee-Yu bias-corrected), OIM standard errors (reported `se`)
 * and EIM ones, effects with delta-method SEs (or the seeded LeSage-Pace simulation), pseudo R2, the LM
 * tests of the pooled FE OLS, and for the SDM the Wald and LR tests against the SAR and SEM.
 * A generalised DID term (Post x Intensity) is an ordinary column of x.
 */
import { InputError } from "../frame/errors";
import { Frame } from "../frame/frame";
import { Diagnostic } from "../stats/diagnostic";
import { normalTwoSidedP } from "../stats/distributions";
import { buildWeights, WeightsRequest } from "./build";
import { checkVariant, SpatialDesign, spatialDesign, SpatialVariant, variantConstants } from "./design";
import { deltaEffects, EffectsResult, simulatedEffects } from "./effects";
import { EIM_MAX_N, errorEim, errorOim, invertInformation, lagEim, lagOim } from "./information";
import { LmTests, lmTests } from "./lm-tests";
import { LogDet, logDetFromSpectrum } from "./logdet";
import { lrSdm, waldSdm } from "./model-tests";
import { isRowStochastic, SpatialWeights } from "./normalise";
import { balancedPanel, SpatialPanel } from "./panel";
import { PseudoR2, pseudoR2 } from "./pseudo-r2";
import { ConcentratedFit, fitErrorModel, fitLagModel, LikelihoodSetup } from "./qml";
import { panelLag } from "./sparse";
import { spectrumOfWeights } from "./spectrum";

export type SpatialModel = "sar" | "sem" | "sdm";
export const SPATIAL_MODELS: readonly SpatialModel[] = ["sar", "sem", "sdm"];
export type EffectsMethod = "delta" | "simulation";

export function checkModel(m: string): SpatialModel {
  if (!(SPATIAL_MODELS as readonly string[]).includes(m)) throw new InputError(`The spatial model "${m}" is not allowed; use one of ${SPATIAL_MODELS.join(", ")}.`);
  return m as SpatialModel;
}

export interface SpatialSpec extends WeightsRequest {
  readonly model: SpatialModel;
  readonly y: string;
  readonly x: readonly string[];
  readonly time: string;
  /** Default "leeyu" (bias-corrected); "direct" is the uncorrected demeaned ML. */
  readonly variant?: SpatialVariant;
  readonly effects?: EffectsMethod;
  readonly draws?: number;
  readonly seed?: number;
}

export interface SpatialFit {
  readonly model: SpatialModel;
  readonly variant: SpatialVariant;
  readonly variantLabel: string;
  readonly depVar: string;
  readonly xNames: readonly string[];
  /** Parameter names in vcov order: x..., W*x... (SDM), rho | lambda, sigma2. */
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly z: Float64Array;
  readonly p: Float64Array;
  /** q x q row-major: inverse OIM (the reported `se`) and inverse EIM (null when n > EIM_MAX_N). */
  readonly vcov: Float64Array;
  readonly vcovEim: Float64Array | null;
  readonly seEim: Float64Array | null;
  readonly spatialParam: "rho" | "lambda";
  readonly rho: number;
  readonly sigma2: number;
  readonly loglik: number;
  readonly ssr: number;
  readonly nEff: number;
  readonly cJ: number;
  readonly ldet: number;
  readonly n: number;
  readonly T: number;
  readonly effects: EffectsResult | null;
  readonly effectsEim: EffectsResult | null;
  readonly pseudoR2: PseudoR2;
  readonly logdetMethod: string;
  readonly bounds: readonly [number, number];
}

export const VARIANT_LABELS: Record<SpatialVariant, string> = {
  leeyu: "Lee-Yu bias-corrected QML (transformation approach, unit and time effects)",
  direct: "uncorrected QML (direct demeaning; not bias-corrected)",
  unit_transform_year_dummies: "Lee-Yu for unit effects, year dummies",
  splm: "splm/xsmle convention: W applied to the demeaned data",
};

export interface SpatialContext {
  readonly panel: SpatialPanel;
  readonly weights: SpatialWeights;
  readonly logdet: LogDet;
}

export function spatialContext(frame: Frame, spec: Pick<SpatialSpec, "id" | "time" | "lat" | "lon" | "weights" | "style" | "matrix">): SpatialContext {
  const { weights } = buildWeights(frame, spec);
  const panel = balancedPanel(frame, spec.id, spec.time);
  const islands = weights.ids.filter((_, i) => weights.w.rowPtr[i + 1] === weights.w.rowPtr[i]);
  if (islands.length > 0) {
    throw new InputError(`Unit(s) ${islands.slice(0, 10).join(", ")}${islands.length > 10 ? " and more" : ""} have no neighbour under ${weights.raw.spec} (islands): a row-standardised W then has a zero row and the two-way FE spatial models are not defined. Use a larger cutoff or knn weights.`);
  }
  // the Lee-Yu transformation and the effects formulas assume W 1 = 1
  if (!isRowStochastic(weights.w)) throw new InputError(`The spatial panel models need a row-standardised W (style row); got style ${weights.style}.`);
  return { panel, weights, logdet: logDetFromSpectrum(spectrumOfWeights(weights)) };
}

function column(X: Float64Array, N: number, j: number) {
  return X.subarray(j * N, (j + 1) * N);
}

export function fitSpatialModel(ctx: SpatialContext, spec: SpatialSpec, d?: SpatialDesign): SpatialFit {
  const model = checkModel(spec.model);
  const variant = checkVariant(spec.variant ?? "leeyu");
  const { panel, weights, logdet } = ctx;
  d = d ?? spatialDesign(panel, weights, spec.y, spec.x, variant);
  const { n, T, N, k } = d;
  const vc = variantConstants(variant, n, T);
  const setup: LikelihoodSetup = { ...vc, logdet, param: model === "sem" ? "lambda" : "rho" };
  let fit: ConcentratedFit;
  let oim: Float64Array, eim: Float64Array | null = null;
  let terms: string[];
  let p: number;
  if (model === "sem") {
    p = k;
    fit = fitErrorModel(setup, d.X, N, k, d.y, d.Wysem, d.WXsem);
    oim = errorOim(setup, d.X, N, k, d.y, d.Wysem, d.WXsem, fit.coef, fit.rho, fit.sigma2);
    if (n <= EIM_MAX_N) eim = errorEim(setup, variant, weights.w, d.X, d.WXsem, N, k, fit.rho, fit.sigma2);
    terms = [...d.xNames, "lambda", "sigma2"];
  } else {
    p = model === "sdm" ? 2 * k : k;
    const Z = model === "sdm" ? new Float64Array(N * p) : d.X;
    if (model === "sdm") {
      Z.set(d.X, 0);
      Z.set(d.WX, N * k);
    }
    fit = fitLagModel(setup, Z, N, p, d.y, d.Wy);
    oim = lagOim(setup, Z, N, p, d.Wy, fit.resid, fit.rho, fit.sigma2);
    if (n <= EIM_MAX_N) eim = lagEim(setup, variant, weights.w, Z, N, p, fit.coef, fit.rho, fit.sigma2, T);
    terms = [...d.xNames, ...(model === "sdm" ? d.xNames.map((x) => `W*${x}`) : []), "rho", "sigma2"];
  }
  const q = p + 2;
  const params = new Float64Array(q);
  params.set(fit.coef, 0);
  params[p] = fit.rho;
  params[p + 1] = fit.sigma2;
  const V = invertInformation(oim, q);
  const Ve = eim ? invertInformation(eim, q) : null;
  const se = Float64Array.from({ length: q }, (_, i) => Math.sqrt(V[i * q + i]));
  const z = Float64Array.from({ length: q }, (_, i) => params[i] / se[i]);
  const pv = Float64Array.from(z, (t) => normalTwoSidedP(t));
  let effects: EffectsResult | null = null, effectsEim: EffectsResult | null = null;
  const mean = new Float64Array(N);
  for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) mean[i] += d.xRaw[j * N + i] * fit.coef[j];
  if (model !== "sem") {
    const bPos = d.xNames.map((_, j) => j);
    const tPos = d.xNames.map((_, j) => (model === "sdm" ? k + j : -1));
    effects =
      spec.effects === "simulation"
        ? simulatedEffects(d.xNames, params, V, q, bPos, tPos, p, logdet, spec.draws ?? 1000, spec.seed ?? 12345)
        : deltaEffects(d.xNames, params, V, q, bPos, tPos, p, logdet);
    if (Ve) effectsEim = deltaEffects(d.xNames, params, Ve, q, bPos, tPos, p, logdet);
    if (model === "sdm")
      for (let j = 0; j < k; j++) {
        const lag = panelLag(weights.w, column(d.xRaw, N, j), T);
        for (let i = 0; i < N; i++) mean[i] += lag[i] * fit.coef[k + j];
      }
  }
  return {
    model,
    variant,
    variantLabel: VARIANT_LABELS[variant],
    depVar: spec.y,
    xNames: d.xNames,
    terms,
    coef: params,
    se,
    z,
    p: pv,
    vcov: V,
    vcovEim: Ve,
    seEim: Ve ? Float64Array.from({ length: q }, (_, i) => Math.sqrt(Ve[i * q + i])) : null,
    spatialParam: model === "sem" ? "lambda" : "rho",
    rho: fit.rho,
    sigma2: fit.sigma2,
    loglik: fit.loglik,
    ssr: fit.ssr,
    nEff: vc.nEff,
    cJ: vc.cJ,
    ldet: fit.ldet,
    n,
    T,
    effects,
    effectsEim,
    pseudoR2: pseudoR2(panel, weights.w, d.yRaw, mean, model === "sem" ? null : fit.rho),
    logdetMethod: logdet.method,
    bounds: [logdet.lower, logdet.upper],
  };
}

export interface SpatialAnalysis {
  readonly fit: SpatialFit;
  readonly lmTests: LmTests;
  /** SDM only: Wald (OIM) and LR against SAR and SEM (same variant); the restricted fits. */
  readonly wald: { sdmVsSar: Diagnostic; sdmVsSem: Diagnostic } | null;
  readonly waldEim: { sdmVsSar: Diagnostic; sdmVsSem: Diagnostic } | null;
  readonly lr: { sdmVsSar: Diagnostic; sdmVsSem: Diagnostic } | null;
  readonly restricted: { sar: SpatialFit; sem: SpatialFit } | null;
  readonly weights: SpatialWeights;
}

/** The full analysis `nqp spatial` prints. */
export function fitSpatial(frame: Frame, spec: SpatialSpec): SpatialAnalysis {
  const ctx = spatialContext(frame, spec);
  const variant = checkVariant(spec.variant ?? "leeyu");
  const d = spatialDesign(ctx.panel, ctx.weights, spec.y, spec.x, variant);
  const fit = fitSpatialModel(ctx, spec, d);
  const lm = lmTests(d, ctx.weights.w, "elhorst");
  if (fit.model !== "sdm") return { fit, lmTests: lm, wald: null, waldEim: null, lr: null, restricted: null, weights: ctx.weights };
  const sar = fitSpatialModel(ctx, { ...spec, model: "sar", effects: "delta" }, d);
  const sem = fitSpatialModel(ctx, { ...spec, model: "sem", effects: "delta" }, d);
  const k = d.k;
  return {
    fit,
    lmTests: lm,
    wald: waldSdm(fit.coef, fit.vcov, k),
    waldEim: fit.vcovEim ? waldSdm(fit.coef, fit.vcovEim, k) : null,
    lr: lrSdm(fit.loglik, sar.loglik, sem.loglik, k),
    restricted: { sar, sem },
    weights: ctx.weights,
  };
}
