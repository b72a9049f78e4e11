/**
 * Panel lags and leads by calendar period: L^k x_it = x_i,t-k, missing when that row is absent
 * (the id's first periods, or a gap in time) or x is missing there. Stata `L.x`/`F.x` after tsset;
 * the lagged instruments `L1_NQP`, `L2_NQP` of the reference cases follow the same rule.
 * Results come back in the input row order whatever the sort of the input.
 */
import { InputError } from "../frame";
import { LagGap, PanelIndex, laggedRow, panelIndex } from "./panel-index";

export interface PanelLagResult {
  /** Length n: x at t - k of the same id, NaN where undefined. */
  readonly values: Float64Array;
  readonly k: number;
  /** Counts of rows without a value, by reason. */
  readonly missing: {
    readonly missingKey: number;
    readonly beforeFirst: number;
    readonly gap: number;
    readonly missingValue: number;
  };
}

/** Lag (k > 0) or lead (k < 0) of x within each id. k = 0 returns a copy of x. */
export function panelLag(x: Float64Array, panel: PanelIndex, k = 1): PanelLagResult {
  if (x.length !== panel.n) {
    throw new InputError(`x has ${x.length} rows but the id/time columns have ${panel.n}; they must be the same length.`);
  }
  const why: (LagGap | null)[] = new Array(panel.n);
  const src = laggedRow(panel, k, why);
  const values = new Float64Array(panel.n);
  const missing = { missingKey: 0, beforeFirst: 0, gap: 0, missingValue: 0 };
  for (let i = 0; i < panel.n; i++) {
    const r = src[i];
    if (r < 0) {
      values[i] = NaN;
      if (why[i] === "missing_key") missing.missingKey++;
      else if (why[i] === "before_first") missing.beforeFirst++;
      else missing.gap++;
      continue;
    }
    values[i] = x[r];
    if (Number.isNaN(x[r])) missing.missingValue++;
  }
  return { values, k, missing };
}

/** Convenience: build the panel index from id and time, then lag. */
export function lagByPanel(x: Float64Array, id: readonly (string | null)[], time: ArrayLike<number>, k = 1): PanelLagResult {
  return panelLag(x, panelIndex(id, time), k);
}
