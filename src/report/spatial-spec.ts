/**
 * The "spatial" table kind of a spec: one two-way FE spatial panel model (y, x, panel id and time,
 * coordinates, weights "knn:5"...) estimated as each of `models` (default SAR, SEM, SDM), with the
 * effects of `effects` (default the first regressor). Validated here, run by run-spec.ts.
 */
import { InputError } from "../engine/frame";
import { SPATIAL_VARIANTS, SpatialVariant } from "../engine/spatial/design";
import { SPATIAL_MODELS, SpatialModel } from "../engine/spatial/fit";
import { NORMALISATIONS, Normalisation } from "../engine/spatial/normalise";
import { parseWeightsSpec } from "../engine/spatial/weights";
import type { RowFilter } from "./spec";

export interface SpatialModelSpec {
  readonly y: string;
  readonly x: readonly string[];
  readonly id: string;
  readonly time: string;
  readonly lat?: string;
  readonly lon?: string;
  /** "knn:5", "idw:2", "exp:250", "econ:GDP" (file: weights are not available in specs). */
  readonly weights: string;
  readonly style?: Normalisation;
  readonly variant?: SpatialVariant;
  /** Sample rows (e.g. the years with the outcome); the rows kept must form a balanced panel. */
  readonly where?: readonly RowFilter[];
}

export interface SpatialTableFields {
  readonly kind: "spatial";
  readonly model: SpatialModelSpec;
  readonly models?: readonly SpatialModel[];
  readonly effects?: readonly string[];
}

export const SPATIAL_TABLE_FIELDS = ["model", "models", "effects"];
export const SPATIAL_MODEL_FIELDS = ["y", "x", "id", "time", "lat", "lon", "weights", "style", "variant", "where"];

function need(cond: unknown, msg: string): void {
  if (!cond) throw new InputError(msg);
}

const isStrList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");

/** The checks beyond those of every model spec (y, x, known fields, where: spec.ts). */
export function validateSpatialSpec(t: SpatialTableFields, where: string): void {
  const m = t.model;
  const w = `${where}.model`;
  need(m && typeof m === "object" && typeof m.y === "string" && isStrList(m.x) && m.x.length > 0, `${w} needs "y" (a column name) and "x" (a non-empty list of column names).`);
  for (const k of ["id", "time", "weights"] as const) need(typeof m[k] === "string" && m[k], `${w} needs "${k}" (${k === "weights" ? 'a weights spec such as "knn:5"' : "a column name"}).`);
  for (const k of ["lat", "lon"] as const) need(m[k] === undefined || typeof m[k] === "string", `${w}.${k} must be a column name.`);
  need(!m.weights.startsWith("file:"), `${w}.weights: "file:" weights are not available in table specs; use knn:, idw:, exp: or econ:.`);
  parseWeightsSpec(m.weights);
  need(m.style === undefined || (NORMALISATIONS as readonly string[]).includes(m.style), `${w}.style must be one of ${NORMALISATIONS.join(", ")}; got ${JSON.stringify(m.style)}.`);
  need(m.variant === undefined || (SPATIAL_VARIANTS as readonly string[]).includes(m.variant), `${w}.variant must be one of ${SPATIAL_VARIANTS.join(", ")}; got ${JSON.stringify(m.variant)}.`);
  need(
    t.models === undefined || (Array.isArray(t.models) && t.models.length > 0 && t.models.every((s) => (SPATIAL_MODELS as readonly string[]).includes(s))),
    `${where}.models must be a non-empty list of ${SPATIAL_MODELS.join(", ")}; got ${JSON.stringify(t.models)}.`,
  );
  need(t.effects === undefined || isStrList(t.effects), `${where}.effects must be a list of regressors, e.g. ["NQP"]; got ${JSON.stringify(t.effects)}.`);
  for (const e of t.effects ?? []) need(m.x.includes(e), `${where}.effects: "${e}" is not in model.x (${m.x.join(", ")}).`);
}
