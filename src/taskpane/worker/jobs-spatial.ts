/**
 * The task pane's spatial panel job: SAR / SEM / SDM with unit and time FE through the report's spatial
 * runner (src/report/spatial-run.ts: one W, one panel, one design for all models) laid out as the
 * "spatial" table (Table 3 style), plus the data of the Moran scatter, the LISA cluster map and the map
 * of y for the last period (worker/chart-data.ts). Periods in which no row has every variable (the
 * first year of a growth rate such as ER) are left out and said so; any other gap is the engine's
 * error, naming the unit and period (the models need a balanced panel; nothing is dropped silently).
 */
import { Frame, getColumn, keyColumn } from "../../engine/frame";
import { InputError } from "../../engine/frame/errors";
import { buildWeights } from "../../engine/spatial/build";
import { localMoran } from "../../engine/spatial/lisa";
import { moranGlobal } from "../../engine/spatial/moran";
import { valuesByUnit } from "../../engine/spatial/moran-frame";
import { coordinatesOf } from "../../engine/spatial/units";
import { sortIds } from "../../engine/spatial/units";
import { spatialFitsFor } from "../../report/spatial-run";
import { buildSpatialTable } from "../../report/spatial-table";
import { t } from "../../i18n/catalogue";
import { paneSpatial } from "../../i18n/messages/pane-spatial";
import { JobRunner, requireNumeric } from "./job-kit";
import type { SpatialChartData } from "./chart-data";
import type { SpatialJobSpec } from "./protocol";

/** Periods (keys of `time`, sorted) in which at least one row has every variable. */
function periodsWithData(frame: Frame, time: string, vars: readonly string[]): { kept: string[]; empty: string[] } {
  const tk = keyColumn(frame, time);
  const cols = vars.map((v) => getColumn(frame, v).numbers);
  const all = new Set<string>();
  const some = new Set<string>();
  tk.forEach((k, i) => {
    if (k === null) return;
    all.add(k);
    if (cols.every((c) => !Number.isNaN(c[i]))) some.add(k);
  });
  const sorted = sortIds([...all]);
  return { kept: sorted.filter((k) => some.has(k)), empty: sorted.filter((k) => !some.has(k)) };
}

const MODEL_LABEL = { sar: "SAR", sem: "SEM", sdm: "SDM" } as const;

export const spatialJob: JobRunner<SpatialJobSpec> = async (s, { frame, options }) => {
  if (!s.id || !s.time) throw new InputError(t(paneSpatial.needPanel));
  if (!s.lat || !s.lon) throw new InputError(t(paneSpatial.needCoords));
  if (!s.models.length) throw new InputError(t(paneSpatial.needModel));
  requireNumeric(frame, s.y, "dependent variable");
  for (const x of s.x) requireNumeric(frame, x, "regressor");
  requireNumeric(frame, s.lat, "latitude");
  requireNumeric(frame, s.lon, "longitude");
  const { kept, empty } = periodsWithData(frame, s.time, [s.y, ...s.x]);
  if (!kept.length) throw new InputError(`No row has "${s.y}" and every regressor (${s.x.join(", ")}) at once.`);
  const where = empty.length ? [{ column: s.time, in: kept }] : undefined;
  const model = { y: s.y, x: [...s.x], id: s.id, time: s.time, lat: s.lat, lon: s.lon, weights: s.weights, variant: s.variant, where };
  const fits = spatialFitsFor(frame, { kind: "spatial", model, models: s.models });
  const left = empty.length ? t(paneSpatial.periodsLeftOut, { time: s.time, periods: empty.join(", ") }) : "";
  const table = buildSpatialTable({
    title: t(paneSpatial.tableTitle, { y: s.y }),
    fits,
    id: s.id,
    time: s.time,
    effects: [s.x[0]],
    options: { paren: options.paren, decimals: options.decimals },
    notes: [`W: ${s.weights}, row-standardised; ${fits[0].variantLabel}.`, ...(left ? [left] : [])],
  });
  const f = fits[0];
  const summary = t(paneSpatial.summary, { models: s.models.map((m) => MODEL_LABEL[m]).join(", "), n: f.n, T: f.T, N: f.n * f.T, weights: s.weights });
  return { kind: "spatial", table, summary: left ? `${summary} ${left}` : summary, charts: [moranData(frame, s, kept[kept.length - 1])] };
};

/** Moran scatter, LISA clusters and values of y in one period (the cross-section with the model's W). */
function moranData(frame: Frame, s: SpatialJobSpec, period: string): SpatialChartData {
  const { units, weights } = buildWeights(frame, { id: s.id, lat: s.lat, lon: s.lon, weights: s.weights });
  const tk = keyColumn(frame, s.time);
  const rows = tk.flatMap((k, i) => (k === period ? [i] : []));
  const label = `${s.y} (${s.time} ${period})`;
  const x = valuesByUnit(frame, units, s.y, rows, ` in ${s.time} ${period}`);
  const g = moranGlobal(x, weights.w, units.ids, label);
  const lisa = localMoran(x, weights.w, units.ids, label);
  const c = coordinatesOf(frame, units, s.lat, s.lon);
  // standardised z (the slope of Wz on z is scale-free: Moran's I for a row-standardised W)
  const { z, wz } = g.scatter;
  let ss = 0;
  for (const v of z) ss += v * v;
  const sd = Math.sqrt(ss / z.length) || 1;
  return {
    kind: "spatial",
    variable: s.y,
    period: `${s.time} ${period}`,
    ids: units.ids,
    lon: c.lon,
    lat: c.lat,
    value: x,
    z: z.map((v) => v / sd),
    wz: wz.map((v) => v / sd),
    slope: g.scatter.slope,
    moranI: g.I,
    moranZ: g.normality.z,
    moranP: g.normality.pTwoSided,
    cluster: lisa.cluster,
    weights: s.weights,
  };
}
