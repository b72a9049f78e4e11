/**
 * The one inner kernel of the dense symmetric factorisations (spd-inverse.ts): a 2 x 4 tile of dot products
 * of matrix rows, out[r * 4 + c] = sum_k a_r[k] b_c[k], over a shared arena of doubles.
 *
 * Why WebAssembly: scalar JavaScript tops out near 4 GFlop/s here (every typed-array load is bounds-checked);
 * the same tile in WebAssembly SIMD (f64x2, 8 accumulators, 6 loads per 16 multiply-adds) runs at
 * 12-17 GFlop/s on the build machine. The module (~250 bytes) is assembled below from its opcodes, so there
 * is no build step and no binary file; where WebAssembly (or its SIMD) is not available the same tile runs
 * in plain JavaScript over an ordinary Float64Array, with identical results up to the summation order.
 *
 * Arena layout (doubles): [0, 8) the tile's output, data from offset ARENA_DATA. Offsets passed to `tile`
 * are in doubles.
 */

export const ARENA_DATA = 16;

export interface TileArena {
  /** The arena (its first 8 doubles receive each tile's result). Valid until the next `tileArena` call. */
  readonly F: Float64Array;
  /** True when the WebAssembly SIMD kernel runs (false: the JavaScript fallback). */
  readonly simd: boolean;
  /** F[r * 4 + c] = sum_{k < len} F[a_r + k] F[b_c + k] for r < 2, c < 4. */
  tile(a0: number, a1: number, b0: number, b1: number, b2: number, b3: number, len: number): void;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** The module: (import "env" "mem" memory) (func "tile24" (a0 a1 b0 b1 b2 b3 len out: i32 byte offsets)). */
function moduleBytes(): Uint8Array {
  const I32 = 0x7f;
  const V128 = 0x7b;
  const get = (i: number) => [0x20, ...leb(i)];
  const set = (i: number) => [0x21, ...leb(i)];
  const load = [0xfd, 0x00, 3, 0]; // v128.load align=8 offset=0
  const mul = [0xfd, ...leb(242)]; // f64x2.mul
  const add = [0xfd, ...leb(240)]; // f64x2.add
  // Locals: params 0-7 (a0, a1, b0, b1, b2, b3, len, out); 8 end, 9 k (i32); 10-17 accumulators, 18 x0, 19 x1, 20 y (v128).
  const body: number[] = [];
  body.push(...get(6), 0x41, 3, 0x74, 0x41, ...sleb(-16), 0x71, ...set(8)); // end = (len * 8) & ~15: whole pairs
  body.push(0x02, 0x40, 0x03, 0x40); // block, loop
  body.push(...get(9), ...get(8), 0x4f, 0x0d, 1); // if k >= end: break
  body.push(...get(0), ...get(9), 0x6a, ...load, ...set(18));
  body.push(...get(1), ...get(9), 0x6a, ...load, ...set(19));
  for (let c = 0; c < 4; c++) {
    body.push(...get(2 + c), ...get(9), 0x6a, ...load, ...set(20));
    for (let r = 0; r < 2; r++) {
      const acc = 10 + r * 4 + c;
      body.push(...get(acc), ...get(18 + r), ...get(20), ...mul, ...add, ...set(acc));
    }
  }
  body.push(...get(9), 0x41, 16, 0x6a, ...set(9), 0x0c, 0, 0x0b, 0x0b); // k += 16; continue; end loop, block
  for (let t = 0; t < 8; t++) {
    // out[t] = lane0 + lane1 (f64.store align=8 offset=8t)
    body.push(...get(7), ...get(10 + t), 0xfd, 0x21, 0, ...get(10 + t), 0xfd, 0x21, 1, 0xa0, 0x39, 3, ...leb(8 * t));
  }
  body.push(0x0b);
  const func = [...leb(2), 2, I32, 11, V128, ...body];
  const section = (id: number, b: number[]) => [id, ...leb(b.length), ...b];
  const str = (s: string) => [...leb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 8, ...Array(8).fill(I32), 0]),
    ...section(2, [1, ...str("env"), ...str("mem"), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...str("tile24"), 0x00, 0]),
    ...section(10, [1, ...leb(func.length), ...func]),
  ]);
}

type Tile24 = (a0: number, a1: number, b0: number, b1: number, b2: number, b3: number, len: number, out: number) => void;

let wasmModule: WebAssembly.Module | null | undefined;

function compiled(): WebAssembly.Module | null {
  if (wasmModule !== undefined) return wasmModule;
  try {
    wasmModule = typeof WebAssembly === "object" ? new WebAssembly.Module(moduleBytes() as BufferSource) : null;
  } catch {
    wasmModule = null; // no WebAssembly SIMD (or a content policy forbids compiling): the JavaScript tile
  }
  return wasmModule;
}

/** Forces the JavaScript tile (tests compare both paths). */
let forceJs = false;
export function setSimdDisabled(disabled: boolean): void {
  forceJs = disabled;
  cached = null;
}

let cached: TileArena | null = null;
let cachedDoubles = 0;

/** Holds on to the arena only while it is small (a 3,124-row fit needs ~160 MB that should be freed after). */
const KEEP_DOUBLES = 4 << 20;

/**
 * An arena of at least `doubles` data doubles after ARENA_DATA (its contents are unspecified). Call
 * `releaseArena` when done with a large one.
 */
export function tileArena(doubles: number): TileArena {
  const need = doubles + ARENA_DATA;
  if (cached && cachedDoubles >= need) return cached;
  const mod = forceJs ? null : compiled();
  if (mod) {
    try {
      const pages = Math.ceil((need * 8) / 65536);
      const mem = new WebAssembly.Memory({ initial: pages });
      const inst = new WebAssembly.Instance(mod, { env: { mem } });
      const k = inst.exports.tile24 as Tile24;
      const F = new Float64Array(mem.buffer);
      cached = { F, simd: true, tile: (a0, a1, b0, b1, b2, b3, len) => tileWasm(k, F, a0, a1, b0, b1, b2, b3, len) };
      cachedDoubles = F.length;
      return cached;
    } catch {
      // out of memory for the module: fall through to the JavaScript arena
    }
  }
  const F = new Float64Array(need);
  cached = { F, simd: false, tile: (a0, a1, b0, b1, b2, b3, len) => tileJs(F, a0, a1, b0, b1, b2, b3, len) };
  cachedDoubles = need;
  return cached;
}

/** Lets a large arena be garbage-collected. */
export function releaseArena(): void {
  if (cachedDoubles > KEEP_DOUBLES) {
    cached = null;
    cachedDoubles = 0;
  }
}

function tileWasm(k: Tile24, F: Float64Array, a0: number, a1: number, b0: number, b1: number, b2: number, b3: number, len: number): void {
  k(a0 * 8, a1 * 8, b0 * 8, b1 * 8, b2 * 8, b3 * 8, len, 0);
  if (len & 1) {
    // The module sums whole pairs; the odd last element here.
    const t = len - 1;
    const x0 = F[a0 + t];
    const x1 = F[a1 + t];
    const y0 = F[b0 + t];
    const y1 = F[b1 + t];
    const y2 = F[b2 + t];
    const y3 = F[b3 + t];
    F[0] += x0 * y0;
    F[1] += x0 * y1;
    F[2] += x0 * y2;
    F[3] += x0 * y3;
    F[4] += x1 * y0;
    F[5] += x1 * y1;
    F[6] += x1 * y2;
    F[7] += x1 * y3;
  }
}

function tileJs(F: Float64Array, a0: number, a1: number, b0: number, b1: number, b2: number, b3: number, len: number): void {
  let c00 = 0;
  let c01 = 0;
  let c02 = 0;
  let c03 = 0;
  let c10 = 0;
  let c11 = 0;
  let c12 = 0;
  let c13 = 0;
  for (let k = 0; k < len; k++) {
    const x0 = F[a0 + k];
    const x1 = F[a1 + k];
    let y = F[b0 + k];
    c00 += x0 * y;
    c10 += x1 * y;
    y = F[b1 + k];
    c01 += x0 * y;
    c11 += x1 * y;
    y = F[b2 + k];
    c02 += x0 * y;
    c12 += x1 * y;
    y = F[b3 + k];
    c03 += x0 * y;
    c13 += x1 * y;
  }
  F[0] = c00;
  F[1] = c01;
  F[2] = c02;
  F[3] = c03;
  F[4] = c10;
  F[5] = c11;
  F[6] = c12;
  F[7] = c13;
}
