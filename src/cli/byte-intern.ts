/**
 * Interning of text cells by their bytes: a repeated id or name is found by hashing and comparing its
 * bytes, so the reader makes one string per distinct value, not one per cell. Open addressing over a
 * power-of-two table; the distinct values' bytes are kept in one growing arena.
 */

export class ByteIntern<T> {
  private slots = new Int32Array(1024);
  private hashes: number[] = [];
  private starts: number[] = [];
  private lengths: number[] = [];
  private values: T[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaLen = 0;

  get size(): number {
    return this.values.length;
  }

  /** The value stored for bytes [s, e) of `b`, or undefined. */
  get(b: Uint8Array, s: number, e: number): T | undefined {
    const h = hashBytes(b, s, e);
    const mask = this.slots.length - 1;
    const len = e - s;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const slot = this.slots[p];
      if (slot === 0) return undefined;
      const k = slot - 1;
      if (this.hashes[k] === h && this.lengths[k] === len && this.same(k, b, s, len)) return this.values[k];
    }
  }

  /** Stores `value` for bytes [s, e) of `b` (not already present). */
  add(b: Uint8Array, s: number, e: number, value: T): void {
    const len = e - s;
    if (this.arenaLen + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len));
      grown.set(this.arena.subarray(0, this.arenaLen));
      this.arena = grown;
    }
    this.arena.set(b.subarray(s, e), this.arenaLen);
    const k = this.values.length;
    this.hashes.push(hashBytes(b, s, e));
    this.starts.push(this.arenaLen);
    this.lengths.push(len);
    this.values.push(value);
    this.arenaLen += len;
    if (2 * (k + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(k);
  }

  private same(k: number, b: Uint8Array, s: number, len: number): boolean {
    const a = this.arena;
    const o = this.starts[k];
    for (let i = 0; i < len; i++) if (a[o + i] !== b[s + i]) return false;
    return true;
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let p = this.hashes[k] & mask;
    while (this.slots[p] !== 0) p = (p + 1) & mask;
    this.slots[p] = k + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let k = 0; k < this.values.length; k++) this.place(k);
  }
}

/** FNV-1a over the bytes, mixed at the end so that nearby ids spread over the table. */
function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
