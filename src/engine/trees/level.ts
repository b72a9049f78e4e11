/**
 * What a split finder sees of one level of a tree being grown: the nodes to expand (slot s = expand[s]),
 * their double gradient sums G and row counts H over the tree's sampled rows, their score T(G, H), the row
 * -> slot map (-1: row not in an expanding node or not sampled), the gradients and the tree's features.
 */
import { BoostSpec } from "./spec";
import { LevelBest } from "./gain";

export interface Level {
  readonly expand: readonly number[];
  readonly G: Float64Array;
  readonly H: Float64Array;
  readonly rootGain: Float64Array;
  /** Per row: slot of its node in `expand`, or -1. */
  readonly slot: Int32Array;
  readonly grad: Float32Array;
  /** Features this tree may split on, ascending. */
  readonly features: Int32Array;
  readonly spec: BoostSpec;
  /** Parent id of every node of the tree so far (-1 for the root). */
  readonly parent: ArrayLike<number>;
}

export interface SplitFinder {
  /** Fills `best` (one entry per slot) with the best split of every expanding node. */
  findSplits(level: Level, best: LevelBest): void;
}
