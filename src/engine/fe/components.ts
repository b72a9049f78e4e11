/**
 * Connected components of the bipartite graph linking the levels of two fixed effects that occur
 * together in some observation. With two FE, the dummy matrix [D1 D2] has rank L1 + L2 - C, where C
 * is the number of components (Abowd, Creecy and Kramarz 2002; reghdfe and fixest count it this way).
 */
export interface Components {
  readonly count: number;
  /** Component (0..count-1) of each level of the second FE. */
  readonly ofB: Int32Array;
  /** Component of each level of the first FE. */
  readonly ofA: Int32Array;
}

export function bipartiteComponents(a: Int32Array, la: number, b: Int32Array, lb: number): Components {
  // Union-find over la + lb nodes.
  const parent = new Int32Array(la + lb);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < a.length; i++) {
    const ra = find(a[i]);
    const rb = find(la + b[i]);
    if (ra !== rb) parent[ra] = rb;
  }
  const label = new Int32Array(la + lb).fill(-1);
  let count = 0;
  const ofA = new Int32Array(la);
  const ofB = new Int32Array(lb);
  for (let x = 0; x < la + lb; x++) {
    const r = find(x);
    if (label[r] < 0) label[r] = count++;
    if (x < la) ofA[x] = label[r];
    else ofB[x - la] = label[r];
  }
  return { count, ofA, ofB };
}
