/** `nqp lag`: panel lags (or leads, k < 0) by calendar period, Stata's L.x / F.x after xtset. */
import { keyColumn, numericColumn } from "../../engine/frame";
import { panelLag } from "../../engine/indices/lag";
import { panelIndex } from "../../engine/indices/panel-index";
import { CliError, getBool, getList, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatTable, toJson } from "../output";
import { REPLACE_FLAG, checkNewNames, checkOutFile, saveWithColumns } from "../out-file";

/** "L1_NQP" for k = 1, "F2_NQP" for k = -2 (the reference cases' names). */
export function lagName(col: string, k: number): string {
  return `${k >= 0 ? "L" : "F"}${Math.abs(k)}_${col}`;
}

export const command: CliCommand = {
  name: "lag",
  summary: "Panel lags/leads by calendar period (L1_x = x of the same id at t - 1; missing at the first period or a gap)",
  usage: "nqp lag --data FILE --cols A,B --id ID --time T [--k 1] [--name L1_A] [--out FILE.csv [--replace]] [--json]",
  flags: {
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX file, first row = column names" },
    cols: { type: "list", required: true, meta: "A,B", description: "columns to lag" },
    id: { type: "string", column: true, required: true, meta: "ID", description: "unit id column" },
    time: { type: "string", column: true, required: true, meta: "T", description: "period column (whole numbers)" },
    k: { type: "number", meta: "K", description: "periods back (default 1; negative = lead)" },
    name: { type: "string", meta: "NAME", description: "name of the new column when one column is lagged (default L<k>_<col>)" },
    out: { type: "string", meta: "FILE.csv", description: "write the input plus the lagged columns (blank where undefined) to this CSV" },
    replace: REPLACE_FLAG,
    json: { type: "boolean", description: "print one JSON object" },
  },
  details: [
    "JSON: {k, columns: {L1_A: [one per input row, null where undefined]}, missing: {L1_A: {missing_key, before_first, gap, missing_value}}}.",
    "Example (the instrument L1_NQP, added to nqp_er.csv of the nqp resilience example; iv, mediate, hetero and robust use nqp_paper.csv):",
    "  nqp lag --data nqp_er.csv --cols NQP --id city_id --time year --out nqp_paper.csv",
  ].join("\n"),
  async run(args, io) {
    const data = getString(args, "data")!;
    const cols = getList(args, "cols")!;
    const k = (args.flags.k as number | undefined) ?? 1;
    if (!Number.isInteger(k)) throw new CliError(`--k must be a whole number of periods; got ${k}.`);
    const given = getString(args, "name");
    if (given !== undefined && cols.length !== 1) throw new CliError(`--name names one new column, but --cols has ${cols.length}; leave --name out to get ${cols.map((c) => lagName(c, k)).join(", ")}.`);
    const names = given !== undefined ? [given] : cols.map((c) => lagName(c, k));
    const out = getString(args, "out");
    const outPath = out === undefined ? undefined : checkOutFile(out, { inputs: [data], replace: getBool(args, "replace"), extensions: [".csv"], cwd: io.cwd });
    const frame = await readDataFile(data, io.cwd);
    checkNewNames(names, outPath ? frame.names : [], data, "--name");
    const panel = panelIndex(keyColumn(frame, getString(args, "id")!), numericColumn(frame, getString(args, "time")!));
    const lags = cols.map((c) => panelLag(numericColumn(frame, c), panel, k));
    if (outPath) await saveWithColumns(data, outPath, lags.map((l, j) => ({ name: names[j], values: l.values })), io.cwd);
    if (getBool(args, "json")) {
      io.out(
        toJson({
          k,
          columns: Object.fromEntries(lags.map((l, j) => [names[j], l.values])),
          missing: Object.fromEntries(lags.map((l, j) => [names[j], { missing_key: l.missing.missingKey, before_first: l.missing.beforeFirst, gap: l.missing.gap, missing_value: l.missing.missingValue }])),
        }) + "\n",
      );
      return 0;
    }
    const defined = (v: Float64Array) => v.reduce((s, x) => s + (Number.isNaN(x) ? 0 : 1), 0);
    io.out(
      formatTable(
        ["column", "defined", "missing id/time", "first period(s)", "gap", "missing value"],
        lags.map((l, j) => [names[j], defined(l.values), l.missing.missingKey, l.missing.beforeFirst, l.missing.gap, l.missing.missingValue]),
      ),
    );
    io.out(`Rows: ${frame.nrow}. ` + (outPath ? `Wrote ${data} plus ${names.join(", ")} to ${out}.\n` : "Use --out FILE.csv to save the lags beside the data, or --json for every row.\n"));
    return 0;
  },
};
