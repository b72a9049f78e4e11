/**
 * Seeded pseudo-random numbers for resampling (bootstrap, permutation tests).
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), 128-bit state of four uint32 words, period
 * 2^128 - 1. The state is filled from the seed by splitmix32 (the 32-bit variant of Steele, Lea &
 * Flood's SplitMix: add the golden-ratio increment 0x9e3779b9, then mix with the multipliers
 * 0x21f0aaad and 0x735a2d97). Only 32-bit integer arithmetic (Math.imul, >>>) is used, so a seed
 * gives the same stream on every JavaScript engine, in Node, in a browser and in a Web Worker.
 *
 * A seed is a whole number in [0, 2^32 - 1] (Stata's `set seed` accepts [0, 2^31 - 1]).
 */
import { InputError } from "../frame/errors";

export const MAX_SEED = 0xffffffff;

/** Checks a user-supplied seed and returns it; the message names the allowed range. */
export function checkSeed(seed: number, argName = "seed"): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(`The ${argName} must be a whole number from 0 to ${MAX_SEED}; got ${seed}.`, "value");
  }
  return seed;
}

function splitmix32(seed: number): () => number {
  let z = seed | 0;
  return () => {
    z = (z + 0x9e3779b9) | 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    checkSeed(seed);
    const sm = splitmix32(seed);
    this.s0 = sm() | 0;
    this.s1 = sm() | 0;
    this.s2 = sm() | 0;
    this.s3 = sm() | 0;
    // The all-zero state is the one fixed point of xoshiro; splitmix32 cannot produce four zeros in a
    // row from one stream, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw state (for checking against the published test vectors). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  /** Next uint32 (0 .. 2^32 - 1). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [0, n), exactly unbiased (rejection sampling), 1 <= n <= 2^32. */
  intBelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`intBelow: n must be in [1, 2^32]; got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % n;
  }

  /** In-place Fisher-Yates shuffle (Durstenfeld), uniform over all permutations. */
  shuffle<T extends { length: number; [i: number]: any }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.intBelow(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }
}
