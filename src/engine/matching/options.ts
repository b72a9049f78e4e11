/**
 * Matching options (psmatch2's): string-literal unions validated once, with messages that list the
 * allowed values (STYLE.md item 11).
 */
import { InputError } from "../frame/errors";

export type MatchMethod = "nn" | "radius" | "kernel";
export const MATCH_METHODS: readonly MatchMethod[] = ["nn", "radius", "kernel"];

export type KernelType = "epan" | "normal" | "biweight" | "uniform" | "tricube";
export const KERNEL_TYPES: readonly KernelType[] = ["epan", "normal", "biweight", "uniform", "tricube"];

/** psmatch2's default bandwidth of kernel matching. */
export const DEFAULT_BWIDTH = 0.06;

export interface MatchOptions {
  readonly method: MatchMethod;
  /** Neighbours (nn), default 1. */
  readonly k?: number;
  /** nn: a match only if |ps_t - ps_c| < caliper (strict); radius: the radius (inclusive). */
  readonly caliper?: number;
  readonly kernel?: KernelType;
  /** Kernel bandwidth, default 0.06. */
  readonly bwidth?: number;
  /** Treated outside [min, max] of the controls' scores are off support. */
  readonly common?: boolean;
  /** nn with k = 1 only: psmatch2's single sweep without replacement. */
  readonly noReplacement?: boolean;
  /** With noReplacement: visit treated in descending score. */
  readonly descending?: boolean;
  /** nn: also take every control at exactly the nearest distance (psmatch2 `ties`). */
  readonly ties?: boolean;
  /** Also the ATU (controls matched to treated) and the ATE. */
  readonly ate?: boolean;
}

/** The options with defaults filled in. */
export interface ResolvedMatchOptions {
  readonly method: MatchMethod;
  readonly k: number;
  readonly caliper: number;
  readonly kernel: KernelType;
  readonly bwidth: number;
  readonly common: boolean;
  readonly noReplacement: boolean;
  readonly descending: boolean;
  readonly ties: boolean;
  readonly ate: boolean;
}

const OPTION_KEYS = ["method", "k", "caliper", "kernel", "bwidth", "common", "noReplacement", "descending", "ties", "ate"];

export function validateMethod(m: string): MatchMethod {
  if (!MATCH_METHODS.includes(m as MatchMethod)) throw new InputError(`method must be one of ${MATCH_METHODS.join(", ")}; got "${m}".`);
  return m as MatchMethod;
}

export function validateKernel(k: string): KernelType {
  if (!KERNEL_TYPES.includes(k as KernelType)) throw new InputError(`kernel must be one of ${KERNEL_TYPES.join(", ")}; got "${k}".`);
  return k as KernelType;
}

export function resolveMatchOptions(o: MatchOptions): ResolvedMatchOptions {
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.includes(key)) throw new InputError(`Unknown matching option "${key}". Allowed: ${OPTION_KEYS.join(", ")}.`);
  }
  const method = validateMethod(o.method);
  const k = o.k ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new InputError(`k (the number of neighbours) must be a whole number >= 1; got ${o.k}.`);
  if (k > 1 && method !== "nn") throw new InputError(`k applies to nearest-neighbour matching only (method "nn"), not "${method}".`);
  const cal = o.caliper;
  if (cal !== undefined && !(cal >= 0)) throw new InputError(`caliper must be a number >= 0; got ${cal}.`);
  if (method === "radius" && !(cal !== undefined && cal > 0)) throw new InputError(`Radius matching needs a caliper (the radius) > 0.`);
  const kernel = method === "radius" ? "uniform" : validateKernel(o.kernel ?? "epan");
  if (o.kernel !== undefined && method !== "kernel") throw new InputError(`kernel applies to method "kernel" only, not "${method}".`);
  const bwidth = o.bwidth ?? DEFAULT_BWIDTH;
  if (!(bwidth > 0) || !Number.isFinite(bwidth)) throw new InputError(`bwidth (the kernel bandwidth) must be a number > 0; got ${o.bwidth}.`);
  if (o.bwidth !== undefined && method !== "kernel") throw new InputError(`bwidth applies to method "kernel" only, not "${method}".`);
  if (o.noReplacement && (method !== "nn" || k !== 1)) throw new InputError(`noReplacement works with one nearest neighbour only (method "nn", k = 1), as in psmatch2.`);
  if (o.descending && !o.noReplacement) throw new InputError(`descending applies only with noReplacement, as in psmatch2.`);
  if (o.ties && method !== "nn") throw new InputError(`ties applies to nearest-neighbour matching only.`);
  if (o.ate && o.noReplacement) throw new InputError(`ate cannot be combined with noReplacement (psmatch2 does not allow it).`);
  return {
    method, k, kernel, bwidth,
    // nn: caliper 0 means none (psmatch2); radius: the radius.
    caliper: method === "radius" ? (cal as number) : cal === undefined || cal === 0 ? Infinity : cal,
    common: !!o.common, noReplacement: !!o.noReplacement, descending: !!o.descending, ties: !!o.ties, ate: !!o.ate,
  };
}
