/** Seeded uniform draws on [0, 1) for tests that build random designs (engine/resample's Rng). */
import { Rng } from "../../src/engine/resample/rng";

export function uniformStream(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.uniform();
}
