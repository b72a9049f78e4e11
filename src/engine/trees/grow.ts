/**
 * Grows one tree depthwise (xgboost grow_policy = depthwise), README rules 4-10: all nodes of a depth are
 * evaluated with the same gradients in node-id order; a split node gets children (n, n+1); node statistics
 * are double sums over the tree's sampled rows in row order; a node that does not split, or sits at
 * max_depth, becomes a leaf f32(w * eta). gamma: exact prunes afterwards bottom-up (xgboost's prune
 * updater: a split with two leaf children and loss change < gamma becomes a leaf f32(eta * base_weight));
 * hist refuses such splits when they are proposed (as its driver does).
 *
 * The sampled rows are kept partitioned by node (xgboost's RowPartitioner): one row index array, each
 * node a contiguous ascending segment, split in place (stably) when the node splits, so a level costs
 * O(rows in expanding nodes) and the children's sums keep row order. All buffers live in the grower and
 * are reused tree after tree. `pos` (every row, sampled or not) ends holding the leaf each row reaches.
 */
import { BoostData } from "./data";
import { LevelBest, nodeWeight, RT_EPS, scoreTerm } from "./gain";
import { Level, SplitFinder } from "./level";
import { BoostSpec } from "./spec";
import { leafOf, Tree, TreeBuilder } from "./tree";

const fround = Math.fround;

export interface GrowInput {
  readonly data: BoostData;
  readonly grad: Float32Array;
  /** 1 = row used for this tree's statistics. */
  readonly sampled: Uint8Array;
  readonly features: Int32Array;
  readonly spec: BoostSpec;
  readonly finder: SplitFinder;
}

/** Per-level node arrays (slot-indexed), two of them swapped level after level. */
class LevelNodes {
  expand: Int32Array;
  G: Float64Array;
  H: Float64Array;
  rootGain: Float64Array;
  begin: Int32Array;
  end: Int32Array;
  parentSlot: Int32Array;
  constructor(cap: number) {
    this.expand = new Int32Array(cap);
    this.G = new Float64Array(cap);
    this.H = new Float64Array(cap);
    this.rootGain = new Float64Array(cap);
    this.begin = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.parentSlot = new Int32Array(cap);
  }
}

export class TreeGrower {
  private readonly rows: Int32Array;
  private readonly tmp: Int32Array;
  private readonly slot: Int32Array;
  private readonly unsampled: Int32Array;
  private cur: LevelNodes;
  private next: LevelNodes;
  private readonly best: LevelBest;
  private readonly split: { feature: Int32Array; threshold: Float32Array; defaultLeft: Uint8Array };

  constructor(n: number, maxDepth: number) {
    this.rows = new Int32Array(n);
    this.tmp = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.unsampled = new Int32Array(n);
    // a level holds at most min(2^depth, n) nodes; depth < maxDepth is evaluated
    const cap = Math.max(1, Math.min(n, 2 ** Math.min(maxDepth, 30)));
    this.cur = new LevelNodes(cap);
    this.next = new LevelNodes(cap);
    this.best = new LevelBest(cap);
    this.split = { feature: new Int32Array(cap), threshold: new Float32Array(cap), defaultLeft: new Uint8Array(cap) };
  }

  grow(inp: GrowInput, pos: Int32Array): Tree {
    const { data, grad, sampled, features, spec, finder } = inp;
    const { n } = data;
    const X = data.x;
    const { lambda, minChildWeight: mcw } = spec;
    const eta = fround(spec.eta);
    const { rows, tmp, slot, unsampled, best } = this;
    const b = new TreeBuilder();

    // root: the sampled rows in row order
    let nS = 0;
    let nU = 0;
    let G0 = 0;
    for (let i = 0; i < n; i++) {
      if (sampled[i]) {
        rows[nS++] = i;
        G0 += grad[i];
        slot[i] = 0;
      } else {
        unsampled[nU++] = i;
        slot[i] = -1;
      }
    }
    b.addNode(-1, nodeWeight(G0, nS, lambda, mcw), fround(nS));
    let L = this.cur;
    L.expand[0] = 0;
    L.G[0] = G0;
    L.H[0] = nS;
    L.begin[0] = 0;
    L.end[0] = nS;
    L.parentSlot[0] = -1;
    let ns = 1;

    const setLeafRows = (nid: number, from: number, to: number): void => {
      for (let q = from; q < to; q++) {
        pos[rows[q]] = nid;
        slot[rows[q]] = -1;
      }
    };

    for (let depth = 0; depth < spec.maxDepth && ns > 0; depth++) {
      for (let s = 0; s < ns; s++) L.rootGain[s] = scoreTerm(L.G[s], L.H[s], lambda);
      best.reset(ns);
      const level: Level = {
        ns, expand: L.expand, G: L.G, H: L.H, rootGain: L.rootGain, rows, begin: L.begin, end: L.end,
        parentSlot: L.parentSlot, slot, grad, features, spec,
      };
      finder.findSplits(level, best);

      const N = this.next;
      let nn = 0;
      for (let s = 0; s < ns; s++) {
        const nid = L.expand[s];
        const gain = best.gain[s];
        const f = best.feature[s];
        const from = L.begin[s];
        const to = L.end[s];
        if (!(gain > RT_EPS && f >= 0 && (spec.method === "exact" || gain >= spec.gamma))) {
          b.setLeaf(nid, fround(fround(b.baseWeight[nid]) * eta));
          setLeafRows(nid, from, to);
          continue;
        }
        const thr = fround(best.threshold[s]);
        const dl = best.defaultLeft[s] === 1;
        const l = b.addNode(nid, 0, 0);
        const r = b.addNode(nid, 0, 0);
        b.setSplit(nid, f, thr, dl, gain, l, r);
        // stable in-place partition of the node's rows: left rows first, then the right ones
        const col = f * n;
        let nl = from;
        let nt = 0;
        let GL = 0;
        let GR = 0;
        for (let q = from; q < to; q++) {
          const row = rows[q];
          const v = X[row + col];
          if (v !== v ? dl : v < thr) {
            rows[nl++] = row;
            GL += grad[row];
            slot[row] = nn;
          } else {
            tmp[nt++] = row;
            GR += grad[row];
            slot[row] = nn + 1;
          }
        }
        for (let q = 0; q < nt; q++) rows[nl + q] = tmp[q];
        const HL = nl - from;
        const HR = to - nl;
        N.expand[nn] = l;
        N.G[nn] = GL;
        N.H[nn] = HL;
        N.begin[nn] = from;
        N.end[nn] = nl;
        N.parentSlot[nn] = s;
        N.expand[nn + 1] = r;
        N.G[nn + 1] = GR;
        N.H[nn + 1] = HR;
        N.begin[nn + 1] = nl;
        N.end[nn + 1] = to;
        N.parentSlot[nn + 1] = s;
        b.baseWeight[l] = nodeWeight(GL, HL, lambda, mcw);
        b.cover[l] = fround(HL);
        b.baseWeight[r] = nodeWeight(GR, HR, lambda, mcw);
        b.cover[r] = fround(HR);
        nn += 2;
      }
      this.next = L;
      this.cur = L = N;
      ns = nn;
    }
    for (let s = 0; s < ns; s++) {
      const nid = L.expand[s];
      b.setLeaf(nid, fround(fround(b.baseWeight[nid]) * eta));
      setLeafRows(nid, L.begin[s], L.end[s]);
    }
    // xgboost's hist driver stores a leaf's base_weight already scaled by eta (its ExpandNode gets the
    // children's leaf values); only nodes expanded later get the unscaled weight
    if (spec.method === "hist") for (let k = 1; k < b.nNodes; k++) if (b.left[k] < 0) b.baseWeight[k] = b.value[k];

    if (spec.method === "exact" && spec.gamma > 0 && prune(b, spec.gamma, eta)) {
      for (let q = 0; q < nS; q++) {
        const i = rows[q];
        let k = pos[i];
        while (b.deleted[k]) k = b.parent[k];
        pos[i] = k;
      }
    }
    const tree = b.freeze();
    for (let q = 0; q < nU; q++) pos[unsampled[q]] = leafOf(tree, X, n, unsampled[q]);
    return tree;
  }
}

/** xgboost's TreePruner: returns whether anything was pruned. */
function prune(b: TreeBuilder, gamma: number, eta: number): boolean {
  let any = false;
  const isLeaf = (k: number) => b.left[k] < 0;
  const g32 = fround(gamma);
  const tryPrune = (nid: number): void => {
    if (nid === 0) return;
    const p = b.parent[nid];
    if (isLeaf(b.left[p]) && isLeaf(b.right[p]) && b.gain[p] < g32) {
      b.markDeleted(b.left[p]);
      b.markDeleted(b.right[p]);
      b.setLeaf(p, fround(eta * b.baseWeight[p]));
      any = true;
      tryPrune(p);
    }
  };
  const nNodes = b.nNodes;
  for (let k = 0; k < nNodes; k++) if (isLeaf(k) && !b.deleted[k]) tryPrune(k);
  return any;
}
