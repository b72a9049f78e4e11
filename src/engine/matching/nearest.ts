/**
 * Nearest-neighbour matching on the propensity score as psmatch2 4.0.12 does it
 * (test/reference/psm/README.md conventions 4-7, 11): one sweep over the treated in the sorted layout
 * with a pointer into the controls that moves in one direction and updates on a strictly smaller
 * distance (ties go to the first control in the sort order: the lower score, then the earlier row);
 * `neighbor(k)` expands around the nearest (lower side on equal distance) and stops at the first
 * candidate outside the caliper; the caliper is strict (|d| < c); `noreplacement` marks used controls
 * and turns the direction when the last control is taken (this is not greedy nearest-available
 * matching); `ties` adds every further control at the same distance as the nearest.
 *
 * Cost: O(m log m) for the sort plus the sweep (O(m) with replacement).
 *
 * Returns, per treated position, the matched control positions (empty = no match, off support).
 */
import { SortedLayout } from "./layout";

export interface NearestOptions {
  readonly k: number;
  readonly caliper: number;
  readonly noReplacement: boolean;
  readonly ties: boolean;
}

/** Matched control positions for every treated position n0..nOn-1 reached by the sweep. */
export function nearestSweep(L: SortedLayout, o: NearestOptions): Map<number, number[]> {
  const { PS, n0: N0, nOn: N } = L;
  const j0 = 0, j1 = N0 - 1, i1 = N - 1;
  const used = new Uint8Array(N);
  const noreplace = o.noReplacement;
  const out = new Map<number, number[]>();
  if (N0 === 0) return out;
  let forward = true;

  const nextUnmatched = (obs: number, j: number): number => {
    for (;;) {
      j = forward ? j + 1 : j - 1;
      if (!noreplace) return j;
      if (j < 0 || j >= N) return j;
      if (!(obs === j || used[j])) return j;
    }
  };

  const matchTies = (obs: number, jm: number, idl: number[]): void => {
    const dif0 = Math.abs(PS[obs] - PS[jm]);
    let i = nextUnmatched(obs, jm);
    while (i >= j0 && i <= j1 && Math.abs(PS[obs] - PS[i]) <= dif0) {
      idl.push(i);
      if (noreplace) used[i] = 1;
      i = nextUnmatched(obs, i);
    }
  };

  const matchMore = (obs: number, jm: number, idl: number[]): void => {
    let jmatch = jm;
    let k = 1;
    let pos0 = jmatch - 1;
    if (pos0 === obs) pos0--;
    let pos1 = jmatch + 1;
    if (pos1 === obs) pos1++;
    let dif0 = NaN, dif1 = NaN;
    while (k < o.k) {
      if (pos0 >= j0) dif0 = Math.abs(PS[obs] - PS[pos0]);
      if (pos1 <= j1) dif1 = Math.abs(PS[obs] - PS[pos1]);
      if ((pos0 >= j0 && dif0 <= dif1) || (pos0 >= j0 && pos1 > j1)) {
        jmatch = pos0--;
        if (pos0 === obs) pos0--;
      } else if (pos1 <= j1) {
        jmatch = pos1++;
        if (pos1 === obs) pos1++;
      } else {
        break;
      }
      if (Math.abs(PS[obs] - PS[jmatch]) < o.caliper) {
        idl.push(jmatch);
        k++;
      } else {
        break;
      }
    }
  };

  let jmatch = j0;
  for (let i = N0; i <= i1 && jmatch >= j0 && jmatch <= j1; i++) {
    let j = jmatch;
    let dif1 = Math.abs(PS[i] - PS[j]);
    while (j >= j0 && j < j1) {
      j = nextUnmatched(i, j);
      if (j < j0 || j > j1) break;
      const dif0 = dif1;
      dif1 = Math.abs(PS[i] - PS[j]);
      if (dif1 < dif0) jmatch = j;
      if (dif1 > dif0) break;
    }
    const idl: number[] = [];
    if (Math.abs(PS[i] - PS[jmatch]) < o.caliper) {
      used[jmatch] = 1;
      idl.push(jmatch);
      if (o.ties) matchTies(i, jmatch, idl);
      if (o.k > 1) matchMore(i, jmatch, idl);
    }
    out.set(i, idl);
    if (jmatch === j1 && i < i1) forward = false;
    if (noreplace && idl.length > 0) jmatch = nextUnmatched(i, jmatch);
  }
  return out;
}
