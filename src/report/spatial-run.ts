/**
 * Runs a "spatial" table spec: one weights matrix and panel (spatialContext), one design, then each
 * model of the spec on them (fitSpatialModel), laid out by buildSpatialTable.
 */
import { Column, Frame } from "../engine/frame";
import { spatialDesign } from "../engine/spatial/design";
import { SpatialFit, fitSpatialModel, spatialContext } from "../engine/spatial/fit";
import { rowsWhere } from "./run-spec";
import { RegressionLayout, TableSpecBase } from "./spec";
import { SpatialTableFields } from "./spatial-spec";
import { buildSpatialTable } from "./spatial-table";
import { Table } from "./table";

/** The frame of the given data rows (ascending), every column kept. */
function frameRows(frame: Frame, rows: Int32Array): Frame {
  const columns = new Map<string, Column>();
  for (const name of frame.names) {
    const c = frame.columns.get(name)!;
    const numbers = Float64Array.from(rows, (r) => c.numbers[r]);
    const text = c.text ? Array.from(rows, (r) => c.text![r]) : null;
    let nMissing = 0, firstTextRow = -1;
    rows.forEach((_, i) => {
      const missing = text ? text[i] === null : Number.isNaN(numbers[i]);
      if (missing) nMissing++;
      else if (firstTextRow < 0 && Number.isNaN(numbers[i])) firstTextRow = i;
    });
    columns.set(name, { name, numbers, text, firstTextRow, nMissing });
  }
  return { nrow: rows.length, names: frame.names, columns };
}

/** The fits of a spatial table spec, in the order of its models (default SAR, SEM, SDM). */
export function spatialFitsFor(data: Frame, spec: SpatialTableFields): SpatialFit[] {
  const m = spec.model;
  const rows = rowsWhere(data, m.where);
  const frame = rows ? frameRows(data, rows) : data;
  const ctx = spatialContext(frame, m);
  const variant = m.variant ?? "leeyu";
  const d = spatialDesign(ctx.panel, ctx.weights, m.y, m.x, variant);
  return (spec.models ?? ["sar", "sem", "sdm"]).map((model) => fitSpatialModel(ctx, { ...m, model, variant }, d));
}

export function runSpatialTable(frame: Frame, spec: TableSpecBase & RegressionLayout & SpatialTableFields): Table {
  const { kind: _k, model, models: _m, effects, sheet: _s, ...layout } = spec;
  return buildSpatialTable({ ...layout, fits: spatialFitsFor(frame, spec), id: model.id, time: model.time, effects });
}
