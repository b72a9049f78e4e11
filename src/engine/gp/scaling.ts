/**
 * Standardisation as scikit-learn's StandardScaler and GaussianProcessRegressor(normalize_y=True):
 * z = (x - mean) / sd with the mean and the POPULATION SD (ddof 0) of the training rows; new rows use the
 * training constants. A constant column (sd 0) keeps sd = 1 (scikit-learn does the same), so it is
 * only centred.
 */

export interface Scaler {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
}

/** Column means and population SDs of a row-major n x d matrix; `scaled[j] = false` leaves column j as is. */
export function fitScaler(data: Float64Array, n: number, d: number, scaled: readonly boolean[]): Scaler {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d).fill(1);
  for (let j = 0; j < d; j++) {
    if (!scaled[j]) continue;
    let m = 0;
    for (let i = 0; i < n; i++) m += data[i * d + j];
    m /= n;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const t = data[i * d + j] - m;
      s += t * t;
    }
    const sdj = Math.sqrt(s / n);
    mean[j] = m;
    sd[j] = sdj > 0 ? sdj : 1;
  }
  return { mean, sd };
}

/** (x - mean) / sd row by row (a new array). */
export function applyScaler(s: Scaler, data: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] - s.mean[j]) / s.sd[j];
  return out;
}

/** Mean and population SD of y (normalize_y); {0, 1} when not normalising. */
export function yNormaliser(y: Float64Array, normalize: boolean): { mean: number; sd: number } {
  if (!normalize) return { mean: 0, sd: 1 };
  const n = y.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (y[i] - m) * (y[i] - m);
  const sd = Math.sqrt(s / n);
  return { mean: m, sd: sd > 0 ? sd : 1 };
}
