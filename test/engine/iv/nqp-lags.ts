/**
 * nqp_cities rows with the reference NQP and ER columns (test/support/reference.ts) plus L1_NQP and L2_NQP:
 * NQP of the same city in the previous calendar year(s), by the index engine's panel lag (the rule of
 * test/reference/README.md: missing when that row or its score is missing).
 */
import { Cell, Frame, frameFromCells, keyColumn, numericColumn } from "../../../src/engine/frame";
import { lagByPanel } from "../../../src/engine/indices/lag";
import { withNumericColumn } from "../../../src/engine/models/spec-frame";
import { nqpCitiesWithIndices } from "../../support/reference";

export function nqpFrameWithLags(): Frame {
  let f = frameFromCells(nqpCitiesWithIndices());
  const id = keyColumn(f, "city_id");
  const year = numericColumn(f, "year");
  const nqp = numericColumn(f, "NQP");
  f = withNumericColumn(f, "L1_NQP", lagByPanel(nqp, id, year, 1).values);
  f = withNumericColumn(f, "L2_NQP", lagByPanel(nqp, id, year, 2).values);
  return f;
}

/** The same table as rows of cells (header first), e.g. to write a CSV for the CLI. */
export function nqpRowsWithLags(): Cell[][] {
  const f = nqpFrameWithLags();
  const base = nqpCitiesWithIndices();
  const l1 = numericColumn(f, "L1_NQP");
  const l2 = numericColumn(f, "L2_NQP");
  const fmt = (v: number) => (Number.isNaN(v) ? "" : String(v));
  return base.map((r, i) => (i === 0 ? [...r, "L1_NQP", "L2_NQP"] : [...r, fmt(l1[i - 1]), fmt(l2[i - 1])]));
}
