/**
 * Panel keys (id, time): a canonical sort, duplicate detection and calendar-period lags.
 *
 * Shapes: n = number of input rows. `order` lists the rows with both keys present, sorted by id
 * (as text, so the order does not depend on the input order) and then by time; `blockStart[g]`
 * is where id g's rows begin in `order` (length nIds + 1). Time is numeric (a calendar year or
 * period number); the lag of k periods of a row at time t is the row of the same id at time t - k,
 * missing when that row is absent (a gap or before the id's first period), as Stata's `L.` with tsset.
 */
import { InputError } from "../frame";

export class DuplicatePanelKeyError extends InputError {
  constructor(message: string) {
    super(message, "value");
    this.name = "DuplicatePanelKeyError";
  }
}

export interface PanelIndex {
  readonly n: number;
  /** Id level per row, -1 when the id or the time is missing. Levels are sorted as text. */
  readonly idCode: Int32Array;
  readonly idLevels: readonly string[];
  readonly time: Float64Array;
  /** Rows with both keys, sorted by (id, time). */
  readonly order: Int32Array;
  /** Position of each id's first row in `order`; length idLevels.length + 1. */
  readonly blockStart: Int32Array;
  /** Rows whose id or time is missing (they get no lag). */
  readonly nMissingKey: number;
}

/** Why a lagged value is not available. */
export type LagGap = "missing_key" | "before_first" | "gap";

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the panel index. Throws DuplicatePanelKeyError naming the first duplicated (id, time)
 * pair in input order (the later of its two rows is the earliest such row), with both data rows
 * (1-based). Time must be whole numbers or missing (NaN); another value is an InputError naming its row.
 */
export function panelIndex(id: readonly (string | null)[], time: ArrayLike<number>): PanelIndex {
  const n = id.length;
  if (time.length !== n) {
    throw new InputError(`The id has ${n} rows but the time has ${time.length}; they must be the same length.`);
  }
  const distinct = new Set<string>();
  for (const k of id) if (k !== null) distinct.add(k);
  const idLevels = Array.from(distinct).sort(compareText);
  const levelOf = new Map<string, number>();
  idLevels.forEach((l, g) => levelOf.set(l, g));

  const idCode = new Int32Array(n);
  const t = Float64Array.from(time);
  const keep: number[] = [];
  let nMissingKey = 0;
  for (let i = 0; i < n; i++) {
    const k = id[i];
    if (k === null || Number.isNaN(t[i])) {
      idCode[i] = -1;
      nMissingKey++;
      continue;
    }
    if (!Number.isInteger(t[i])) {
      throw new InputError(
        `The time must be whole periods (calendar years or period numbers, as Stata's tsset needs), but data row ${i + 1} holds ${t[i]}.`,
      );
    }
    idCode[i] = levelOf.get(k)!;
    keep.push(i);
  }
  const order = Int32Array.from(keep);
  order.sort((a, b) => idCode[a] - idCode[b] || t[a] - t[b] || a - b);

  let dupRow = -1;
  let dupFirst = -1;
  for (let p = 1; p < order.length; p++) {
    const a = order[p - 1];
    const b = order[p];
    if (idCode[a] === idCode[b] && t[a] === t[b] && (dupRow < 0 || b < dupRow)) {
      // b > a by the stable tie-break; the first row of this key is the block's first equal row.
      let q = p - 1;
      while (q > 0 && idCode[order[q - 1]] === idCode[b] && t[order[q - 1]] === t[b]) q--;
      dupRow = b;
      dupFirst = order[q];
    }
  }
  if (dupRow >= 0) {
    throw new DuplicatePanelKeyError(
      `Duplicate (id, time) pair: id "${idLevels[idCode[dupRow]]}" at time ${t[dupRow]} appears in data rows ` +
        `${dupFirst + 1} and ${dupRow + 1}. Each id may have one row per period.`,
    );
  }

  const blockStart = new Int32Array(idLevels.length + 1);
  for (let p = 0; p < order.length; p++) blockStart[idCode[order[p]] + 1]++;
  for (let g = 0; g < idLevels.length; g++) blockStart[g + 1] += blockStart[g];
  return { n, idCode, idLevels, time: t, order, blockStart, nMissingKey };
}

/**
 * For each input row, the row of the same id at time t - k (k > 0 a lag, k < 0 a lead), or -1.
 * `why` (optional, length n) receives the reason for each -1.
 */
export function laggedRow(panel: PanelIndex, k: number, why?: (LagGap | null)[]): Int32Array {
  if (!Number.isInteger(k)) throw new InputError(`The lag must be a whole number of periods; got ${k}.`);
  const { n, order, blockStart, time, idCode } = panel;
  const out = new Int32Array(n).fill(-1);
  if (why) for (let i = 0; i < n; i++) why[i] = idCode[i] < 0 ? "missing_key" : null;
  for (let g = 0; g + 1 < blockStart.length; g++) {
    const lo = blockStart[g];
    const hi = blockStart[g + 1];
    for (let p = lo; p < hi; p++) {
      const row = order[p];
      const target = time[row] - k;
      // Binary search for target within the block (times are sorted and distinct).
      let a = lo;
      let b = hi - 1;
      let found = -1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        const tm = time[order[mid]];
        if (tm === target) {
          found = order[mid];
          break;
        }
        if (tm < target) a = mid + 1;
        else b = mid - 1;
      }
      out[row] = found;
      if (why && found < 0) {
        const outside = k > 0 ? target < time[order[lo]] : target > time[order[hi - 1]];
        why[row] = outside ? "before_first" : "gap";
      }
    }
  }
  return out;
}
