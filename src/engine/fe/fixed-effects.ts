/**
 * Absorbing fixed effects: residualise columns on the dummies of any number of FE dimensions, and
 * count the rank of the dummy matrix (the degrees of freedom the FE absorb).
 *
 * Methods (chosen automatically, see `FixedEffectsOptions.method`):
 * - one dimension: subtract group means (exact, one sweep);
 * - two dimensions: the Schur complement on the smaller one (direct2.ts), solved by Cholesky when it
 *   has <= 1000 levels (e.g. years: exact), else by preconditioned conjugate gradients (e.g. firms);
 * - more dimensions: the largest by group means and the others by block CG on their Schur complement
 *   (cg-absorb.ts), or on request alternating projections with Irons-Tuck acceleration (projections.ts).
 *
 * Rank of [D_1 ... D_m] (dfAbsorbed), as reghdfe and fixest count it:
 * - one FE: L_1;  two FE: L_1 + L_2 - C, C = connected components of the bipartite level graph (exact);
 * - more than two: L_1 + L_2 - C(1,2) + sum_{j>2} (L_j - 1). Exact when the later FE are not otherwise
 *   collinear with the earlier ones; if they are, K is overstated (conservative, as reghdfe's default).
 */
import { InputError } from "../frame/errors";
import { bipartiteComponents, Components } from "./components";
import { buildDirectTwoWay, DirectTwoWay, schurCost } from "./direct2";
import { denseCodes, groupCounts, subtractGroupMeans } from "./groups";
import { alternatingProjections, ProjectionDim } from "./projections";
import { buildCgAbsorber } from "./cg-absorb";

export interface FeDimensionInput {
  readonly name: string;
  /** Codes per observation (any non-negative integers; re-coded densely here). */
  readonly codes: ArrayLike<number>;
}

export interface FeDimension {
  readonly name: string;
  /** Dense codes 0..levels-1 per observation. */
  readonly codes: Int32Array;
  readonly levels: number;
  readonly counts: Float64Array;
}

/**
 * "auto": one FE means; two FE: "direct" when the smaller has <= 1000 levels (and the dense Schur
 * complement is cheap), else "cg"; more FE: "cg" (cg-absorb.ts). "projections" forces alternating
 * projections for two or more FE.
 */
export type DemeanMethod = "auto" | "direct" | "cg" | "projections";

export interface FixedEffectsOptions {
  /** Convergence tolerance of alternating projections (relative to max|x|). Default 1e-14. */
  readonly tol?: number;
  readonly maxIter?: number;
  readonly method?: DemeanMethod;
  /** Number of observations; required only when there are no dimensions. */
  readonly n?: number;
  /**
   * The caller only reads the codes while this object lives: already-dense Int32Array codes are used
   * as they are (no copy). Default false (copied).
   */
  readonly shareCodes?: boolean;
}

export interface FixedEffects {
  readonly n: number;
  readonly dims: readonly FeDimension[];
  /** Rank of the FE dummy matrix. */
  readonly dfAbsorbed: number;
  /** Method used: "none" (no FE), "means" (one FE), "direct"/"cg" (two-way Schur complement), "projections". */
  readonly method: "none" | "means" | "direct" | "cg" | "projections";
  /** Residual of x on all FE dummies (a copy; `out` reused if given, may alias x). */
  demean(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** Residualises every column of X (n x k column-major); returns a new array. */
  demeanColumns(X: Float64Array, k: number): Float64Array;
  /** Residualises the columns into out (n x cols.length column-major); two-way FE share one solve. */
  demeanInto(cols: readonly ArrayLike<number>[], out: Float64Array): void;
}

const DIRECT_MAX_LEVELS = 1000;
/** Relative residual at which CG on three or more FE stops. */
const CG_TOL = 1e-14;
const DIRECT_MAX_COST = 5e7;

export function buildFixedEffects(inputs: readonly FeDimensionInput[], opts: FixedEffectsOptions = {}): FixedEffects {
  const n = inputs.length > 0 ? inputs[0].codes.length : opts.n ?? 0;
  const dims: FeDimension[] = inputs.map((d) => {
    if (d.codes.length !== n) {
      throw new InputError(`Fixed effect "${d.name}" has ${d.codes.length} rows but "${inputs[0].name}" has ${n}.`);
    }
    const dc = denseCodes(d.codes, `Fixed effect "${d.name}"`, opts.shareCodes);
    return { name: d.name, codes: dc.codes, levels: dc.levels, counts: groupCounts(dc.codes, dc.levels) };
  });
  const tol = opts.tol ?? 1e-14;
  const maxIter = opts.maxIter ?? 10000;

  let dfAbsorbed = 0;
  let comp: Components | undefined;
  if (dims.length === 1) dfAbsorbed = dims[0].levels;
  if (dims.length >= 2) {
    const c = (comp = bipartiteComponents(dims[0].codes, dims[0].levels, dims[1].codes, dims[1].levels));
    dfAbsorbed = dims[0].levels + dims[1].levels - c.count;
    for (let j = 2; j < dims.length; j++) dfAbsorbed += dims[j].levels - 1;
  }

  const copyOut = (x: ArrayLike<number>, out?: Float64Array): Float64Array => {
    const o = out ?? new Float64Array(n);
    if (o !== x) for (let i = 0; i < n; i++) o[i] = x[i];
    return o;
  };
  type Demean = (x: ArrayLike<number>, out?: Float64Array) => Float64Array;
  type DemeanInto = (cols: readonly ArrayLike<number>[], out: Float64Array) => void;
  const make = (method: FixedEffects["method"], demean: Demean, into?: DemeanInto): FixedEffects => {
    const demeanInto: DemeanInto = into ?? ((cols, out) => cols.forEach((c, j) => demean(c, out.subarray(j * n, (j + 1) * n))));
    const demeanColumns = (X: Float64Array, k: number) => {
      const out = new Float64Array(n * k);
      demeanInto(Array.from({ length: k }, (_, j) => X.subarray(j * n, (j + 1) * n)), out);
      return out;
    };
    return { n, dims, dfAbsorbed, method, demean, demeanColumns, demeanInto };
  };

  if (dims.length === 0) {
    const demean = (x: ArrayLike<number>, out?: Float64Array) => copyOut(x, out);
    return make("none", demean);
  }

  const pdims: ProjectionDim[] = dims.map((d) => ({ codes: d.codes, invCounts: d.counts.map((c) => 1 / c) }));

  if (dims.length === 1) {
    const scratch = new Float64Array(dims[0].levels);
    const demean = (x: ArrayLike<number>, out?: Float64Array) => {
      const o = copyOut(x, out);
      subtractGroupMeans(pdims[0].codes, pdims[0].invCounts, o, scratch);
      // A second sweep removes the rounding left by the first (the means of o are ~1e-16 x scale).
      subtractGroupMeans(pdims[0].codes, pdims[0].invCounts, o, scratch);
      return o;
    };
    return make("means", demean);
  }

  let direct: DirectTwoWay | null = null;
  let directMethod: "direct" | "cg" = "direct";
  const method = opts.method ?? "auto";
  if (dims.length === 2 && method !== "projections") {
    const [big, small] = dims[0].levels >= dims[1].levels ? [dims[0], dims[1]] : [dims[1], dims[0]];
    const dense = small.levels <= DIRECT_MAX_LEVELS && schurCost(big.codes, big.levels, small.levels) <= DIRECT_MAX_COST;
    directMethod = method === "direct" || (method === "auto" && dense) ? "direct" : "cg";
    // Components are symmetric in the two dimensions: swap their roles when the first FE is the small one.
    const components = comp && (big === dims[0] ? comp : { count: comp.count, ofA: comp.ofB, ofB: comp.ofA });
    direct = buildDirectTwoWay(big.codes, big.levels, small.codes, small.levels, {
      solver: directMethod === "direct" ? "cholesky" : "cg", components, maxIter,
    });
  }
  if (direct) {
    const d = direct;
    const demean = (x: ArrayLike<number>, out?: Float64Array) => {
      const o = out ?? new Float64Array(n);
      d.demean(x, o);
      return o;
    };
    const into: DemeanInto = (cols, out) => d.demeanInto(cols, cols.map((_, j) => out.subarray(j * n, (j + 1) * n)));
    return make(directMethod, demean, into);
  }

  if (dims.length >= 3 && method !== "projections") {
    const byLevels = [...dims].sort((p, q) => q.levels - p.levels);
    const cg = buildCgAbsorber(byLevels[0], byLevels.slice(1), CG_TOL, maxIter);
    const demeanCg = (x: ArrayLike<number>, out?: Float64Array) => {
      const o = out ?? new Float64Array(n);
      cg.demeanInto([x], [o]);
      return o;
    };
    return make("cg", demeanCg, (cols, out) => cg.demeanInto(cols, cols.map((_, j) => out.subarray(j * n, (j + 1) * n))));
  }

  const demean = (x: ArrayLike<number>, out?: Float64Array) => {
    const src = out === x ? Float64Array.from(x) : x;
    const o = out ?? new Float64Array(n);
    const rep = alternatingProjections(pdims, src, o, { tol, maxIter });
    if (!rep.converged) {
      throw new InputError(
        `Absorbing the fixed effects ${dims.map((d) => d.name).join(", ")} did not converge in ${maxIter} iterations.`,
        "num",
      );
    }
    return o;
  };
  return make("projections", demean);
}
