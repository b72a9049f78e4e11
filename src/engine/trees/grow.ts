/**
 * Grows one tree depthwise (xgboost grow_policy = depthwise), README rules 4-10: all nodes of a depth are
 * evaluated with the same gradients in node-id order; a split node gets children (n, n+1); node statistics
 * are double sums over the tree's sampled rows in row order; a node that does not split, or sits at
 * max_depth, becomes a leaf f32(w * eta). gamma: exact prunes afterwards bottom-up (xgboost's prune
 * updater: a split with two leaf children and loss change < gamma becomes a leaf f32(eta * base_weight));
 * hist refuses such splits when they are proposed (as its driver does).
 *
 * `pos` (every row, sampled or not) ends holding the leaf each row reaches.
 */
import { BoostData } from "./data";
import { f32, LevelBest, nodeWeight, RT_EPS, scoreTerm } from "./gain";
import { SplitFinder } from "./level";
import { BoostSpec } from "./spec";
import { Tree, TreeBuilder } from "./tree";

export interface GrowInput {
  readonly data: BoostData;
  readonly grad: Float32Array;
  /** 1 = row used for this tree's statistics. */
  readonly sampled: Uint8Array;
  readonly features: Int32Array;
  readonly spec: BoostSpec;
  readonly finder: SplitFinder;
}

export function growTree(inp: GrowInput, pos: Int32Array): Tree {
  const { data, grad, sampled, features, spec, finder } = inp;
  const { n } = data;
  const eta = f32(spec.eta);
  const b = new TreeBuilder();
  const slot = new Int32Array(n);
  pos.fill(0);

  // root statistics
  let G0 = 0;
  let H0 = 0;
  for (let i = 0; i < n; i++) {
    if (sampled[i]) {
      G0 += grad[i];
      H0 += 1;
    }
  }
  b.addNode(-1, nodeWeight(G0, H0, spec.lambda, spec.minChildWeight), f32(H0));
  let expand = [0];
  let G = Float64Array.of(G0);
  let H = Float64Array.of(H0);

  for (let depth = 0; depth < spec.maxDepth && expand.length > 0; depth++) {
    const ns = expand.length;
    const slotOfNode = new Int32Array(b.nNodes).fill(-1);
    expand.forEach((nid, s) => (slotOfNode[nid] = s));
    for (let i = 0; i < n; i++) slot[i] = sampled[i] ? slotOfNode[pos[i]] : -1;
    const rootGain = new Float64Array(ns);
    for (let s = 0; s < ns; s++) rootGain[s] = scoreTerm(G[s], H[s], spec.lambda);
    const best = new LevelBest(ns);
    finder.findSplits({ expand, G, H, rootGain, slot, grad, features, spec, parent: b.parent }, best);

    const next: number[] = [];
    const firstNew = b.nNodes;
    const splitFeature = new Int32Array(ns).fill(-1);
    const splitThreshold = new Float32Array(ns);
    const splitDefaultLeft = new Uint8Array(ns);
    for (let s = 0; s < ns; s++) {
      const nid = expand[s];
      const gain = best.gain[s];
      const ok = gain > RT_EPS && best.feature[s] >= 0 && (spec.method === "exact" || gain >= spec.gamma);
      if (ok) {
        const l = b.addNode(nid, 0, 0);
        const r = b.addNode(nid, 0, 0);
        b.setSplit(nid, best.feature[s], best.threshold[s], best.defaultLeft[s] === 1, gain, l, r);
        splitFeature[s] = best.feature[s];
        splitThreshold[s] = best.threshold[s];
        splitDefaultLeft[s] = best.defaultLeft[s];
        next.push(l, r);
      } else {
        b.setLeaf(nid, f32(f32(b.baseWeight[nid]) * eta));
      }
    }
    if (next.length === 0) {
      expand = [];
      break;
    }
    // move rows to children (ids firstNew + 2 x (split rank) + 0/1) and sum the children's statistics
    const childBase = new Int32Array(ns).fill(-1);
    for (let s = 0, c = 0; s < ns; s++) if (splitFeature[s] >= 0) (childBase[s] = c), (c += 2);
    const G2 = new Float64Array(next.length);
    const H2 = new Float64Array(next.length);
    const X = data.x;
    const nSlotNodes = slotOfNode.length;
    for (let i = 0; i < n; i++) {
      const p = pos[i];
      if (p >= nSlotNodes) continue;
      const s = slotOfNode[p];
      if (s < 0) continue;
      const f = splitFeature[s];
      if (f < 0) continue;
      const v = X[i + f * n];
      const right = v !== v ? splitDefaultLeft[s] === 0 : !(v < splitThreshold[s]);
      const c = childBase[s] + (right ? 1 : 0);
      pos[i] = firstNew + c;
      if (sampled[i]) {
        G2[c] += grad[i];
        H2[c] += 1;
      }
    }
    for (let s = 0; s < next.length; s++) {
      b.baseWeight[next[s]] = nodeWeight(G2[s], H2[s], spec.lambda, spec.minChildWeight);
      b.cover[next[s]] = f32(H2[s]);
    }
    expand = next;
    G = G2;
    H = H2;
  }
  for (const nid of expand) b.setLeaf(nid, f32(f32(b.baseWeight[nid]) * eta));
  // xgboost's hist driver stores a leaf's base_weight already scaled by eta (its ExpandNode gets the
  // children's leaf values); only nodes expanded later get the unscaled weight
  if (spec.method === "hist") for (let k = 1; k < b.nNodes; k++) if (b.left[k] < 0) b.baseWeight[k] = b.value[k];

  if (spec.method === "exact" && spec.gamma > 0 && prune(b, spec.gamma, eta)) {
    for (let i = 0; i < n; i++) {
      let k = pos[i];
      while (b.deleted[k]) k = b.parent[k];
      pos[i] = k;
    }
  }
  return b.freeze();
}

/** xgboost's TreePruner: returns whether anything was pruned. */
function prune(b: TreeBuilder, gamma: number, eta: number): boolean {
  let any = false;
  const isLeaf = (k: number) => b.left[k] < 0;
  const g32 = f32(gamma);
  const tryPrune = (nid: number): void => {
    if (nid === 0) return;
    const p = b.parent[nid];
    if (isLeaf(b.left[p]) && isLeaf(b.right[p]) && b.gain[p] < g32) {
      b.markDeleted(b.left[p]);
      b.markDeleted(b.right[p]);
      b.setLeaf(p, f32(eta * b.baseWeight[p]));
      any = true;
      tryPrune(p);
    }
  };
  const nNodes = b.nNodes;
  for (let k = 0; k < nNodes; k++) if (isLeaf(k) && !b.deleted[k]) tryPrune(k);
  return any;
}
