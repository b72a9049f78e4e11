/**
 * From a frame and a weights spec to the normalised W on the frame's units (sorted ids).
 * A user matrix (`file:` spec, or contiguity from a sheet) comes as `matrix`; its ids must be exactly the
 * data's units (the message names the ids missing on either side); it is reordered to the sorted ids.
 */
import { InputError } from "../frame/errors";
import { Frame } from "../frame/frame";
import { normaliseWeights, Normalisation, SpatialWeights } from "./normalise";
import { coordinatesOf, meanPerUnit, Units, unitsOf } from "./units";
import { economicWeights, expDecayWeights, idwWeights, knnWeights, parseWeightsSpec, RawWeights, userWeights, WeightsSpec } from "./weights";

/** A user-supplied matrix: row ids, column ids (header) and row-major values. */
export interface UserMatrix {
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly values: ArrayLike<number>;
  readonly source?: string;
}

export interface WeightsRequest {
  readonly id: string;
  readonly lat?: string;
  readonly lon?: string;
  readonly weights: string | WeightsSpec;
  readonly style?: Normalisation;
  readonly matrix?: UserMatrix;
}

function need(name: string | undefined, what: string, spec: string): string {
  if (!name) throw new InputError(`The weights ${spec} need the ${what} column (give lat and lon).`);
  return name;
}

export function rawWeightsFor(frame: Frame, units: Units, req: WeightsRequest): RawWeights {
  const spec = typeof req.weights === "string" ? parseWeightsSpec(req.weights) : req.weights;
  const label = typeof req.weights === "string" ? req.weights : spec.kind;
  switch (spec.kind) {
    case "knn":
    case "idw":
    case "exp": {
      const c = coordinatesOf(frame, units, need(req.lat, "latitude", label), need(req.lon, "longitude", label));
      if (spec.kind === "knn") return knnWeights(c, spec.k);
      if (spec.kind === "idw") return idwWeights(c, spec.power, spec.cutoffKm);
      return expDecayWeights(c, spec.d0Km);
    }
    case "econ":
      return economicWeights(units.ids, meanPerUnit(frame, units, spec.variable), spec.variable);
    case "file": {
      if (!req.matrix) throw new InputError(`The weights ${label} need the matrix itself (an id column plus one column per unit).`);
      return alignUserMatrix(units.ids, req.matrix);
    }
  }
}

/** Reorders a user matrix to `ids`; every data unit must be in the matrix and vice versa. */
export function alignUserMatrix(ids: readonly string[], m: UserMatrix): RawWeights {
  const source = m.source ?? "the weights matrix";
  const raw = userWeights(m.rowIds, m.colIds, m.values, source);
  const pos = new Map(m.rowIds.map((s, i) => [s, i]));
  const missing = ids.filter((s) => !pos.has(s));
  const extra = m.rowIds.filter((s) => !ids.includes(s));
  if (missing.length > 0 || extra.length > 0) {
    const list = (a: readonly string[]) => a.slice(0, 10).join(", ") + (a.length > 10 ? ` and ${a.length - 10} more` : "");
    throw new InputError(
      `The ids of ${source} do not match the data's units: ` +
        [missing.length > 0 ? `${missing.length} unit(s) of the data are not in the matrix (${list(missing)})` : "", extra.length > 0 ? `${extra.length} id(s) of the matrix are not in the data (${list(extra)})` : ""].filter((s) => s).join("; ") +
        ".",
    );
  }
  const n = ids.length;
  const dense = new Float64Array(n * n);
  const k = m.rowIds.length;
  for (let i = 0; i < n; i++) {
    const pi = pos.get(ids[i])!;
    for (let j = 0; j < n; j++) dense[i * n + j] = m.values[pi * k + pos.get(ids[j])!];
  }
  return { ...userWeights(ids, ids, dense, source), spec: raw.spec };
}

export function buildWeights(frame: Frame, req: WeightsRequest): { units: Units; weights: SpatialWeights } {
  const units = unitsOf(frame, req.id);
  const raw = rawWeightsFor(frame, units, req);
  return { units, weights: normaliseWeights(raw, req.style ?? "row") };
}
