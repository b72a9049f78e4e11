/**
 * Estimation-sample selection: optional row subset, listwise deletion over the model's variables
 * (counted by variable), then iterative removal of singleton FE groups (reghdfe: a group with one
 * observation is perfectly fitted and only inflates N; drop, recount, repeat until none is left).
 * fixest keeps singletons by default: `keepSingletons: true`.
 */
import { InputError } from "../frame/errors";
import { SampleInfo } from "../models/result";

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
  let cand: Int32Array;
  if (spec.rows) {
    for (let p = 0; p < spec.rows.length; p++) {
      const r = spec.rows[p];
      if (!(r >= 0 && r < n) || (p > 0 && r <= spec.rows[p - 1])) {
        throw new InputError(`The row subset must hold ascending row numbers between 0 and ${n - 1}; entry ${p + 1} is ${r}.`);
      }
    }
    cand = spec.rows;
  } else {
    cand = new Int32Array(n);
    for (let i = 0; i < n; i++) cand[i] = i;
  }
  const missingBy: Record<string, number> = {};
  const bad = new Uint8Array(n);
  for (const v of spec.numeric) {
    let c = 0;
    const values = v.values;
    for (let p = 0; p < cand.length; p++) {
      const i = cand[p];
      const x = values[i];
      if (x !== x) {
        c++;
        bad[i] = 1;
      }
    }
    missingBy[v.name] = (missingBy[v.name] ?? 0) + c;
  }
  for (const v of spec.keys) {
    let c = 0;
    for (let p = 0; p < cand.length; p++) {
      const i = cand[p];
      if (v.codes[i] < 0) {
        c++;
        bad[i] = 1;
      }
    }
    missingBy[v.name] = (missingBy[v.name] ?? 0) + c;
  }
  let kept = new Int32Array(cand.length);
  let nk = 0;
  for (let p = 0; p < cand.length; p++) if (!bad[cand[p]]) kept[nk++] = cand[p];
  kept = kept.slice(0, nk);
  const droppedMissing = cand.length - kept.length;

  let droppedSingletons = 0;
  const feCodes = spec.keys.filter((k) => k.fixedEffect).map((k) => k.codes);
  if (!spec.keepSingletons && feCodes.length > 0) {
    const counts = feCodes.map((codes) => {
      let max = 0;
      for (let p = 0; p < kept.length; p++) max = Math.max(max, codes[kept[p]]);
      return new Int32Array(max + 1);
    });
    for (;;) {
      for (let d = 0; d < feCodes.length; d++) {
        const c = counts[d];
        const codes = feCodes[d];
        c.fill(0);
        for (let p = 0; p < kept.length; p++) c[codes[kept[p]]]++;
      }
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
    nInput: cand.length,
    nUsed: kept.length,
    droppedMissing,
    missingBy,
    droppedSingletons,
    rows: kept,
  };
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
  for (let p = 0; p < rows.length; p++) out[p] = codes[rows[p]];
  return out;
}
