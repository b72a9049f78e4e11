/**
 * One model column of a regression-style table: the result record plus what the table shows about it
 * beyond the estimates (dependent-variable label, group header, indicator rows, extra diagnostics).
 */
import { RegressionResult } from "../engine/models/result";
import { Diagnostic } from "../engine/stats/diagnostic";

export interface ModelColumn {
  readonly result: RegressionResult;
  /** Shown under the column number; default: the label of result.depVar. */
  readonly depLabel?: string;
  /** Group header above the number (adjacent equal groups are merged), e.g. "Hu Line". */
  readonly group?: string;
  /** A line under the group, e.g. "Eastern". */
  readonly subtitle?: string;
  /** Indicator rows for this column, e.g. { "Controls": true, "Sample": "<= 2019" }. */
  readonly indicators?: Readonly<Record<string, boolean | string>>;
  /** Diagnostics shown in this column besides result.diagnostics (IV first-stage KP, Sobel...). */
  readonly diagnostics?: readonly Diagnostic[];
  /** Named scalar values for statistic rows that are not diagnostics (e.g. { mean_y: 0.12 }). */
  readonly values?: Readonly<Record<string, number>>;
}

/** The diagnostic named `name` of a column: its own list first, then the result's. */
export function findDiagnostic(col: ModelColumn, name: string): Diagnostic | undefined {
  return col.diagnostics?.find((d) => d.name === name) ?? col.result.diagnostics.find((d) => d.name === name);
}
