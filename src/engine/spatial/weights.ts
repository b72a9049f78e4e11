/**
 * Spatial weights builders. Every builder returns the RAW (structural) matrix with w_ii = 0 in CSR form;
 * normalise.ts turns it into the row-standardised (default), spectral or minmax W.
 *
 * | spec        | raw w_ij                                                         |
 * | knn:k       | 1 if j is among the k nearest units of i (great-circle), else 0  |
 * | idw:p       | d_ij^-p for every pair (dense)                                   |
 * | idw:p,c     | d_ij^-p if 0 < d_ij <= c km, else 0                              |
 * | exp:d0      | exp(-d_ij / d0) for every pair (d0 in km)                        |
 * | econ:VAR    | 1 / |g_i - g_j|, g_i = mean of VAR over the unit's rows          |
 * | file:PATH   | the user's n x n matrix (id column + one column per unit)       |
 */
import { InputError } from "../frame/errors";
import { Coordinates, checkCoordinates, distanceKernel } from "./distance";
import { Csr, csrFromRows } from "./sparse";

export type WeightsKind = "knn" | "idw" | "exp" | "econ" | "file";
export const WEIGHTS_KINDS: readonly WeightsKind[] = ["knn", "idw", "exp", "econ", "file"];

export type WeightsSpec =
  | { kind: "knn"; k: number }
  | { kind: "idw"; power: number; cutoffKm?: number }
  | { kind: "exp"; d0Km: number }
  | { kind: "econ"; variable: string }
  | { kind: "file"; path: string };

/** The raw weights of n units (ids in W's row/column order) and how they were made. */
export interface RawWeights {
  readonly ids: readonly string[];
  readonly w: Csr;
  readonly spec: string;
}

const SPEC_HELP = "knn:K, idw:P, idw:P,CUTOFF_KM, exp:D0_KM, econ:VARIABLE or file:PATH";

/** Parses the `--weights` syntax; the message lists the allowed forms. */
export function parseWeightsSpec(text: string, argName = "weights"): WeightsSpec {
  const s = text.trim();
  const m = /^([a-z]+):(.*)$/i.exec(s);
  const bad = (why: string) => new InputError(`The ${argName} "${text}" ${why}; allowed: ${SPEC_HELP}.`);
  if (!m) throw bad("is not of the form kind:parameters");
  const kind = m[1].toLowerCase();
  const rest = m[2].trim();
  const num = (t: string, what: string) => {
    const x = Number(t);
    if (t.trim() === "" || !Number.isFinite(x)) throw bad(`has ${what} "${t}", not a number`);
    return x;
  };
  switch (kind) {
    case "knn": {
      const k = num(rest, "k");
      if (!Number.isInteger(k) || k < 1) throw bad("needs a whole number k >= 1");
      return { kind: "knn", k };
    }
    case "idw": {
      const parts = rest.split(",");
      if (parts.length > 2) throw bad("has more than two parameters");
      const power = num(parts[0], "power");
      if (!(power > 0)) throw bad("needs a power > 0");
      if (parts.length === 2) {
        const c = num(parts[1], "cutoff");
        if (!(c > 0)) throw bad("needs a cutoff > 0 km");
        return { kind: "idw", power, cutoffKm: c };
      }
      return { kind: "idw", power };
    }
    case "exp": {
      const d0 = num(rest, "d0");
      if (!(d0 > 0)) throw bad("needs a decay distance d0 > 0 km");
      return { kind: "exp", d0Km: d0 };
    }
    case "econ":
      if (rest === "") throw bad("needs a variable name");
      return { kind: "econ", variable: rest };
    case "file":
      if (rest === "") throw bad("needs a file path");
      return { kind: "file", path: rest };
    default:
      throw bad(`has an unknown kind "${m[1]}"`);
  }
}

export function formatWeightsSpec(s: WeightsSpec): string {
  switch (s.kind) {
    case "knn":
      return `knn:${s.k}`;
    case "idw":
      return s.cutoffKm === undefined ? `idw:${s.power}` : `idw:${s.power},${s.cutoffKm}`;
    case "exp":
      return `exp:${s.d0Km}`;
    case "econ":
      return `econ:${s.variable}`;
    case "file":
      return `file:${s.path}`;
  }
}

/** k nearest neighbours by great-circle distance; ties at the k-th distance go to the unit earlier in id order. */
export function knnWeights(c: Coordinates, k: number): RawWeights {
  checkCoordinates(c);
  const n = c.ids.length;
  if (k >= n) throw new InputError(`knn:${k} needs more than ${k} units; the data have ${n}.`);
  const dk = distanceKernel(c);
  const d = new Float64Array(n);
  const idx = new Int32Array(n);
  const w = csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) {
      d[j] = j === i ? Infinity : dk.distance(i, j);
      idx[j] = j;
    }
    // partial selection of the k smallest (stable on index)
    const chosen: number[] = [];
    const taken = new Uint8Array(n);
    for (let r = 0; r < k; r++) {
      let best = -1;
      for (let j = 0; j < n; j++) if (!taken[j] && (best < 0 || d[j] < d[best])) best = j;
      taken[best] = 1;
      chosen.push(best);
    }
    chosen.sort((a, b) => a - b);
    for (const j of chosen) push(j, 1);
  });
  return { ids: c.ids, w, spec: `knn:${k}` };
}

/** Inverse distance d^-p, optionally only within cutoffKm. */
export function idwWeights(c: Coordinates, power: number, cutoffKm?: number): RawWeights {
  checkCoordinates(c);
  const n = c.ids.length;
  const dk = distanceKernel(c);
  const w = csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dij = dk.distance(i, j);
      if (cutoffKm !== undefined && !(dij <= cutoffKm)) continue;
      push(j, power === 1 ? 1 / dij : Math.pow(dij, -power));
    }
  });
  return { ids: c.ids, w, spec: cutoffKm === undefined ? `idw:${power}` : `idw:${power},${cutoffKm}` };
}

/** Exponential distance decay exp(-d / d0) for every pair. */
export function expDecayWeights(c: Coordinates, d0Km: number): RawWeights {
  checkCoordinates(c);
  const n = c.ids.length;
  const dk = distanceKernel(c);
  const w = csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) if (j !== i) push(j, Math.exp(-dk.distance(i, j) / d0Km));
  });
  return { ids: c.ids, w, spec: `exp:${d0Km}` };
}

/** Economic distance 1 / |g_i - g_j| of a unit-level variable g (e.g. the unit mean of GDP). */
export function economicWeights(ids: readonly string[], g: Float64Array, variable: string): RawWeights {
  const n = ids.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(g[i])) throw new InputError(`Economic distance: unit "${ids[i]}" has no value of ${variable}.`);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const j = seen.get(g[i]);
    if (j !== undefined) throw new InputError(`Economic distance on ${variable}: units "${ids[j]}" and "${ids[i]}" have the same value (${g[i]}), so 1/|g_i - g_j| is infinite.`);
    seen.set(g[i], i);
  }
  const w = csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) if (j !== i) push(j, 1 / Math.abs(g[i] - g[j]));
  });
  return { ids, w, spec: `econ:${variable}` };
}

/**
 * A user-supplied matrix (contiguity or any other): `rowIds` label the rows, `colIds` the columns
 * (the header), `values` row-major. Rows and columns must name the same units in the same order; the
 * diagonal must be zero; entries must be finite and non-negative.
 */
export function userWeights(rowIds: readonly string[], colIds: readonly string[], values: ArrayLike<number>, source = "the weights matrix"): RawWeights {
  const n = rowIds.length;
  if (colIds.length !== n) throw new InputError(`${source} has ${n} rows but ${colIds.length} unit columns; it must be square (an id column, then one column per unit).`);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (seen.has(rowIds[i])) throw new InputError(`${source}: unit "${rowIds[i]}" appears twice in the id column.`);
    seen.add(rowIds[i]);
    if (rowIds[i] !== colIds[i]) throw new InputError(`${source}: row ${i + 1} is unit "${rowIds[i]}" but column ${i + 2} is "${colIds[i]}"; rows and columns must list the units in the same order.`);
  }
  const w = csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) {
      const v = values[i * n + j];
      if (!Number.isFinite(v)) throw new InputError(`${source}: the entry for (${rowIds[i]}, ${colIds[j]}) is not a number.`);
      if (v < 0) throw new InputError(`${source}: the entry for (${rowIds[i]}, ${colIds[j]}) is negative (${v}); weights must be >= 0.`);
      if (i === j) {
        if (v !== 0) throw new InputError(`${source}: the diagonal entry of unit "${rowIds[i]}" is ${v}; a unit is not its own neighbour (w_ii must be 0).`);
        continue;
      }
      push(j, v);
    }
  });
  return { ids: rowIds, w, spec: "file" };
}
