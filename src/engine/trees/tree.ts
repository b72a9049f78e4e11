/**
 * One regression tree in xgboost's array layout (RegTree, as saved in its JSON model).
 *
 * Node k: `left[k]`, `right[k]` child ids (-1 for a leaf), `parent[k]` (-1 for the root), `feature[k]` the
 * split column, `value[k]` the split threshold (rows with x < threshold go left) or, for a leaf, the value
 * added to the prediction (xgboost's `split_conditions`), `defaultLeft[k]` where a missing x goes,
 * `baseWeight[k]` the node weight -G/(H+lambda) before the learning rate, `gain[k]` the loss change of the
 * split (`loss_changes`, 0 for a leaf), `cover[k]` the hessian sum (`sum_hessian`, the row count for squared
 * error). `deleted[k]` = 1 marks a node removed by gamma pruning: it stays in the arrays, unreachable from
 * the root, as in xgboost. All model values are float32 (Float32Array).
 */
export interface Tree {
  readonly nNodes: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly parent: Int32Array;
  readonly feature: Int32Array;
  readonly value: Float32Array;
  readonly defaultLeft: Uint8Array;
  readonly baseWeight: Float32Array;
  readonly gain: Float32Array;
  readonly cover: Float32Array;
  readonly deleted: Uint8Array;
}

export const isLeaf = (t: Tree, k: number): boolean => t.left[k] < 0;

/** A growable tree used while training; `freeze()` returns the typed-array Tree. */
export class TreeBuilder {
  left: number[] = [];
  right: number[] = [];
  parent: number[] = [];
  feature: number[] = [];
  value: number[] = [];
  defaultLeft: number[] = [];
  baseWeight: number[] = [];
  gain: number[] = [];
  cover: number[] = [];
  deleted: number[] = [];

  get nNodes(): number {
    return this.left.length;
  }

  /** Adds a leaf node (its value set later) and returns its id. */
  addNode(parent: number, baseWeight: number, cover: number): number {
    this.left.push(-1);
    this.right.push(-1);
    this.parent.push(parent);
    this.feature.push(0);
    this.value.push(0);
    this.defaultLeft.push(0);
    this.baseWeight.push(baseWeight);
    this.gain.push(0);
    this.cover.push(cover);
    this.deleted.push(0);
    return this.left.length - 1;
  }

  setLeaf(k: number, value: number): void {
    this.left[k] = -1;
    this.right[k] = -1;
    this.value[k] = value;
  }

  setSplit(k: number, feature: number, threshold: number, defaultLeft: boolean, gain: number, left: number, right: number): void {
    this.feature[k] = feature;
    this.value[k] = threshold;
    this.defaultLeft[k] = defaultLeft ? 1 : 0;
    this.gain[k] = gain;
    this.left[k] = left;
    this.right[k] = right;
  }

  /** xgboost's DeleteNode: the node keeps its slot, marked deleted. */
  markDeleted(k: number): void {
    this.deleted[k] = 1;
  }

  freeze(): Tree {
    return {
      nNodes: this.nNodes,
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      parent: Int32Array.from(this.parent),
      feature: Int32Array.from(this.feature),
      value: Float32Array.from(this.value),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      baseWeight: Float32Array.from(this.baseWeight),
      gain: Float32Array.from(this.gain),
      cover: Float32Array.from(this.cover),
      deleted: Uint8Array.from(this.deleted),
    };
  }
}

/**
 * The leaf a row reaches: missing (NaN) -> the default child, x < threshold -> left (float32 comparison:
 * x is already a float32 value). `x` is column-major n x m, row i.
 */
export function leafOf(t: Tree, x: Float32Array, n: number, i: number): number {
  let k = 0;
  while (t.left[k] >= 0) {
    const v = x[i + t.feature[k] * n];
    if (v !== v) k = t.defaultLeft[k] ? t.left[k] : t.right[k];
    else k = v < t.value[k] ? t.left[k] : t.right[k];
  }
  return k;
}

/** Node ids reachable from the root, in preorder (pruned/deleted nodes are not). */
export function reachableNodes(t: Tree): number[] {
  const out: number[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const k = stack.pop()!;
    out.push(k);
    if (t.left[k] >= 0) {
      stack.push(t.right[k]);
      stack.push(t.left[k]);
    }
  }
  return out;
}
