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
import { sumXLogX, xlogxBuffer } from "./entropy-xlogx";

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

/** Rows per scanBlock call. */
const SCAN_BLOCK = 4096;

/**
 * Min and max of c over its present values (NaN compares false, so it is skipped), stored at out[2j],
 * out[2j + 1] (Infinity, -Infinity when every value is missing); returns true when c may have a missing
 * value (a NaN sum; rarely also an overflow, which only costs a needless look for NaN).
 * The loop runs in scanBlock, called once per 4096 rows: a short function V8 optimises with complete type
 * feedback, where one long loop is compiled mid-call and thrown away at its exit (measured: cold, that
 * made the scan ~4x slower).
 */
function scanColumn(c: Float64Array, out: Float64Array, j: number): boolean {
  // acc: four running minima, four maxima, two sums (independent chains: compare latency, not memory, bounds the loop)
  const acc = Float64Array.of(Infinity, Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity, -Infinity, 0, 0);
  const n4 = c.length - (c.length % 4);
  for (let b = 0; b < n4; b += SCAN_BLOCK) scanBlock(c, b, Math.min(n4, b + SCAN_BLOCK), acc);
  let lo = Math.min(acc[0], acc[1], acc[2], acc[3]);
  let hi = Math.max(acc[4], acc[5], acc[6], acc[7]);
  let sum = acc[8] + acc[9];
  for (let i = n4; i < c.length; i++) {
    const v = c[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
  }
  out[2 * j] = lo;
  out[2 * j + 1] = hi;
  return sum !== sum;
}

/** The scan over rows [from, to) (a multiple of 4 long), carrying the chains in acc. */
function scanBlock(c: Float64Array, from: number, to: number, acc: Float64Array): void {
  let l0 = acc[0];
  let l1 = acc[1];
  let l2 = acc[2];
  let l3 = acc[3];
  let h0 = acc[4];
  let h1 = acc[5];
  let h2 = acc[6];
  let h3 = acc[7];
  let s0 = acc[8];
  let s1 = acc[9];
  for (let i = from; i < to; i += 4) {
    const a = c[i];
    const b = c[i + 1];
    const d = c[i + 2];
    const e = c[i + 3];
    if (a < l0) l0 = a;
    if (a > h0) h0 = a;
    if (b < l1) l1 = b;
    if (b > h1) h1 = b;
    if (d < l2) l2 = d;
    if (d > h2) h2 = d;
    if (e < l3) l3 = e;
    if (e > h3) h3 = e;
    s0 += a - b;
    s1 += d - e;
  }
  acc[0] = l0;
  acc[1] = l1;
  acc[2] = l2;
  acc[3] = l3;
  acc[4] = h0;
  acc[5] = h1;
  acc[6] = h2;
  acc[7] = h3;
  acc[8] = s0;
  acc[9] = s1;
}

/** complete[i] = 0 where c[i] is missing. */
function markMissing(c: Float64Array, complete: Uint8Array): void {
  for (let i = 0; i < c.length; i++) if (c[i] !== c[i]) complete[i] = 0;
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
}

function prepare(columns: readonly Float64Array[], names: readonly string[], o: EntropyOptions): Prepared {
  const m = columns.length;
  if (m === 0) throw new InputError("The entropy method needs at least one indicator column.");
  if (names.length !== m) throw new InputError(`Got ${m} indicator columns but ${names.length} names.`);
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
    throw new InputError(`The shift constant must be a positive number (e.g. 0.0001); got ${shift}.`, "num");
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
    return { m, n, directions, method, shift, rowsByFit: [rows], labels: [null], nMissingIndicator, nMissingGroup: 0, pooledRange };
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
  };
}

/** Min and max of column c over rows. */
function range(c: Float64Array, rows: Int32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < rows.length; p++) {
    const v = c[rows[p]];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Rows per partial sum: blocked summation keeps the rounding error near (BLOCK + n/BLOCK) eps. */
const BLOCK = 1024;

/**
 * Entropy e_j of one indicator over rows, in one pass over q_i = x'_i + s (x' computed on the fly):
 * with S = sum q and T = sum q ln q, sum p ln p = T/S - ln S (p = q/S), so no second pass is needed.
 * Each block of q is written to a small buffer whose float bits sumXLogX reads (table logarithm).
 */
function entropyOf(c: Float64Array, rows: Int32Array | null, lo: number, hi: number, dir: Direction, shift: number): number {
  const n = rows ? rows.length : c.length;
  // q = dir (v - base) / span + shift; subtracting first keeps x' exact-ish when |base| >> span.
  const scale = dir / (hi - lo);
  const base = dir === 1 ? lo : hi;
  let S = 0;
  let T = 0;
  const buf = xlogxBuffer(BLOCK);
  for (let b = 0; b < n; b += BLOCK) {
    const len = Math.min(BLOCK, n - b);
    S += blockQ(c, rows, b, len, base, scale, shift, buf.values);
    T += sumXLogX(buf, len);
  }
  return -(T / S - Math.log(S)) / Math.log(n);
}

/**
 * q_p = (c[row b + p] - base) scale + shift for p < len into qs (rows null: row = b + p); returns their sum
 * in index order. Called once per block, so V8 optimises it with complete type feedback.
 */
function blockQ(
  c: Float64Array,
  rows: Int32Array | null,
  b: number,
  len: number,
  base: number,
  scale: number,
  shift: number,
  qs: Float64Array,
): number {
  let s = 0;
  if (rows) {
    for (let p = 0; p < len; p++) {
      const q = (c[rows[b + p]] - base) * scale + shift;
      s += q;
      qs[p] = q;
    }
  } else {
    for (let p = 0; p < len; p++) {
      const q = (c[b + p] - base) * scale + shift;
      s += q;
      qs[p] = q;
    }
  }
  return s;
}

/**
 * score_i = sum_j (c_j[i] - base_j) ws_j over rows (j ascending), by blocks of rows so the partial
 * sums stay in cache instead of updating the n-long score array once per indicator. rows = null: every
 * row, read contiguously (rows with a missing value get NaN from the arithmetic or are reset after).
 */
function blockedScores(
  columns: readonly Float64Array[],
  active: readonly number[],
  rows: Int32Array | null,
  base: Float64Array,
  ws: Float64Array,
  scores: Float64Array,
): void {
  const acc = new Float64Array(BLOCK);
  const n = rows ? rows.length : scores.length;
  const m = active.length;
  for (let b = 0; b < n; b += BLOCK) {
    const len = Math.min(BLOCK, n - b);
    acc.fill(0, 0, len);
    // Four indicators per sweep over the block: the same additions in the same order as one at a time.
    let a = 0;
    for (; a + 4 <= m; a += 4) {
      const [j0, j1, j2, j3] = [active[a], active[a + 1], active[a + 2], active[a + 3]];
      const [c0, c1, c2, c3] = [columns[j0], columns[j1], columns[j2], columns[j3]];
      const [b0, b1, b2, b3] = [base[j0], base[j1], base[j2], base[j3]];
      const [w0, w1, w2, w3] = [ws[j0], ws[j1], ws[j2], ws[j3]];
      if (rows) {
        for (let p = 0; p < len; p++) {
          const i = rows[b + p];
          acc[p] = acc[p] + (c0[i] - b0) * w0 + (c1[i] - b1) * w1 + (c2[i] - b2) * w2 + (c3[i] - b3) * w3;
        }
      } else {
        for (let p = 0; p < len; p++) {
          const i = b + p;
          acc[p] = acc[p] + (c0[i] - b0) * w0 + (c1[i] - b1) * w1 + (c2[i] - b2) * w2 + (c3[i] - b3) * w3;
        }
      }
    }
    for (; a < m; a++) {
      const j = active[a];
      const c = columns[j];
      const bj = base[j];
      const wj = ws[j];
      if (rows) for (let p = 0; p < len; p++) acc[p] += (c[rows[b + p]] - bj) * wj;
      else for (let p = 0; p < len; p++) acc[p] += (c[b + p] - bj) * wj;
    }
    if (rows) for (let p = 0; p < len; p++) scores[rows[b + p]] = acc[p];
    else scores.set(acc.subarray(0, len), b);
  }
}

/** scores[i] = NaN for every row i not in rows (ascending). */
function clearUnused(rows: Int32Array, scores: Float64Array): void {
  for (let i = 0, p = 0; i < scores.length; i++) {
    if (p < rows.length && rows[p] === i) p++;
    else scores[i] = NaN;
  }
}

export function entropyIndex(columns: readonly Float64Array[], names: readonly string[], options: EntropyOptions = {}): EntropyResult {
  const P = prepare(columns, names, options);
  const { m, n, directions, method } = P;
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
            `Indicator "${names[j]}" is constant${where} (every used value is ${r[0]}), so it carries no information; ` +
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
    fits,
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
