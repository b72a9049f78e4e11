/**
 * Cluster resampling: draw whole clusters with replacement (the pairs cluster bootstrap, Stata
 * `bootstrap, cluster(c) idcluster(newc)`), and cluster-level label permutation.
 *
 * Shapes: n = positions in the estimation sample; `cluster[i]` is the cluster code (0..G-1) of
 * position i. A draw returns positions (a cluster drawn twice contributes its positions twice) and,
 * for each returned position, the index of the drawn copy (0..G-1), which serves as the new cluster
 * id (and unit id) so duplicated clusters count as distinct clusters.
 */
import { InputError } from "../frame/errors";
import { Rng } from "./rng";

export interface ClusterIndex {
  readonly nClusters: number;
  /** Positions grouped by cluster: cluster g owns members[start[g] .. start[g+1]). */
  readonly start: Int32Array;
  readonly members: Int32Array;
}

export function clusterIndex(cluster: Int32Array): ClusterIndex {
  let G = 0;
  for (let i = 0; i < cluster.length; i++) {
    if (cluster[i] < 0) throw new InputError(`Cluster code missing at sample position ${i + 1}.`);
    if (cluster[i] + 1 > G) G = cluster[i] + 1;
  }
  const start = new Int32Array(G + 1);
  for (let i = 0; i < cluster.length; i++) start[cluster[i] + 1]++;
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const fill = start.slice(0, G);
  const members = new Int32Array(cluster.length);
  for (let i = 0; i < cluster.length; i++) members[fill[cluster[i]]++] = i;
  return { nClusters: G, start, members };
}

export interface ClusterDraw {
  /** Sample positions of the resample, drawn clusters in draw order. */
  readonly positions: Int32Array;
  /** Copy index (0..G-1) per returned position: the resample's cluster id. */
  readonly copy: Int32Array;
  /** The original cluster drawn at each of the G draws. */
  readonly drawn: Int32Array;
}

/** Draws G clusters with replacement, uniformly. */
export function drawClusters(rng: Rng, index: ClusterIndex): ClusterDraw {
  const G = index.nClusters;
  const drawn = new Int32Array(G);
  let size = 0;
  for (let d = 0; d < G; d++) {
    const g = rng.intBelow(G);
    drawn[d] = g;
    size += index.start[g + 1] - index.start[g];
  }
  const positions = new Int32Array(size);
  const copy = new Int32Array(size);
  let p = 0;
  for (let d = 0; d < G; d++) {
    const g = drawn[d];
    for (let q = index.start[g]; q < index.start[g + 1]; q++) {
      positions[p] = index.members[q];
      copy[p++] = d;
    }
  }
  return { positions, copy, drawn };
}

/**
 * The value of `label` per cluster when it is constant within every cluster, else null.
 * NaN labels are not allowed (the caller passes the estimation sample).
 */
export function labelPerCluster(label: Float64Array | Int32Array, cluster: Int32Array, nClusters: number): Float64Array | null {
  const out = new Float64Array(nClusters).fill(NaN);
  for (let i = 0; i < cluster.length; i++) {
    const g = cluster[i];
    const v = label[i];
    if (Number.isNaN(out[g])) out[g] = v;
    else if (out[g] !== v) return null;
  }
  return out;
}
