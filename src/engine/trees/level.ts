/**
 * What a split finder sees of one level of a tree being grown (slot s = 0 .. ns - 1, node expand[s]):
 * the nodes' double gradient sums G and row counts H over the tree's sampled rows, their score T(G, H),
 * the row partition (the sampled rows of slot s are rows[begin[s] .. end[s] - 1], ascending: xgboost's
 * RowPartitioner), the row -> slot map (-1: row not sampled or not in an expanding node), and the slot of
 * each node's parent in the previous level (-1 at the root). Below the root, slots come in sibling pairs
 * (2k, 2k + 1) = (left, right) children of one split. The arrays may be longer than ns.
 */
import { BoostSpec } from "./spec";
import { LevelBest } from "./gain";

export interface Level {
  readonly ns: number;
  readonly expand: Int32Array;
  readonly G: Float64Array;
  readonly H: Float64Array;
  readonly rootGain: Float64Array;
  readonly rows: Int32Array;
  readonly begin: Int32Array;
  readonly end: Int32Array;
  readonly parentSlot: Int32Array;
  /** Per row: slot of its node, or -1. */
  readonly slot: Int32Array;
  readonly grad: Float32Array;
  /** Features this tree may split on, ascending. */
  readonly features: Int32Array;
  readonly spec: BoostSpec;
}

export interface SplitFinder {
  /** Fills `best` (one entry per slot) with the best split of every expanding node. */
  findSplits(level: Level, best: LevelBest): void;
}
