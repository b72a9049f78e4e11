/**
 * Mediation table (Baron-Kenny steps): (1) outcome on the key regressor and controls (total effect),
 * (2) the mediator on the same (a path), (3) the outcome on both (direct effect and b path), with the
 * Sobel z and its p-value in the last column.
 */
import { RegressionResult } from "../engine/models/result";
import { Diagnostic } from "../engine/stats/diagnostic";
import { ModelColumn } from "./column";
import { tableOptions } from "./options";
import { RegressionTableSpec, buildRegressionTable, defaultStats } from "./regression-table";
import { Table } from "./table";

export interface MediationTableSpec extends Omit<RegressionTableSpec, "columns"> {
  readonly total: RegressionResult;
  readonly aPath: RegressionResult;
  readonly outcome: RegressionResult;
  /** The Sobel test (Diagnostic name "sobel") and any other test of the indirect effect. */
  readonly indirect: readonly Diagnostic[];
  readonly indicators?: Readonly<Record<string, boolean | string>>;
}

export function buildMediationTable(spec: MediationTableSpec): Table {
  const { total, aPath, outcome, indirect, indicators, ...rest } = spec;
  const columns: ModelColumn[] = [
    { result: total, indicators },
    { result: aPath, indicators },
    { result: outcome, indicators, diagnostics: indirect },
  ];
  const o = tableOptions(spec.options);
  const stats = spec.stats ?? [...defaultStats(o.r2), ...indirect.map((d) => d.name)];
  return buildRegressionTable({ ...rest, columns, stats });
}
