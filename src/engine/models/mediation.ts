/**
 * Mediation (mechanism) analysis with the same fixed effects, clustering and variance as the baseline.
 *
 * Per mediator M (several mediators: one independent analysis each):
 *   eq1 (total):   Y ~ D + controls          c  = coefficient of D
 *   eq2 (a path):  M ~ D + controls          a  = coefficient of D
 *   eq3 (direct):  Y ~ D + M + controls      c' = coefficient of D, b = coefficient of M   (Baron-Kenny only)
 * Sobel (delta method) with the chosen variance: se_ab = sqrt(b^2 se_a^2 + a^2 se_b^2), z = ab / se_ab,
 * two-sided normal p; proportion mediated = ab / c (nqp_mediation_DI spec.sobel).
 *
 * design "two-step" (Jiang Ting 2022, China Industrial Economics): only eq1 and eq2 are estimated;
 * no claim is made from Y ~ D + M, so there is no b, c', Sobel or bootstrap.
 *
 * Samples: "common" (default): every equation on the rows where Y, D, M, controls, FE and cluster
 * variables are all present (then singletons are dropped identically in the three equations);
 * "own": eq2 on all rows where its own variables are present, eq1/eq3 on the common sample
 * (nqp_mediation_DI results.a_path_own_sample).
 *
 * Optional cluster bootstrap of ab (mediation-bootstrap.ts) on eq3's estimation sample.
 */
import { Frame } from "../frame";
import { InputError } from "../frame/errors";
import { RunControl } from "../resample/control";
import { normalTwoSidedP } from "../stats/distributions";
import { Diagnostic } from "../stats/diagnostic";
import { fitLinear, LinearSpec, validateLinearSpec } from "./linear";
import { bootstrapIndirect, IndirectBootstrap } from "./mediation-bootstrap";
import { RegressionResult, VcovType } from "./result";
import { completeRows, requireColumn } from "./spec-frame";

export type MediationDesign = "baron-kenny" | "two-step";
export const MEDIATION_DESIGNS: readonly MediationDesign[] = ["baron-kenny", "two-step"];
export type MediationSample = "common" | "own";
export const MEDIATION_SAMPLES: readonly MediationSample[] = ["common", "own"];

export interface MediationSpec {
  readonly y: string;
  /** The key regressor D. */
  readonly treat: string;
  readonly mediators: readonly string[];
  readonly controls?: readonly string[];
  readonly fe?: readonly string[];
  readonly cluster?: readonly string[];
  readonly vcov?: VcovType;
  readonly keepSingletons?: boolean;
  readonly noConstant?: boolean;
  /** Candidate rows (ascending data rows). */
  readonly rows?: Int32Array;
  readonly design?: MediationDesign;
  readonly sample?: MediationSample;
  /** Cluster bootstrap of ab (Baron-Kenny only): replications, seed, confidence level (0.95). */
  readonly bootstrap?: { readonly reps: number; readonly seed: number; readonly level?: number };
}

export interface MediatorResult {
  readonly mediator: string;
  readonly total: RegressionResult;
  readonly aPath: RegressionResult;
  /** eq3, absent in the two-step design. */
  readonly outcome?: RegressionResult;
  /** Coefficients and their standard errors with the chosen variance. */
  readonly c: number;
  readonly seC: number;
  readonly a: number;
  readonly seA: number;
  readonly b: number;
  readonly seB: number;
  readonly cPrime: number;
  readonly seCPrime: number;
  readonly indirect: number;
  readonly seIndirect: number;
  readonly proportionMediated: number;
  /** Sobel test (name "sobel"); inapplicable in the two-step design. */
  readonly sobel: Diagnostic;
  /** N of the direct equation (common sample), or of eq1 in the two-step design. */
  readonly n: number;
  readonly bootstrap?: IndirectBootstrap;
}

export interface MediationResult {
  readonly design: MediationDesign;
  readonly sample: MediationSample;
  readonly y: string;
  readonly treat: string;
  readonly mediators: readonly MediatorResult[];
  /** Rows of the input frame (the candidates before any row was dropped), for "N of ..." reports. */
  readonly nRows: number;
}

function coefSe(r: RegressionResult, term: string, eq: string): [number, number] {
  const i = r.terms.indexOf(term);
  if (i < 0) {
    throw new InputError(`"${term}" was dropped from the ${eq} (${r.omitted.includes(term) ? "collinear with the other regressors or absorbed by the fixed effects" : "not estimated"}); the mediation effect is not identified.`);
  }
  return [r.coef[i], r.se[i]];
}

/** Sobel z for ab with the delta-method variance b^2 se_a^2 + a^2 se_b^2. */
export function sobelTest(a: number, seA: number, b: number, seB: number): Diagnostic & { readonly se: number } {
  const se = Math.sqrt(b * b * seA * seA + a * a * seB * seB);
  const z = (a * b) / se;
  return {
    name: "sobel",
    label: "Sobel z",
    statistic: z,
    df: [],
    distribution: "normal",
    p: normalTwoSidedP(z),
    nullHypothesis: "indirect effect a*b = 0",
    extra: { indirect: a * b, se },
    se,
  };
}

function checkSpec(frame: Frame, spec: MediationSpec): void {
  if (!spec.mediators || spec.mediators.length === 0) throw new InputError("List at least one mediator.");
  if (spec.design !== undefined && !MEDIATION_DESIGNS.includes(spec.design)) {
    throw new InputError(`design must be one of ${MEDIATION_DESIGNS.join(", ")}; got "${spec.design}".`);
  }
  if (spec.sample !== undefined && !MEDIATION_SAMPLES.includes(spec.sample)) {
    throw new InputError(`sample must be one of ${MEDIATION_SAMPLES.join(", ")}; got "${spec.sample}".`);
  }
  requireColumn(frame, spec.y, "outcome");
  requireColumn(frame, spec.treat, "treatment (key regressor)");
  for (const m of spec.mediators) {
    requireColumn(frame, m, "mediator");
    if (m === spec.y || m === spec.treat) throw new InputError(`The mediator "${m}" is also the outcome or the treatment.`);
    if ((spec.controls ?? []).includes(m)) throw new InputError(`The mediator "${m}" is also listed as a control.`);
  }
  if (new Set(spec.mediators).size !== spec.mediators.length) throw new InputError(`A mediator is listed twice: ${spec.mediators.join(", ")}.`);
  if (spec.bootstrap && spec.design === "two-step") throw new InputError("The bootstrap of a*b needs the Baron-Kenny design (the two-step design estimates no b).");
}

/** Point estimates (and the bootstrap when asked). */
export async function mediate(frame: Frame, spec: MediationSpec, control: RunControl = {}): Promise<MediationResult> {
  const point = mediatePoint(frame, spec);
  if (!spec.bootstrap) return point;
  const out: MediatorResult[] = [];
  for (const m of point.mediators) {
    const fitted = m.outcome!;
    const bootstrap = await bootstrapIndirect(
      frame,
      {
        y: spec.y,
        treat: spec.treat,
        mediator: m.mediator,
        controls: spec.controls ?? [],
        fe: spec.fe ?? [],
        cluster: spec.cluster && spec.cluster.length > 0 ? spec.cluster[0] : null,
        rows: fitted.sample.rows,
        ...spec.bootstrap,
      },
      {
        ...control,
        onProgress: control.onProgress && ((p) => control.onProgress!({ ...p, task: `bootstrap ${m.mediator}` })),
      },
    );
    out.push({ ...m, bootstrap });
  }
  return { ...point, mediators: out };
}

/** Point estimates and Sobel tests, synchronous (no bootstrap). */
export function mediatePoint(frame: Frame, spec: MediationSpec): MediationResult {
  checkSpec(frame, spec);
  const design = spec.design ?? "baron-kenny";
  const sample = spec.sample ?? "common";
  const controls = spec.controls ?? [];
  const base = (y: string, x: string[], rows: Int32Array | undefined): LinearSpec => {
    const s: LinearSpec = {
      y,
      x,
      fe: spec.fe,
      cluster: spec.cluster,
      vcov: spec.vcov,
      keepSingletons: spec.keepSingletons,
      noConstant: spec.noConstant,
      rows,
    };
    validateLinearSpec(s);
    return s;
  };
  const keys = [...(spec.fe ?? []), ...(spec.cluster ?? [])];
  const mediators = spec.mediators.map((m): MediatorResult => {
    const common = completeRows(frame, spec.rows, [spec.y, spec.treat, m, ...controls], keys);
    if (common.length === 0) throw new InputError(`No row has ${spec.y}, ${spec.treat}, ${m} and the controls all present.`);
    const total = fitLinear(frame, base(spec.y, [spec.treat, ...controls], common));
    const aPath = fitLinear(frame, base(m, [spec.treat, ...controls], sample === "own" ? spec.rows : common));
    const [c, seC] = coefSe(total, spec.treat, "total-effect equation");
    const [a, seA] = coefSe(aPath, spec.treat, "mediator equation");
    if (design === "two-step") {
      const why = "The two-step design (Jiang 2022) estimates no outcome-on-mediator equation.";
      return {
        mediator: m, total, aPath, c, seC, a, seA,
        b: NaN, seB: NaN, cPrime: NaN, seCPrime: NaN, indirect: NaN, seIndirect: NaN, proportionMediated: NaN,
        sobel: { name: "sobel", label: "Sobel z", statistic: NaN, df: [], distribution: "none", p: NaN, nullHypothesis: "indirect effect a*b = 0", inapplicable: why },
        n: total.n,
      };
    }
    const outcome = fitLinear(frame, base(spec.y, [spec.treat, m, ...controls], common));
    const [cPrime, seCPrime] = coefSe(outcome, spec.treat, "direct-effect equation");
    const [b, seB] = coefSe(outcome, m, "direct-effect equation");
    const { se, ...sobel } = sobelTest(a, seA, b, seB);
    return {
      mediator: m, total, aPath, outcome, c, seC, a, seA, b, seB, cPrime, seCPrime,
      indirect: a * b, seIndirect: se, proportionMediated: (a * b) / c, sobel, n: outcome.n,
    };
  });
  return { design, sample, y: spec.y, treat: spec.treat, mediators, nRows: spec.rows ? spec.rows.length : frame.nrow };
}
