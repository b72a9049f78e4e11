/**
 * One psmatch2 run on given scores: common support, the chosen matcher, then the per-row psmatch2
 * variables and (with an outcome) the ATT with its standard error, and with `ate` the ATU and ATE.
 *
 * Shapes: ps, treat (0/1), y over the estimation sample (length m, row order = the original order
 * that breaks ties). Per-row outputs have length m: `weight` NaN = missing (unused control, off
 * support), `ymatch` NaN off support / for controls, `id` (psmatch2 `_id`, nearest neighbour only)
 * 1-based positions in psmatch2's sort order, `neighbors` m x k row-major sample rows of `_n1.._nk`
 * (-1 = none), `nn` (-1 = missing), `pdif` NaN = missing.
 */
import { InputError } from "../frame/errors";
import { EffectEstimate, treatmentEffect } from "./effect";
import { kernelMatch } from "./kernel";
import { sortedLayout } from "./layout";
import { nearestSweep } from "./nearest";
import { ResolvedMatchOptions } from "./options";
import { commonSupport } from "./support";

export interface MatchRows {
  readonly support: Uint8Array;
  readonly weight: Float64Array;
  readonly ymatch: Float64Array;
  readonly id: Int32Array | null;
  readonly neighbors: Int32Array | null;
  readonly nn: Int32Array | null;
  readonly pdif: Float64Array | null;
}

export interface MatchCounts {
  readonly nTreated: number;
  readonly nControls: number;
  /** Treated on support (the N of the ATT). */
  readonly n1: number;
  readonly nTreatedOffSupport: number;
  readonly nControlsMatched: number;
  readonly nRowsMatched: number;
  readonly sumWeightControls: number;
}

export interface MatchRun {
  readonly rows: MatchRows;
  readonly counts: MatchCounts;
  /** With an outcome. */
  readonly effect: EffectEstimate | null;
  /** With `ate` and an outcome: the ATU (controls matched to treated) and ATE = share-weighted mean. */
  readonly atu: { readonly atu: number; readonly ate: number; readonly n0: number } | null;
}

function runMatcher(ps: ArrayLike<number>, treat: ArrayLike<number>, y: ArrayLike<number> | undefined, o: ResolvedMatchOptions, what: string): MatchRows {
  const m = ps.length;
  const support = commonSupport(ps, treat, o.common);
  let nT = 0, nC = 0;
  for (let i = 0; i < m; i++) {
    if (support[i] !== 1) continue;
    if (treat[i] === 1) nT++;
    else nC++;
  }
  if (nT === 0) throw new InputError(`No ${what} ${o.common ? "is left on the common support" : "in the estimation sample"}: there is nothing to match.`, "num");
  if (nC === 0) throw new InputError(`No ${what === "treated" ? "controls" : "treated"} in the estimation sample to match the ${what} to.`, "num");
  const weight = new Float64Array(m);
  const ymatch = new Float64Array(m).fill(NaN);
  for (let i = 0; i < m; i++) {
    weight[i] = support[i] === 1 ? treat[i] : NaN;
    if (support[i] === 1 && treat[i] === 1 && y) ymatch[i] = 0;
  }
  let id: Int32Array | null = null, neighbors: Int32Array | null = null, nn: Int32Array | null = null, pdif: Float64Array | null = null;
  if (o.method === "nn") {
    const L = sortedLayout(ps, treat, support, o.descending);
    const matches = nearestSweep(L, o);
    const k = o.k;
    id = Int32Array.from(L.pos, (p) => p + 1);
    neighbors = new Int32Array(m * k).fill(-1);
    nn = Int32Array.from(support, (s) => (s === 1 ? 0 : -1));
    pdif = new Float64Array(m).fill(NaN);
    for (let p = L.n0; p < L.nOn; p++) {
      const r = L.idx[p];
      const idl = matches.get(p);
      if (!idl || idl.length === 0) {
        support[r] = 0;
        continue;
      }
      const cnt = idl.length;
      nn[r] = cnt;
      for (let q = 0; q < cnt; q++) {
        const rc = L.idx[idl[q]];
        if (q < k) neighbors[r * k + q] = rc;
        weight[rc] += 1 / cnt;
        if (y) ymatch[r] += y[rc] / cnt;
      }
      pdif[r] = Math.abs(ps[r] - ps[neighbors[r * k]]);
    }
  } else {
    kernelMatch({ ps, treat, support, kernel: o.kernel, bwidth: o.method === "radius" ? o.caliper : o.bwidth, y, weight, ymatch });
  }
  let matched = 0;
  for (let i = 0; i < m; i++) {
    if (weight[i] === 0 || support[i] === 0) weight[i] = NaN;
    if (support[i] === 0) ymatch[i] = NaN;
    if (treat[i] === 1 && support[i] === 1) matched++;
  }
  if (matched === 0) {
    throw new InputError(
      o.method === "kernel"
        ? `No ${what} has a control within the bandwidth ${o.bwidth} of its propensity score: nobody is matched. Widen bwidth.`
        : `No ${what} has a control within the ${o.method === "radius" ? "radius" : "caliper"} ${o.caliper} of its propensity score: nobody is matched. Widen the caliper.`,
      "num",
    );
  }
  return { support, weight, ymatch, id, neighbors, nn, pdif };
}

export function countsOf(treat: ArrayLike<number>, rows: MatchRows): MatchCounts {
  let nTreated = 0, nControls = 0, n1 = 0, nControlsMatched = 0, sumWeightControls = 0;
  for (let i = 0; i < treat.length; i++) {
    if (treat[i] === 1) {
      nTreated++;
      if (rows.support[i] === 1) n1++;
    } else {
      nControls++;
      if (!Number.isNaN(rows.weight[i])) {
        nControlsMatched++;
        sumWeightControls += rows.weight[i];
      }
    }
  }
  return { nTreated, nControls, n1, nTreatedOffSupport: nTreated - n1, nControlsMatched, nRowsMatched: n1 + nControlsMatched, sumWeightControls };
}

export function matchScores(ps: ArrayLike<number>, treat: ArrayLike<number>, y: ArrayLike<number> | undefined, o: ResolvedMatchOptions): MatchRun {
  const rows = runMatcher(ps, treat, y, o, "treated");
  const counts = countsOf(treat, rows);
  const effect = y ? treatmentEffect(y, treat, rows.support, rows.weight, rows.ymatch) : null;
  let atu: MatchRun["atu"] = null;
  if (o.ate && y && effect) {
    const flipped = Float64Array.from(treat as ArrayLike<number>, (t) => 1 - t);
    const r0 = runMatcher(ps, flipped, y, o, "control");
    let n0 = 0, s = 0;
    for (let i = 0; i < ps.length; i++) {
      if (flipped[i] === 1 && r0.support[i] === 1) {
        n0++;
        s += r0.ymatch[i] - y[i];
      }
    }
    const u = s / n0;
    atu = { atu: u, ate: (counts.n1 * effect.att + n0 * u) / (counts.n1 + n0), n0 };
  }
  return { rows, counts, effect, atu };
}
