/**
 * The named model kernels of `nqp gp` (test/reference/gp/README.md states both):
 *
 * gp_ard: sf2 * Matern_nu(ARD on the standardised features) + sg2 * geo(lat, lon; length lg) + White(sn2),
 *   y normalised (normalize_y). Default nu = 2.5; the geographic part is an RBF on planar degrees by default
 *   (`geo: "rbf" | "matern12" | "matern32" | "matern52"`, `metric: "planar" | "greatcircle"` (km)).
 *   theta = log [sf2, l_<feature>..., sg2, lg, sn2]; default box sf2, sg2 in [1e-3, 1e2], l_j in [1e-2, 1e3],
 *   lg in [1e-1, 1e3] (planar degrees; [1, 1e5] km great-circle), sn2 in [1e-4, 1e1].
 * ggpr_jt: Jiao & Tao (2025) GGPR: similarity(P_<feature>) + w * Matern_nu(iso on all standardised columns,
 *   features + lat + lon; length_scale) + White(alpha); y not normalised; nu = 1.5 by default (fixed,
 *   not optimised). theta = log [P_<feature>..., length_scale, w, alpha] (gradient names log_P_<feature>,
 *   log_l, log_w, log_alpha). Default box P_j, w in [1e-3, 1e3], length_scale in [1e-2, 1e3], alpha in [1e-4, 1e1].
 *
 * Inputs of both: columns [features..., lat, lon] (raw); `standardize` says which are standardised.
 */
import { InputError } from "../frame/errors";
import { constantKernel, whiteKernel } from "./basic-kernels";
import { Kernel, product, sum } from "./kernel";
import { similarityKernel } from "./similarity";
import { GeoMetric, stationaryKernel } from "./stationary";

export const KERNEL_NAMES = ["gp_ard", "ggpr_jt"] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];
export const GEO_SHAPES = ["rbf", "matern12", "matern32", "matern52"] as const;
export type GeoShape = (typeof GEO_SHAPES)[number];
export const GEO_METRICS: readonly GeoMetric[] = ["planar", "greatcircle"];

export interface KernelOptions {
  readonly kernel: KernelName;
  /** Matern smoothness of the feature part (gp_ard default 2.5; ggpr_jt default 1.5). */
  readonly nu?: number;
  readonly geo?: GeoShape;
  readonly metric?: GeoMetric;
}

export interface ModelKernel {
  readonly kernel: Kernel;
  readonly normalizeY: boolean;
  /** Which input columns [features..., lat, lon] are standardised. */
  readonly standardize: readonly boolean[];
  /** The natural-unit value of the variance of f at a new point: k(x, x) without noise is read from the kernel. */
  readonly description: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${what} must be one of ${allowed.join(", ")}; got "${value}".`);
  return value as T;
}

const GEO_NU: Record<GeoShape, number> = { rbf: Infinity, matern12: 0.5, matern32: 1.5, matern52: 2.5 };

/** Builds the kernel for `features` (inputs are [features..., lat, lon]). */
export function buildModelKernel(features: readonly string[], o: KernelOptions): ModelKernel {
  const kind = oneOf(o.kernel, KERNEL_NAMES, "The kernel");
  const p = features.length;
  const featureCols = features.map((_, j) => j);
  const geoCols = [p, p + 1];
  if (o.nu !== undefined && !(o.nu > 0)) throw new InputError(`nu must be a positive number (0.5, 1.5, 2.5, ...); got ${o.nu}.`);
  if (kind === "gp_ard") {
    const geo = oneOf(o.geo ?? "rbf", GEO_SHAPES, "The geographic kernel (--geo)");
    const metric = oneOf(o.metric ?? "planar", GEO_METRICS, "The coordinate metric (--metric)");
    const nu = o.nu ?? 2.5;
    const kernel = sum(
      product(
        constantKernel("sf2", 1, [1e-3, 1e2]),
        stationaryKernel({ columns: featureCols, nu, lengthNames: features.map((f) => `l_${f}`), bounds: [1e-2, 1e3] }),
      ),
      product(
        constantKernel("sg2", 1, [1e-3, 1e2]),
        stationaryKernel({ columns: geoCols, nu: GEO_NU[geo], lengthNames: ["lg"], metric, bounds: metric === "greatcircle" ? [1, 1e5] : [1e-1, 1e3], init: metric === "greatcircle" ? 500 : 5 }),
      ),
      whiteKernel("sn2", 0.5, [1e-4, 1e1]),
    );
    const description = `sf2 * Matern(nu=${nu}, ARD on standardised ${features.join(", ")}) + sg2 * ${geo}(${metric === "greatcircle" ? "great-circle km" : "planar lat/lon"}; lg) + White(sn2)`;
    return { kernel, normalizeY: true, standardize: [...features.map(() => true), false, false], description };
  }
  const nu = o.nu ?? 1.5;
  const kernel = sum(
    similarityKernel(featureCols, features.map((f) => `P_${f}`), undefined, [1e-3, 1e3]),
    product(
      stationaryKernel({ columns: [...featureCols, ...geoCols], nu, lengthNames: ["length_scale"], thetaNames: ["log_l"], bounds: [1e-2, 1e3] }),
      constantKernel("w", 1, [1e-3, 1e3]),
    ),
    whiteKernel("alpha", 0.1, [1e-4, 1e1]),
  );
  const description = `sum_j P_j exp(-dz_j^2/2) / sum P + w * Matern(nu=${nu}, ||z|| / length_scale over features + lat + lon) + White(alpha), all columns standardised`;
  return { kernel, normalizeY: false, standardize: [...features.map(() => true), true, true], description };
}
