/**
 * Estimation-sample selection: optional row subset, listwise deletion over the model's variables
 * (counted by variable), then iterative removal of singleton FE groups (reghdfe: a group with one
 * observation is perfectly fitted and only inflates N; drop, recount, repeat until none is left).
 * fixest keeps singletons by default: `keepSingletons: true`.
 */
import { InputError } from "../frame/errors";
import { SampleInfo } from "../models/result";
import { addRunCounts } from "../fe/groups";

export interface SampleNumeric {
  readonly name: string;
  /** NaN = missing. */
  readonly values: ArrayLike<number>;
}

export interface SampleKey {
  readonly name: string;
  /** Integer codes, -1 = missing. */
  readonly codes: ArrayLike<number>;
  /** True for fixed effects (checked for singletons); false for e.g. cluster variables. */
  readonly fixedEffect: boolean;
}

export interface SampleSpec {
  /** Rows of the input. */
  readonly n: number;
  readonly numeric: readonly SampleNumeric[];
  readonly keys: readonly SampleKey[];
  /** Candidate rows (0-based, ascending); default all rows. */
  readonly rows?: Int32Array;
  readonly keepSingletons?: boolean;
}

/**
 * Returns the sample. `nInput` counts the candidate rows (the subset when `rows` is given), so
 * nInput = droppedMissing + droppedSingletons + nUsed.
 */
export function selectSample(spec: SampleSpec): SampleInfo {
  const { n } = spec;
  for (const v of spec.numeric) {
    if (v.values.length !== n) throw new InputError(`"${v.name}" has ${v.values.length} rows but the data have ${n}.`);
  }
  for (const v of spec.keys) {
    if (v.codes.length !== n) throw new InputError(`"${v.name}" has ${v.codes.length} rows but the data have ${n}.`);
  }
  // Without a row subset every row is a candidate: loops run over the rows directly.
  const subset = spec.rows ?? null;
  if (subset) {
    for (let p = 0; p < subset.length; p++) {
      const r = subset[p];
      if (!(r >= 0 && r < n) || (p > 0 && r <= subset[p - 1])) {
        throw new InputError(`The row subset must hold ascending row numbers between 0 and ${n - 1}; entry ${p + 1} is ${r}.`);
      }
    }
  }
  const nCand = subset ? subset.length : n;
  const missingBy: Record<string, number> = {};
  const bad = new Uint8Array(n);
  let anyBad = false;
  for (const v of spec.numeric) {
    const c = subset ? markMissingAt(v.values, subset, bad) : markMissing(v.values, n, bad);
    if (c > 0) anyBad = true;
    missingBy[v.name] = (missingBy[v.name] ?? 0) + c;
  }
  // Largest code per key over the candidate rows (sizes the singleton counts below).
  const maxCode = new Map<SampleKey, number>();
  for (const v of spec.keys) {
    let c = 0;
    let max = 0;
    const codes = v.codes;
    for (let p = 0; p < nCand; p++) {
      const i = subset ? subset[p] : p;
      const code = codes[i];
      if (code < 0) {
        c++;
        bad[i] = 1;
      } else if (code > max) max = code;
    }
    maxCode.set(v, max);
    if (c > 0) anyBad = true;
    missingBy[v.name] = (missingBy[v.name] ?? 0) + c;
  }
  let kept = new Int32Array(nCand);
  let nk = 0;
  if (!anyBad) {
    if (subset) kept.set(subset);
    else for (let i = 0; i < n; i++) kept[i] = i;
    nk = nCand;
  } else {
    for (let p = 0; p < nCand; p++) {
      const i = subset ? subset[p] : p;
      if (!bad[i]) kept[nk++] = i;
    }
    kept = kept.slice(0, nk);
  }
  const droppedMissing = nCand - kept.length;

  let droppedSingletons = 0;
  const feKeys = spec.keys.filter((k) => k.fixedEffect);
  const feCodes = feKeys.map((k) => k.codes);
  if (!spec.keepSingletons && feCodes.length > 0) {
    const counts = feKeys.map((k) => new Int32Array((maxCode.get(k) ?? 0) + 1));
    for (;;) {
      // Identity rows (every row kept so far): index the codes directly.
      const identity = kept.length === n;
      let anySingleton = false;
      for (let d = 0; d < feCodes.length; d++) {
        const c = counts[d];
        const codes = feCodes[d];
        c.fill(0);
        if (identity && codes instanceof Int32Array) addRunCounts(codes, c);
        else if (identity) for (let i = 0; i < n; i++) c[codes[i]]++;
        else for (let p = 0; p < kept.length; p++) c[codes[kept[p]]]++;
        for (let l = 0; l < c.length && !anySingleton; l++) anySingleton = c[l] === 1;
      }
      if (!anySingleton) break;
      let m = 0;
      const next = new Int32Array(kept.length);
      for (let p = 0; p < kept.length; p++) {
        const i = kept[p];
        let ok = true;
        for (let d = 0; d < feCodes.length && ok; d++) ok = counts[d][feCodes[d][i]] > 1;
        if (ok) next[m++] = i;
      }
      if (m === kept.length) break;
      droppedSingletons += kept.length - m;
      kept = next.slice(0, m);
    }
  }
  return {
    nInput: nCand,
    nUsed: kept.length,
    droppedMissing,
    missingBy,
    droppedSingletons,
    rows: kept,
  };
}

/** Marks rows 0..n-1 where values is NaN; returns how many. */
function markMissing(values: ArrayLike<number>, n: number, bad: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) {
      c++;
      bad[i] = 1;
    }
  }
  return c;
}

/** Marks the rows of `rows` where values is NaN; returns how many. */
function markMissingAt(values: ArrayLike<number>, rows: Int32Array, bad: Uint8Array): number {
  let c = 0;
  for (let p = 0; p < rows.length; p++) {
    const i = rows[p];
    const x = values[i];
    if (x !== x) {
      c++;
      bad[i] = 1;
    }
  }
  return c;
}

/** values[rows] written into out (length rows.length). */
export function takeRowsInto(values: ArrayLike<number>, rows: Int32Array, out: Float64Array): Float64Array {
  // Ascending distinct rows covering every index: the identity, so a block copy.
  if (rows.length === values.length && values instanceof Float64Array && (rows.length === 0 || rows[rows.length - 1] === rows.length - 1)) {
    out.set(values);
    return out;
  }
  for (let p = 0; p < rows.length; p++) out[p] = values[rows[p]];
  return out;
}

/** values[rows] as a new Float64Array. */
export function takeRows(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  return takeRowsInto(values, rows, new Float64Array(rows.length));
}

/** codes[rows] as a new Int32Array. */
export function takeCodes(codes: ArrayLike<number>, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  if (rows.length === codes.length && codes instanceof Int32Array && (rows.length === 0 || rows[rows.length - 1] === rows.length - 1)) {
    out.set(codes);
    return out;
  }
  for (let p = 0; p < rows.length; p++) out[p] = codes[rows[p]];
  return out;
}
