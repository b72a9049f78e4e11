/**
 * The spatial form's share of the pane state (model-state.ts): models, coordinates, weights and the
 * Lee-Yu switch; its defaults from the data (a "lat"/"latitude" and "lon"/"longitude" column) and the
 * spec it builds, or the first thing still to choose, in words.
 */
import { t } from "../i18n/catalogue";
import { paneSpatial } from "../i18n/messages/pane-spatial";
import type { SpatialJobSpec } from "./worker/protocol";

export type SpatialModelChoice = SpatialJobSpec["models"][number];

export interface SpatialChoices {
  readonly spatialModels: readonly SpatialModelChoice[];
  readonly lat: string;
  readonly lon: string;
  readonly weightsKind: "knn" | "idw";
  readonly knnK: number;
  readonly idwPower: number;
  /** km; 0 = no cutoff. */
  readonly idwCutoff: number;
  readonly leeYu: boolean;
}

export const SPATIAL_DEFAULTS: SpatialChoices = { spatialModels: ["sar", "sem", "sdm"], lat: "", lon: "", weightsKind: "knn", knnK: 5, idwPower: 2, idwCutoff: 0, leeYu: true };

/** Keeps chosen coordinates that still exist, else the data's lat / lon columns by name. */
export function spatialDefaults(prev: SpatialChoices, names: ReadonlySet<string>): Pick<SpatialChoices, "lat" | "lon"> {
  const guess = (chosen: string, candidates: readonly string[]) => (names.has(chosen) ? chosen : ([...names].find((n) => candidates.includes(n.toLowerCase())) ?? ""));
  return { lat: guess(prev.lat, ["lat", "latitude"]), lon: guess(prev.lon, ["lon", "lng", "long", "longitude"]) };
}

/** "knn:5", "idw:2", "idw:2,500". */
export function weightsSpecOf(s: SpatialChoices): string {
  return s.weightsKind === "knn" ? `knn:${s.knnK}` : `idw:${s.idwPower}${s.idwCutoff > 0 ? `,${s.idwCutoff}` : ""}`;
}

/** The spatial job, or `need` fails with the first missing choice. */
export function spatialSpecOf(s: SpatialChoices & { y: string; x: readonly string[]; idVar: string; timeVar: string }, need: (cond: unknown, what: string) => void): SpatialJobSpec {
  need(s.y, t(paneSpatial.needY));
  need(s.x.length > 0, t(paneSpatial.needX));
  need(!s.x.includes(s.y), t(paneSpatial.yInX, { y: s.y }));
  need(s.spatialModels.length > 0, t(paneSpatial.needModel));
  need(s.idVar && s.timeVar, t(paneSpatial.needPanel));
  need(s.lat && s.lon, t(paneSpatial.needCoords));
  need(s.lat !== s.lon, t(paneSpatial.sameCoords));
  if (s.weightsKind === "knn") need(Number.isInteger(s.knnK) && s.knnK >= 1, t(paneSpatial.badK));
  else {
    need(s.idwPower > 0, t(paneSpatial.badPower));
    need(s.idwCutoff >= 0, t(paneSpatial.badCutoff));
  }
  return {
    kind: "spatial",
    y: s.y,
    x: [...s.x],
    id: s.idVar,
    time: s.timeVar,
    lat: s.lat,
    lon: s.lon,
    weights: weightsSpecOf(s),
    models: (["sar", "sem", "sdm"] as const).filter((m) => s.spatialModels.includes(m)),
    variant: s.leeYu ? "leeyu" : "direct",
  };
}
