/**
 * Summaries of GeoShapley values as the geoshapley 0.2.0 package forms them:
 * - `shapValues`: geoshap_to_shap, shap_j = phi_j + phi_GEO_x_j / 2, shap_GEO = phi_GEO + sum_j phi_GEO_x_j / 2
 *   (the ordinary Shapley values of the M-player game);
 * - `summaryRanking`: summary_statistics, the 2p + 1 components (features, "GEO", "<feature> x GEO") by
 *   mean |value| over the rows, descending;
 * - `contributionRanking`: contribution_bar_plot, p + 1 entries: GEO (geo = mean|phi_GEO|) and each
 *   feature (non_geo = mean|phi_j + phi_GEO_x_j / 2|, geo = mean|phi_GEO_x_j / 2|), by total;
 * - `svcRaw`: get_svc without smoothing, (phi_j + phi_GEO_x_j) / (x_j - mean x_j).
 */
import { GeoShapleyResult } from "./geoshapley";

export interface RankingEntry {
  readonly component: string;
  readonly meanAbs: number;
  readonly mean: number;
}

export interface ContributionEntry {
  readonly feature: string;
  readonly nonGeo: number;
  readonly geo: number;
  readonly total: number;
}

/** Rows to summarise: all (default) or the given indices. */
function rowsOf(r: GeoShapleyResult, rows?: ArrayLike<number>): number[] {
  return rows ? Array.from(rows) : Array.from({ length: r.geo.length }, (_, i) => i);
}

export function summaryRanking(r: GeoShapleyResult, rows?: ArrayLike<number>): RankingEntry[] {
  const p = r.features.length;
  const idx = rowsOf(r, rows);
  const stat = (get: (i: number) => number) => {
    let a = 0;
    let m = 0;
    for (const i of idx) {
      a += Math.abs(get(i));
      m += get(i);
    }
    return { meanAbs: a / idx.length, mean: m / idx.length };
  };
  const out: RankingEntry[] = [];
  r.features.forEach((f, j) => out.push({ component: f, ...stat((i) => r.primary[i * p + j]) }));
  out.push({ component: "GEO", ...stat((i) => r.geo[i]) });
  r.features.forEach((f, j) => out.push({ component: `${f} x GEO`, ...stat((i) => r.interaction[i * p + j]) }));
  return out.sort((a, b) => b.meanAbs - a.meanAbs);
}

export function contributionRanking(r: GeoShapleyResult, rows?: ArrayLike<number>): ContributionEntry[] {
  const p = r.features.length;
  const idx = rowsOf(r, rows);
  const out: ContributionEntry[] = [];
  let g = 0;
  for (const i of idx) g += Math.abs(r.geo[i]);
  out.push({ feature: "GEO", nonGeo: 0, geo: g / idx.length, total: g / idx.length });
  r.features.forEach((f, j) => {
    let a = 0;
    let b = 0;
    for (const i of idx) {
      a += Math.abs(r.primary[i * p + j] + r.interaction[i * p + j] / 2);
      b += Math.abs(r.interaction[i * p + j] / 2);
    }
    out.push({ feature: f, nonGeo: a / idx.length, geo: b / idx.length, total: (a + b) / idx.length });
  });
  return out.sort((x, y) => y.total - x.total);
}

/** Ordinary Shapley values: n x p (features) and n (GEO). */
export function shapValues(r: GeoShapleyResult): { shap: Float64Array; shapGeo: Float64Array } {
  const p = r.features.length;
  const n = r.geo.length;
  const shap = new Float64Array(n * p);
  const shapGeo = Float64Array.from(r.geo);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      shap[i * p + j] = r.primary[i * p + j] + r.interaction[i * p + j] / 2;
      shapGeo[i] += r.interaction[i * p + j] / 2;
    }
  }
  return { shap, shapGeo };
}

/** Raw spatially varying coefficients (phi_j + phi_GEO_x_j) / (x_j - mean x_j) over `rows` (n x p, row-major X). */
export function svcRaw(r: GeoShapleyResult, X: Float64Array, width: number, rows?: ArrayLike<number>): Float64Array {
  const p = r.features.length;
  const idx = rowsOf(r, rows);
  const out = new Float64Array(idx.length * p);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (const i of idx) m += X[i * width + j];
    m /= idx.length;
    idx.forEach((i, k) => (out[k * p + j] = (r.primary[i * p + j] + r.interaction[i * p + j]) / (X[i * width + j] - m)));
  }
  return out;
}
