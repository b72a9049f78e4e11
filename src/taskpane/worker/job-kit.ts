/** Shared pieces of the job runners: the context a job gets and the numeric-variable check. */
import { Frame, getColumn, numericColumn } from "../../engine/frame";
import { InputError } from "../../engine/frame/errors";
import type { RunControl } from "../../engine/resample/control";
import type { JobOutput, JobSpec, PaneTableOptions } from "./protocol";

export interface JobContext {
  readonly frame: Frame;
  readonly options: PaneTableOptions;
  readonly control: RunControl;
}

export type JobRunner<S extends JobSpec = JobSpec> = (spec: S, ctx: JobContext) => Promise<JobOutput>;

/** Checks that a variable exists and is numeric, with a message naming the role, the column and the row. */
export function requireNumeric(frame: Frame, name: string, role: string): Float64Array {
  if (!name) throw new InputError(`Choose the ${role}.`);
  const col = getColumn(frame, name);
  if (col.firstTextRow >= 0) {
    let nText = 0;
    for (let i = 0; i < frame.nrow; i++) if (col.text?.[i] !== null && Number.isNaN(col.numbers[i])) nText++;
    throw new InputError(
      `The ${role} "${name}" must be numeric, but ${nText} of its ${frame.nrow} rows hold text ` +
        `(first at data row ${col.firstTextRow + 1}: "${col.text?.[col.firstTextRow]}"). ` +
        `Choose a numeric variable, or fix those cells (blank, NA and #N/A count as missing).`,
    );
  }
  return numericColumn(frame, name);
}
