/**
 * The index builders' scores as a sheet of their own ("Write scores"): the panel id and time columns as
 * they are in the data, then the score column(s), row-aligned with the loaded data, and a note saying
 * how many rows are blank and why.
 */
import type { Frame } from "../../engine/frame";
import type { EntropyResult } from "../../engine/indices/entropy";
import type { ResilienceReason, ResilienceResult } from "../../engine/indices/resilience";
import type { ScoreSheet } from "./protocol";

type KeyColumn = ScoreSheet["keys"][number];

/** A data column as written: its text where it holds text, else its numbers (missing = null). */
function keyColumn(frame: Frame, name: string): KeyColumn | null {
  const col = frame.columns.get(name);
  if (!col) return null;
  const values: (string | number | null)[] = new Array(frame.nrow);
  for (let i = 0; i < frame.nrow; i++) {
    const t = col.text?.[i];
    const x = col.numbers[i];
    values[i] = !Number.isNaN(x) ? x : t ?? null;
  }
  return { name, values };
}

export function keysOf(frame: Frame, names: readonly (string | undefined)[]): KeyColumn[] {
  const keys = names.flatMap((n) => (n ? [keyColumn(frame, n)].filter((k): k is KeyColumn => k !== null) : []));
  if (keys.length) return keys;
  return [{ name: "Data row", values: Array.from({ length: frame.nrow }, (_, i) => i + 1) }];
}

/** Total score, then one sub-index per layer (named `<outName>_<layer>`). */
export function entropyScoreSheet(res: EntropyResult, frame: Frame, outName: string, id?: string, time?: string): ScoreSheet {
  const scores = [{ name: outName, values: res.scores }, ...res.layers.map((l) => ({ name: `${outName}_${l.label}`, values: l.scores }))];
  const blankRows = res.nRows - res.nUsed;
  const why = [
    res.nMissingIndicator ? `${res.nMissingIndicator} lack an indicator value` : "",
    res.nMissingGroup ? `${res.nMissingGroup} have no group` : "",
  ].filter(Boolean);
  return {
    sheetName: `${outName} scores`,
    keys: keysOf(frame, [id, time]),
    scores,
    blankRows,
    note: blankRows ? `${blankRows} of ${res.nRows} rows are blank: ${why.join("; ")}.` : `All ${res.nRows} rows are scored.`,
  };
}

const REASON_WORDS: Record<ResilienceReason, string> = {
  missing_key: "id or time missing",
  first_period: "first period of the unit",
  gap: "previous period absent",
  missing_value: "level missing in this or the previous period",
  zero_base: "level 0 in the previous period",
  negative_base: "negative level in the previous period",
  national_undefined: "national growth undefined",
  national_zero: "national growth 0",
};

/** Unit growth g, national growth G and the index, with the blank rows counted by reason. */
export function resilienceScoreSheet(res: ResilienceResult, frame: Frame, outName: string, id: string, time: string): ScoreSheet {
  const why = (Object.keys(res.missingBy) as ResilienceReason[]).filter((r) => res.missingBy[r] > 0).map((r) => `${res.missingBy[r]} ${REASON_WORDS[r] ?? r}`);
  return {
    sheetName: `${outName} scores`,
    keys: keysOf(frame, [id, time]),
    scores: [
      { name: "g", values: res.g },
      { name: "G", values: res.G },
      { name: outName, values: res.values },
    ],
    blankRows: res.nMissing,
    note: res.nMissing ? `${res.nMissing} of ${frame.nrow} rows have no ${outName}: ${why.join("; ")}.` : `${outName} is defined on all ${frame.nrow} rows.`,
  };
}
