/**
 * Entropy-weight method for composite indices (the NQP index of the literature).
 *
 * For indicator j over the used rows i = 1..n (rows with every indicator present):
 *   x'_ij = (x_ij - min_j)/(max_j - min_j)   positive direction
 *   x'_ij = (max_j - x_ij)/(max_j - min_j)   negative direction
 *   method "minmax": p_ij = x'_ij / sum_i x'_ij,                  0 ln 0 = 0
 *   method "shift":  p_ij = (x'_ij + s) / sum_i (x'_ij + s),     s = 0.0001 by default
 *   e_j = -(1/ln n) sum_i p_ij ln p_ij;  d_j = 1 - e_j;  w_j = d_j / sum_j d_j
 *   score_i = sum_j w_j x'_ij   (unshifted x' under both methods)
 * With a group column, every group (e.g. year) gets its own min, max and weights ("per group");
 * without it the computation is pooled over all rows, the panel convention.
 * Criterion layers: a label per indicator; a layer's sub-index is sum_{j in layer} w_j x'_ij with the
 * overall weights, so the sub-indices add up to the total score (layer weight = sum of its w_j).
 *
 * Shapes: m indicators given as m columns of length n. Per-row outputs have length n (input order),
 * NaN where a row gets no score. Per-indicator outputs have length m in the input column order
 * (dropped constant columns keep their slot with weight 0 and NaN entropy).
 */
import { InputError } from "../frame";
import { blockedScores, clearUnused, entropyOf, markMissing, range, scanColumn } from "./entropy-passes";

export type EntropyMethod = "minmax" | "shift";
export const ENTROPY_METHODS: readonly EntropyMethod[] = ["minmax", "shift"];
export type Direction = 1 | -1;

export interface EntropyOptions {
  /** +1 / -1 per indicator (default all +1). */
  readonly directions?: readonly Direction[];
  readonly method?: EntropyMethod;
  /** The constant s of method "shift" (default 0.0001); must be > 0. */
  readonly shift?: number;
  /** Group code per row (-1 = missing group: no score) and the group labels. */
  readonly groups?: { readonly codes: Int32Array; readonly levels: readonly string[] };
  /** Drop constant indicators (max = min) instead of raising an error; with groups, an indicator constant in any group is dropped in all. */
  readonly dropConstant?: boolean;
  /** Criterion-layer label per indicator. */
  readonly layers?: readonly string[];
  /** Keep the normalised matrix x' (m columns of length n). Off by default: it doubles memory. */
  readonly keepNormalised?: boolean;
}

/** Weights of one pooled fit or of one group. Arrays have length m. */
export interface EntropyFit {
  /** Group label, null when pooled. */
  readonly group: string | null;
  readonly nUsed: number;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly e: Float64Array;
  readonly d: Float64Array;
  readonly weights: Float64Array;
}

export interface EntropyLayer {
  readonly label: string;
  /** Indicator positions in this layer. */
  readonly columns: readonly number[];
  /** Sum of the layer's weights (per fit, in the order of `fits`). */
  readonly weight: readonly number[];
  /** Sub-index per row (NaN where no score). */
  readonly scores: Float64Array;
}

export interface EntropyResult {
  readonly names: readonly string[];
  readonly method: EntropyMethod;
  readonly shift: number;
  readonly directions: readonly Direction[];
  /** One fit when pooled; one per group (in level order) otherwise. */
  readonly fits: readonly EntropyFit[];
  readonly scores: Float64Array;
  /** x' per indicator (length n each, NaN for unused rows) when keepNormalised. */
  readonly normalised: readonly Float64Array[] | null;
  readonly layers: readonly EntropyLayer[];
  readonly nRows: number;
  readonly nUsed: number;
  /** Rows left out because an indicator is missing. */
  readonly nMissingIndicator: number;
  /** Rows left out because the group is missing. */
  readonly nMissingGroup: number;
  /** Names of indicators dropped as constant (dropConstant). */
  readonly dropped: readonly string[];
}

export function validateEntropyMethod(m: string): EntropyMethod {
  const v = m.trim().toLowerCase();
  if ((ENTROPY_METHODS as readonly string[]).includes(v)) return v as EntropyMethod;
  throw new InputError(`Unknown entropy method "${m}". Allowed: ${ENTROPY_METHODS.join(", ")}.`);
}

/**
 * Directions from user input: +1/-1 numbers or "+"/"-" (also "pos"/"neg", "positive"/"negative").
 * Blank entries mean "+". The list must have one entry per indicator.
 */
export function parseDirections(raw: readonly unknown[], names: readonly string[]): Direction[] {
  if (raw.length !== names.length) {
    throw new InputError(
      `The directions list has ${raw.length} entries but there are ${names.length} indicators; give one "+" or "-" per indicator column.`,
    );
  }
  return raw.map((v, j) => {
    if (v === null || v === undefined || v === "") return 1;
    if (typeof v === "number" && (v === 1 || v === -1)) return v as Direction;
    const s = String(v).trim().toLowerCase();
    if (s === "+" || s === "1" || s === "+1" || s === "pos" || s === "positive") return 1;
    if (s === "-" || s === "-1" || s === "neg" || s === "negative") return -1;
    throw new InputError(`Direction ${j + 1} (indicator "${names[j]}") is "${String(v)}"; use "+" or "-" (or 1 / -1).`);
  });
}


interface Prepared {
  readonly m: number;
  readonly n: number;
  readonly directions: Direction[];
  readonly method: EntropyMethod;
  readonly shift: number;
  /** Used rows per group (pooled: one entry). */
  readonly rowsByFit: Int32Array[];
  readonly labels: (string | null)[];
  readonly nMissingIndicator: number;
  readonly nMissingGroup: number;
  /** Pooled fit: min/max per indicator when known from the first pass (null = compute over the rows). */
  readonly pooledRange: ([number, number] | null)[] | null;
  /** The indicator columns, a column whose range max - min overflows replaced by a copy times 1/4 (exact). */
  readonly columns: readonly Float64Array[];
  /** Per column: 1, or 4 for a column given at 1/4 (min/max are reported times this). */
  readonly unscale: Float64Array;
}

/** A copy of c scaled by a power of two (exact for all but subnormal values). */
function scaledCopy(c: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i] * factor;
  return out;
}

/** A repeated indicator would be weighted twice: refused, naming it. */
function assertDistinct(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InputError(`Indicator "${name}" is given twice: each indicator may appear once (it would be weighted twice).`);
    seen.add(name);
  }
}

function prepare(input: readonly Float64Array[], names: readonly string[], o: EntropyOptions): Prepared {
  const m = input.length;
  if (m === 0) throw new InputError("The entropy method needs at least one indicator column.");
  if (names.length !== m) throw new InputError(`Got ${m} indicator columns but ${names.length} names.`);
  assertDistinct(names);
  const columns = [...input];
  const unscale = new Float64Array(m).fill(1);
  const n = columns[0].length;
  columns.forEach((c, j) => {
    if (c.length !== n) throw new InputError(`Indicator "${names[j]}" has ${c.length} rows but "${names[0]}" has ${n}.`);
  });
  const directions = o.directions ? [...o.directions] : new Array<Direction>(m).fill(1);
  if (directions.length !== m) {
    throw new InputError(`The directions list has ${directions.length} entries but there are ${m} indicators.`);
  }
  const method = o.method ?? "minmax";
  const shift = o.shift ?? 0.0001;
  if (method === "shift" && !(Number.isFinite(shift) && shift > 0)) {
    throw new InputError(`The shift constant must be a positive number (e.g. 0.0001); got ${shift}.`, "value");
  }
  if (o.layers && o.layers.length !== m) {
    throw new InputError(`The layer row has ${o.layers.length} labels but there are ${m} indicators.`);
  }
  // One pass per column: min/max over the present values; the rows with a missing value are flagged in
  // a second pass only for columns that may have one.
  const complete = new Uint8Array(n).fill(1);
  const extremes = new Float64Array(2 * m);
  for (let j = 0; j < m; j++) {
    if (scanColumn(columns[j], extremes, j)) markMissing(columns[j], complete);
    const lo = extremes[2 * j];
    const hi = extremes[2 * j + 1];
    if (lo === -Infinity || hi === Infinity) {
      const i = columns[j].findIndex((v) => v === -Infinity || v === Infinity);
      throw new InputError(`Indicator "${names[j]}" row ${i + 1} is ${columns[j][i]} (a value beyond +-1.8e308): fix or rescale that column.`);
    }
    if (lo <= hi && !Number.isFinite(hi - lo)) {
      // Large-but-finite values whose range overflows: the normalisation is scale-free, so work at 1/4.
      columns[j] = scaledCopy(columns[j], 0.25);
      unscale[j] = 4;
      scanColumn(columns[j], extremes, j);
    }
  }
  const incomplete: number[] = [];
  for (let i = 0; i < n; i++) if (!complete[i]) incomplete.push(i);
  // Min/max over the complete rows equal those over all rows when no incomplete row attains them. A zero
  // extreme is recomputed over the rows, so that its sign (0 or -0) is the one met first, as there.
  const pooledRange = columns.map((c, j): [number, number] | null => {
    const lo = extremes[2 * j];
    const hi = extremes[2 * j + 1];
    if (lo === 0 || hi === 0 || incomplete.some((i) => c[i] === lo || c[i] === hi)) return null;
    return [lo, hi];
  });
  const nMissingIndicator = incomplete.length;
  const g = o.groups;
  if (!g) {
    const rows = new Int32Array(n - nMissingIndicator);
    for (let i = 0, p = 0; i < n; i++) if (complete[i]) rows[p++] = i;
    return { m, n, directions, method, shift, rowsByFit: [rows], labels: [null], nMissingIndicator, nMissingGroup: 0, pooledRange, columns, unscale };
  }
  if (g.codes.length !== n) throw new InputError(`The group column has ${g.codes.length} rows but the indicators have ${n}.`);
  const counts = new Int32Array(g.levels.length);
  let nMissingGroup = 0;
  for (let i = 0; i < n; i++) {
    if (!complete[i]) continue;
    if (g.codes[i] < 0) nMissingGroup++;
    else counts[g.codes[i]]++;
  }
  const rowsByFit = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(g.levels.length);
  for (let i = 0; i < n; i++) if (complete[i] && g.codes[i] >= 0) rowsByFit[g.codes[i]][fill[g.codes[i]]++] = i;
  const keep = rowsByFit.map((r, k) => k).filter((k) => rowsByFit[k].length > 0);
  return {
    m,
    n,
    directions,
    method,
    shift,
    rowsByFit: keep.map((k) => rowsByFit[k]),
    labels: keep.map((k) => g.levels[k]),
    nMissingIndicator,
    nMissingGroup,
    pooledRange: null,
    columns,
    unscale,
  };
}

export function entropyIndex(input: readonly Float64Array[], names: readonly string[], options: EntropyOptions = {}): EntropyResult {
  const P = prepare(input, names, options);
  const { m, n, directions, method, columns } = P;
  const shift = method === "shift" ? P.shift : 0;
  if (P.rowsByFit.length === 0 || P.rowsByFit.every((r) => r.length === 0)) {
    throw new InputError("No row has every indicator present, so no index can be computed.");
  }
  // Constant indicators: an error naming the column (and group), or dropped everywhere.
  const droppedSet = new Set<number>();
  const ranges = P.rowsByFit.map((rows, f) => {
    if (rows.length < 2) {
      const where = P.labels[f] === null ? "" : ` in group "${P.labels[f]}"`;
      throw new InputError(`Only ${rows.length} row${where} has every indicator present; the entropy method needs at least 2.`);
    }
    return columns.map((c, j) => {
      const r = P.pooledRange?.[j] ?? range(c, rows);
      if (!(r[1] > r[0])) {
        if (!options.dropConstant) {
          const where = P.labels[f] === null ? "" : ` in group "${P.labels[f]}"`;
          throw new InputError(
            `Indicator "${names[j]}" is constant${where} (every used value is ${r[0] * P.unscale[j]}), so it carries no information; ` +
              `remove it or ask to drop constant indicators.`,
          );
        }
        droppedSet.add(j);
      }
      return r;
    });
  });
  if (droppedSet.size === m) throw new InputError("Every indicator is constant; no index can be computed.");

  const fits: EntropyFit[] = P.rowsByFit.map((rows, f) => {
    const min = new Float64Array(m);
    const max = new Float64Array(m);
    const e = new Float64Array(m).fill(NaN);
    const d = new Float64Array(m).fill(NaN);
    const weights = new Float64Array(m);
    let dSum = 0;
    for (let j = 0; j < m; j++) {
      [min[j], max[j]] = ranges[f][j];
      if (droppedSet.has(j)) continue;
      e[j] = entropyOf(columns[j], rows.length === n ? null : rows, min[j], max[j], directions[j], shift);
      d[j] = 1 - e[j];
      dSum += d[j];
    }
    for (let j = 0; j < m; j++) if (!droppedSet.has(j)) weights[j] = d[j] / dSum;
    return { group: P.labels[f], nUsed: rows.length, min, max, e, d, weights };
  });
  const reported = fits.map((fit) => {
    if (P.unscale.every((u) => u === 1)) return fit;
    return { ...fit, min: fit.min.map((v, j) => v * P.unscale[j]), max: fit.max.map((v, j) => v * P.unscale[j]) };
  });

  const hot = !options.keepNormalised && !options.layers;
  // The hot path writes every row itself when pooled; otherwise rows without a score stay NaN.
  const pooled = hot && P.labels.length === 1 && P.labels[0] === null;
  const scores = pooled ? new Float64Array(n) : new Float64Array(n).fill(NaN);
  const normalised = options.keepNormalised ? columns.map(() => new Float64Array(n).fill(NaN)) : null;
  const layerLabels = options.layers ? Array.from(new Set(options.layers)) : [];
  const layerOf = options.layers ? options.layers.map((l) => layerLabels.indexOf(l)) : [];
  const layerScores = layerLabels.map(() => new Float64Array(n).fill(NaN));
  for (let f = 0; f < fits.length; f++) {
    const rows = P.rowsByFit[f];
    const { min, max, weights } = fits[f];
    if (hot) {
      // Hot path (the bench): w x' = (v - base) (w dir / span), one multiply per cell.
      const base = Float64Array.from(min, (lo, j) => (directions[j] === 1 ? lo : max[j]));
      const ws = Float64Array.from(weights, (w, j) => (w * directions[j]) / (max[j] - min[j]));
      const active = columns.map((_, j) => j).filter((j) => !droppedSet.has(j));
      blockedScores(columns, active, pooled ? null : rows, base, ws, scores);
      if (pooled && rows.length < n) clearUnused(rows, scores);
      continue;
    }
    for (const s of layerScores) for (let p = 0; p < rows.length; p++) s[rows[p]] = 0;
    for (let p = 0; p < rows.length; p++) scores[rows[p]] = 0;
    for (let j = 0; j < m; j++) {
      if (droppedSet.has(j)) continue;
      const c = columns[j];
      const lo = min[j];
      const hi = max[j];
      const span = hi - lo;
      const w = weights[j];
      const out = normalised ? normalised[j] : null;
      const sub = options.layers ? layerScores[layerOf[j]] : null;
      const dir = directions[j];
      const base = dir === 1 ? lo : hi;
      for (let p = 0; p < rows.length; p++) {
        const i = rows[p];
        const xn = (dir * (c[i] - base)) / span + 0; // + 0 turns -0 into 0
        scores[i] += w * xn;
        if (out) out[i] = xn;
        if (sub) sub[i] += w * xn;
      }
    }
  }
  const layers: EntropyLayer[] = layerLabels.map((label, l) => {
    const cols = layerOf.map((k, j) => (k === l ? j : -1)).filter((j) => j >= 0);
    return {
      label,
      columns: cols,
      weight: fits.map((fit) => cols.reduce((a, j) => a + fit.weights[j], 0)),
      scores: layerScores[l],
    };
  });
  const nUsed = P.rowsByFit.reduce((a, r) => a + r.length, 0);
  return {
    names,
    method,
    shift,
    directions,
    fits: reported,
    scores,
    normalised,
    layers,
    nRows: n,
    nUsed,
    nMissingIndicator: P.nMissingIndicator,
    nMissingGroup: P.nMissingGroup,
    dropped: Array.from(droppedSet).sort((a, b) => a - b).map((j) => names[j]),
  };
}
