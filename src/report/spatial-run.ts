/**
 * Runs a "spatial" table spec: one weights matrix and panel (spatialContext), one design, then each
 * model of the spec on them (fitSpatialModel), laid out by buildSpatialTable.
 */
import { Frame } from "../engine/frame";
import { spatialDesign } from "../engine/spatial/design";
import { SpatialFit, fitSpatialModel, spatialContext } from "../engine/spatial/fit";
import { RegressionLayout, TableSpecBase } from "./spec";
import { SpatialTableFields } from "./spatial-spec";
import { buildSpatialTable } from "./spatial-table";
import { Table } from "./table";

/** The fits of a spatial table spec, in the order of its models (default SAR, SEM, SDM). */
export function spatialFitsFor(frame: Frame, spec: SpatialTableFields): SpatialFit[] {
  const m = spec.model;
  const ctx = spatialContext(frame, m);
  const variant = m.variant ?? "leeyu";
  const d = spatialDesign(ctx.panel, ctx.weights, m.y, m.x, variant);
  return (spec.models ?? ["sar", "sem", "sdm"]).map((model) => fitSpatialModel(ctx, { ...m, model, variant }, d));
}

export function runSpatialTable(frame: Frame, spec: TableSpecBase & RegressionLayout & SpatialTableFields): Table {
  const { kind: _k, model, models: _m, effects, sheet: _s, ...layout } = spec;
  return buildSpatialTable({ ...layout, fits: spatialFitsFor(frame, spec), id: model.id, time: model.time, effects });
}
