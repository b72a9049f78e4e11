/**
 * The shared front half of every linear estimator (OLS/FE, IV, mediation): choose the estimation
 * sample, build the fixed effects on it (the intercept of a pooled model is a one-level FE, so
 * "absorbing" it is centring), encode clusters, and absorb any variable on demand.
 *
 * Arrays in `LinearData` are over the n input rows; everything in `Design` is over the sample rows.
 */
import { InputError } from "../frame/errors";
import { buildFixedEffects, denseCodes, FixedEffects, FixedEffectsOptions } from "../fe";
import { FixedEffectInfo, SampleInfo } from "./result";
import { SampleNumeric, selectSample, takeCodes, takeRows } from "../sample";

/** A numeric variable over the input rows (NaN = missing). */
export type NamedValues = SampleNumeric;

/** A grouping variable over the input rows: non-negative integer codes, -1 = missing. */
export interface NamedCodes {
  readonly name: string;
  readonly codes: ArrayLike<number>;
}

export interface LinearData {
  readonly n: number;
  readonly y: NamedValues;
  readonly x: readonly NamedValues[];
  readonly fe?: readonly NamedCodes[];
  readonly cluster?: readonly NamedCodes[];
  /** Further variables that only take part in listwise deletion (e.g. instruments, a mediator). */
  readonly extra?: readonly NamedValues[];
  /** Candidate rows (0-based, ascending). */
  readonly rows?: Int32Array;
}

export interface DesignOptions {
  /** Regression through the origin when there are no FE; with FE, `_cons` is not reported. */
  readonly noConstant?: boolean;
  /** Keep singleton FE groups (fixest's default); default false = drop them iteratively (reghdfe). */
  readonly keepSingletons?: boolean;
  readonly feOptions?: FixedEffectsOptions;
}

export interface Design {
  readonly n: number;
  readonly sample: SampleInfo;
  /** FE on the sample rows; for a pooled model with intercept, one level named "_cons". */
  readonly fe: FixedEffects;
  /** True when the absorbed space contains the constant (FE present, or pooled with intercept). */
  readonly hasIntercept: boolean;
  /** User-named FE only (no "_cons"), with nesting in the clusters. */
  readonly feInfo: readonly FixedEffectInfo[];
  readonly clusterNames: readonly string[];
  /** Dense cluster codes on the sample rows. */
  readonly clusters: readonly Int32Array[];
  readonly nClusters: readonly number[];
  /** Sum over FE nested in some cluster variable of (levels - 1). */
  readonly nestedAdjustment: number;
  /** The variable on the sample rows. */
  take(values: ArrayLike<number>): Float64Array;
  /** Read-only: the input array itself when the sample is every row (no copy), else `take`. */
  view(values: ArrayLike<number>): Float64Array;
  /** The variable on the sample rows, residualised on all FE (centred for a pooled model). */
  absorb(values: ArrayLike<number>): Float64Array;
}

/** True when every level of `inner` lies within a single level of `outer`. */
export function isNested(inner: Int32Array, innerLevels: number, outer: Int32Array): boolean {
  const map = new Int32Array(innerLevels).fill(-1);
  for (let i = 0; i < inner.length; i++) {
    const m = map[inner[i]];
    if (m < 0) map[inner[i]] = outer[i];
    else if (m !== outer[i]) return false;
  }
  return true;
}

function checkLengths(data: LinearData): void {
  const all: { name: string; length: number }[] = [
    { name: data.y.name, length: data.y.values.length },
    ...data.x.map((v) => ({ name: v.name, length: v.values.length })),
    ...(data.fe ?? []).map((v) => ({ name: v.name, length: v.codes.length })),
    ...(data.cluster ?? []).map((v) => ({ name: v.name, length: v.codes.length })),
    ...(data.extra ?? []).map((v) => ({ name: v.name, length: v.values.length })),
  ];
  for (const v of all) {
    if (v.length !== data.n) {
      throw new InputError(`${v.name} has ${v.length} rows but ${data.y.name} has ${data.y.values.length}.`);
    }
  }
}

export function prepareDesign(data: LinearData, opts: DesignOptions = {}): Design {
  checkLengths(data);
  const feIn = data.fe ?? [];
  const clIn = data.cluster ?? [];
  if (clIn.length > 2) throw new InputError(`Clustering takes one or two variables, not ${clIn.length}.`);
  const sample = selectSample({
    n: data.n,
    numeric: [data.y, ...data.x, ...(data.extra ?? [])],
    keys: [
      ...feIn.map((f) => ({ name: f.name, codes: f.codes, fixedEffect: true })),
      ...clIn.filter((c) => !feIn.some((f) => f.name === c.name)).map((c) => ({ name: c.name, codes: c.codes, fixedEffect: false })),
    ],
    rows: data.rows,
    keepSingletons: opts.keepSingletons,
  });
  const rows = sample.rows;
  const n = rows.length;
  if (n === 0) {
    const missing = Object.entries(sample.missingBy).filter(([, c]) => c > 0).map(([v, c]) => `${v}: ${c}`);
    throw new InputError(
      `No observations left of ${sample.nInput} rows: ${sample.droppedMissing} miss a model variable` +
        (missing.length ? ` (${missing.join(", ")})` : "") +
        `, ${sample.droppedSingletons} are singletons of a fixed effect` +
        (sample.droppedSingletons > 0 ? ` (dropped one after another, as reghdfe does; the keep-singletons option keeps them)` : "") + ".",
    );
  }
  const hasIntercept = feIn.length > 0 || !opts.noConstant;
  const allRows = rows.length === data.n && (n === 0 || rows[n - 1] === n - 1);
  // Codes on the sample rows; on the full sample the input itself, used without a copy when already
  // dense (the design only reads them).
  const codesOn = (codes: ArrayLike<number>) => (allRows && codes instanceof Int32Array ? codes : takeCodes(codes, rows));
  const feDims = feIn.length > 0
    ? feIn.map((f) => ({ name: f.name, codes: codesOn(f.codes) }))
    : hasIntercept ? [{ name: "_cons", codes: new Int32Array(n) }] : [];
  const fe = buildFixedEffects(feDims, { ...opts.feOptions, n, shareCodes: true });
  const clusters = clIn.map((c) => denseCodes(codesOn(c.codes), `Cluster variable "${c.name}"`, true));
  const nClusters = clusters.map((c) => c.levels);
  clusters.forEach((c, j) => {
    if (c.levels < 2) {
      throw new InputError(
        `Clustered standard errors need at least 2 clusters, but "${clIn[j].name}" has ${c.levels} in the estimation sample of ${n} rows.`,
      );
    }
  });
  let nestedAdjustment = 0;
  const feInfo: FixedEffectInfo[] = feIn.length === 0 ? [] : fe.dims.map((d) => {
    const nested = clusters.some((c) => isNested(d.codes, d.levels, c.codes));
    if (nested) nestedAdjustment += d.levels - 1;
    return { name: d.name, levels: d.levels, nestedInCluster: nested };
  });
  return {
    n,
    sample,
    fe,
    hasIntercept,
    feInfo,
    clusterNames: clIn.map((c) => c.name),
    clusters: clusters.map((c) => c.codes),
    nClusters,
    nestedAdjustment,
    take: (values) => takeRows(values, rows),
    view: (values) => (values instanceof Float64Array && allRows ? values : takeRows(values, rows)),
    absorb: (values) => {
      const t = takeRows(values, rows);
      return fe.demean(t, t);
    },
  };
}
