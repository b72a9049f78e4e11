/**
 * Fill-reducing ordering and symbolic factorisation of a sparse matrix with the pattern of W + W' + I:
 * exact minimum degree (George and Liu 1989) on the explicit elimination graph, ties to the lower index.
 * Eliminating a node joins its remaining neighbours into a clique; those neighbours are the rows of its
 * column of L (and, the pattern being symmetric, the columns of its row of U). Spatial weights (kNN,
 * contiguity, distance bands) are near-planar graphs, for which minimum degree keeps the fill near
 * O(n log n).
 */
import { Csr } from "./sparse";

export interface SymbolicLu {
  readonly n: number;
  /** perm[k] = the original index eliminated k-th; inv[i] = the position of original index i. */
  readonly perm: Int32Array;
  readonly inv: Int32Array;
  /** Column k of L (rows > k, ascending, in positions): lRow[lPtr[k] .. lPtr[k+1]-1]. */
  readonly lPtr: Int32Array;
  readonly lRow: Int32Array;
  /**
   * Row k of L (columns < k, ascending): uCol[uPtr[k] .. uPtr[k+1]-1], with uPos the position of that
   * entry in lRow (the same slot holds U's (col, k) entry by the symmetric pattern).
   */
  readonly uPtr: Int32Array;
  readonly uCol: Int32Array;
  readonly uPos: Int32Array;
}

/** Binary min-heap of (degree, node) with lazy deletion (stale entries are skipped on pop). */
class DegreeHeap {
  private key: number[] = [];
  private node: number[] = [];
  push(k: number, v: number): void {
    const key = this.key, node = this.node;
    let i = key.length;
    key.push(k);
    node.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (key[p] < k || (key[p] === k && node[p] < v)) break;
      key[i] = key[p];
      node[i] = node[p];
      i = p;
    }
    key[i] = k;
    node[i] = v;
  }
  pop(): [number, number] | null {
    const key = this.key, node = this.node;
    if (key.length === 0) return null;
    const top: [number, number] = [key[0], node[0]];
    const k = key.pop()!, v = node.pop()!;
    const m = key.length;
    if (m > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const r = l + 1;
        const c = r < m && (key[r] < key[l] || (key[r] === key[l] && node[r] < node[l])) ? r : l;
        if (k < key[c] || (k === key[c] && v < node[c])) break;
        key[i] = key[c];
        node[i] = node[c];
        i = c;
      }
      key[i] = k;
      node[i] = v;
    }
    return top;
  }
}

/** Minimum degree ordering of the pattern of w + w' and the structure of its LU factors. */
export function symbolicLu(w: Csr): SymbolicLu {
  const n = w.n;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      const j = w.col[p];
      if (j === i) continue;
      adj[i].add(j);
      adj[j].add(i);
    }
  const heap = new DegreeHeap();
  for (let i = 0; i < n; i++) heap.push(adj[i].size, i);
  const done = new Uint8Array(n);
  const perm = new Int32Array(n);
  const cols: Int32Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    let v = -1;
    for (;;) {
      const top = heap.pop()!;
      if (!done[top[1]] && top[0] === adj[top[1]].size) {
        v = top[1];
        break;
      }
    }
    done[v] = 1;
    perm[k] = v;
    const nb = Int32Array.from(adj[v]);
    cols[k] = nb;
    for (const a of nb) {
      const s = adj[a];
      s.delete(v);
      for (const b of nb) if (b !== a) s.add(b);
      heap.push(s.size, a);
    }
    adj[v].clear();
  }
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  const lPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) lPtr[k + 1] = lPtr[k] + cols[k].length;
  const lRow = new Int32Array(lPtr[n]);
  const rowCount = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const c = cols[k];
    const seg = lRow.subarray(lPtr[k], lPtr[k + 1]);
    for (let t = 0; t < c.length; t++) seg[t] = inv[c[t]];
    seg.sort();
    for (let t = 0; t < seg.length; t++) rowCount[seg[t] + 1]++;
  }
  const uPtr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) uPtr[i + 1] = uPtr[i] + rowCount[i + 1];
  const uCol = new Int32Array(lPtr[n]);
  const uPos = new Int32Array(lPtr[n]);
  const next = uPtr.slice(0, n);
  // columns k ascending, so every row's list comes out ascending
  for (let k = 0; k < n; k++)
    for (let p = lPtr[k]; p < lPtr[k + 1]; p++) {
      const q = next[lRow[p]]++;
      uCol[q] = k;
      uPos[q] = p;
    }
  return { n, perm, inv, lPtr, lRow, uPtr, uCol, uPos };
}
