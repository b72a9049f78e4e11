/**
 * The transformed data of a two-way FE spatial panel model (period-major stacking, see panel.ts):
 * y~ = Q y, X~ = Q X, and the spatial lags. Variants "leeyu", "direct" and "unit_transform_year_dummies"
 * form the lag first and then demean (Q(Wy), Q(WX)); "splm" applies W to the demeaned data (W(Qy), and
 * W(QX) in the SEM; the SDM's lagged regressors are Q(WX) as in splm's slag on raw X).
 * Matrices are column-major nT x k Float64Array.
 */
import { InputError } from "../frame/errors";
import { SpatialWeights } from "./normalise";
import { SpatialPanel } from "./panel";
import { panelLag } from "./sparse";

export type SpatialVariant = "leeyu" | "direct" | "unit_transform_year_dummies" | "splm";
export const SPATIAL_VARIANTS: readonly SpatialVariant[] = ["leeyu", "direct", "unit_transform_year_dummies", "splm"];

export function checkVariant(v: string): SpatialVariant {
  if (!(SPATIAL_VARIANTS as readonly string[]).includes(v)) throw new InputError(`The estimator variant "${v}" is not allowed; use one of ${SPATIAL_VARIANTS.join(", ")}.`);
  return v as SpatialVariant;
}

/** N_eff (observations in the likelihood) and c_J (multiplier of ln|I - rho W|). */
export function variantConstants(v: SpatialVariant, n: number, T: number): { nEff: number; cJ: number; leeYuTerm: boolean } {
  switch (v) {
    case "leeyu":
      return { nEff: (n - 1) * (T - 1), cJ: T - 1, leeYuTerm: true };
    case "unit_transform_year_dummies":
      return { nEff: n * (T - 1), cJ: T - 1, leeYuTerm: false };
    default:
      return { nEff: n * T, cJ: T, leeYuTerm: false };
  }
}

export interface SpatialDesign {
  readonly n: number;
  readonly T: number;
  readonly N: number;
  readonly xNames: readonly string[];
  readonly k: number;
  /** Raw stacked y and X (for the reduced-form fit of the pseudo R2). */
  readonly yRaw: Float64Array;
  readonly xRaw: Float64Array;
  readonly y: Float64Array;
  readonly X: Float64Array;
  readonly Wy: Float64Array;
  /** Lagged regressors for the SDM (Q(WX)), nT x k. */
  readonly WX: Float64Array;
  /** Lagged regressors of the SEM's error filter (Q(WX), or W(QX) for splm). */
  readonly WXsem: Float64Array;
  readonly Wysem: Float64Array;
}

export function spatialDesign(panel: SpatialPanel, w: SpatialWeights, yName: string, xNames: readonly string[], variant: SpatialVariant): SpatialDesign {
  const { n, T } = panel;
  if (w.n !== n) throw new InputError(`W has ${w.n} units but the panel has ${n}.`);
  const N = n * T;
  const k = xNames.length;
  if (k === 0) throw new InputError("The spatial model needs at least one regressor (x).");
  const yRaw = panel.stack(yName);
  const xRaw = new Float64Array(N * k);
  xNames.forEach((name, j) => xRaw.set(panel.stack(name), j * N));
  const xcols = xNames.map((_, j) => xRaw.subarray(j * N, (j + 1) * N));
  const Q = (v: Float64Array) => panel.fe.demean(v);
  const y = Q(yRaw);
  const X = new Float64Array(N * k);
  panel.fe.demeanInto(xcols, X);
  const lagRawX = new Float64Array(N * k);
  xcols.forEach((c, j) => lagRawX.set(panelLag(w.w, c, T), j * N));
  const WX = new Float64Array(N * k);
  panel.fe.demeanInto(xNames.map((_, j) => lagRawX.subarray(j * N, (j + 1) * N)), WX);
  let Wy: Float64Array, WXsem: Float64Array;
  if (variant === "splm") {
    Wy = panelLag(w.w, y, T);
    WXsem = new Float64Array(N * k);
    for (let j = 0; j < k; j++) WXsem.set(panelLag(w.w, X.subarray(j * N, (j + 1) * N), T), j * N);
  } else {
    Wy = Q(panelLag(w.w, yRaw, T));
    WXsem = WX;
  }
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let p = 0; p < N; p++) s += X[j * N + p] * X[j * N + p];
    if (!(s > 1e-20 * N)) throw new InputError(`Regressor "${xNames[j]}" is constant within units or within periods: the two-way fixed effects absorb it.`);
  }
  return { n, T, N, xNames, k, yRaw, xRaw, y, X, Wy, WX, WXsem, Wysem: Wy };
}
