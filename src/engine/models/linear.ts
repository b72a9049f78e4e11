/**
 * Linear model with absorbed fixed effects (none = OLS), from a Frame: the estimator behind
 * NQP.FE2WAY and `nqp fe`. Conventions: test/reference/README.md (reghdfe/fixest defaults);
 * the pipeline itself is in linear-design.ts (sample, FE) and linear-core.ts (solve, variance).
 */
import { Frame, columnCodes, numericColumn, getColumn } from "../frame";
import { InputError } from "../frame/errors";
import { fitLinearData, LinearFit, LinearOptions } from "./linear-core";
import { LinearData } from "./linear-design";
import { RegressionResult, VcovType, VCOV_TYPES } from "./result";

export interface LinearSpec {
  readonly y: string;
  readonly x: readonly string[];
  readonly fe?: readonly string[];
  readonly cluster?: readonly string[];
  /** Default: "cluster" when cluster is given, else "iid". */
  readonly vcov?: VcovType;
  /** Through the origin without FE; with FE, do not report `_cons`. */
  readonly noConstant?: boolean;
  /** Keep singleton FE groups (fixest); default drops them iteratively (reghdfe). */
  readonly keepSingletons?: boolean;
  /** Candidate rows (0-based data rows, ascending), e.g. a split sample. */
  readonly rows?: Int32Array;
}

const SPEC_KEYS = ["y", "x", "fe", "cluster", "vcov", "noConstant", "keepSingletons", "rows"];

/** Checks the spec's shape and options once; the message lists the allowed values. */
export function validateLinearSpec(spec: LinearSpec): void {
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.includes(key)) throw new InputError(`Unknown option "${key}". Allowed: ${SPEC_KEYS.join(", ")}.`);
  }
  if (typeof spec.y !== "string" || spec.y === "") throw new InputError("y must name the dependent variable.");
  if (!Array.isArray(spec.x) || spec.x.length === 0) throw new InputError("x must list at least one regressor.");
  if (spec.vcov !== undefined && !VCOV_TYPES.includes(spec.vcov)) {
    throw new InputError(`vcov must be one of ${VCOV_TYPES.join(", ")}; got "${spec.vcov}".`);
  }
  const cl = spec.cluster ?? [];
  if (cl.length > 2) throw new InputError(`cluster takes one or two variables, not ${cl.length}.`);
  if (spec.vcov === "cluster" && cl.length === 0) throw new InputError(`vcov "cluster" needs a cluster variable.`);
  if (cl.length > 0 && spec.vcov !== undefined && spec.vcov !== "cluster") {
    throw new InputError(`A cluster variable was given with vcov "${spec.vcov}"; use vcov "cluster" or drop the cluster variable.`);
  }
  const seen = new Set<string>();
  for (const v of spec.x) {
    if (v === spec.y) throw new InputError(`The dependent variable "${v}" is also listed as a regressor.`);
    if (seen.has(v)) throw new InputError(`Regressor "${v}" is listed twice.`);
    seen.add(v);
  }
  const fe = spec.fe ?? [];
  if (new Set(fe).size !== fe.length) throw new InputError(`A fixed effect is listed twice: ${fe.join(", ")}.`);
}

function codesOf(frame: Frame, name: string): Int32Array {
  return columnCodes(getColumn(frame, name)).codes;
}

/** The spec turned into arrays over the frame's rows. */
export function linearDataFromFrame(frame: Frame, spec: LinearSpec): LinearData {
  validateLinearSpec(spec);
  for (const name of [spec.y, ...spec.x, ...(spec.fe ?? []), ...(spec.cluster ?? [])]) getColumn(frame, name);
  return {
    n: frame.nrow,
    y: { name: spec.y, values: numericColumn(frame, spec.y) },
    x: spec.x.map((name) => ({ name, values: numericColumn(frame, name) })),
    fe: (spec.fe ?? []).map((name) => ({ name, codes: codesOf(frame, name) })),
    cluster: (spec.cluster ?? []).map((name) => ({ name, codes: codesOf(frame, name) })),
    rows: spec.rows,
  };
}

function optionsOf(spec: LinearSpec): LinearOptions {
  return { vcov: spec.vcov, noConstant: spec.noConstant, keepSingletons: spec.keepSingletons };
}

/** The full fit (result plus bread, scores, design) for callers that recompute variances. */
export function fitLinearFit(frame: Frame, spec: LinearSpec): LinearFit {
  return fitLinearData(linearDataFromFrame(frame, spec), optionsOf(spec));
}

export function fitLinear(frame: Frame, spec: LinearSpec): RegressionResult {
  return fitLinearFit(frame, spec).result;
}
