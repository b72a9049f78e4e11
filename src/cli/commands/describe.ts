/** `nqp describe`: N, mean, SD, min, max per column (the papers' Table 2). */
import { numericColumn } from "../../engine/frame";
import { describeColumns, validateDescribeSample } from "../../engine/stats/describe";
import { getBool, getList, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatTable, toJson } from "../output";

export const command: CliCommand = {
  name: "describe",
  summary: "Descriptive statistics: N, mean, SD (n - 1), min, max per column",
  usage: "nqp describe --data FILE --cols A,B [--sample pairwise|listwise] [--json]",
  flags: {
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX file, first row = column names" },
    cols: { type: "list", required: true, meta: "A,B", description: "columns to describe" },
    sample: { type: "string", values: ["pairwise", "listwise"], description: "each column's own rows (default) or rows complete on all columns" },
    json: { type: "boolean", description: "print one JSON object" },
  },
  details: "JSON: {sample, n_listwise (listwise only), stats: {col: {n, mean, sd, min, max}}}.",
  async run(args, io) {
    const frame = await readDataFile(getString(args, "data")!, io.cwd);
    const cols = getList(args, "cols")!;
    const sample = args.flags.sample === undefined ? "pairwise" : validateDescribeSample(String(args.flags.sample));
    const r = describeColumns(cols.map((c) => numericColumn(frame, c)), cols, sample);
    if (getBool(args, "json")) {
      io.out(
        toJson({
          sample,
          ...(sample === "listwise" ? { n_listwise: r.nListwise } : {}),
          stats: Object.fromEntries(cols.map((c, j) => [c, r.stats[j]])),
        }) + "\n",
      );
      return 0;
    }
    io.out(formatTable(["variable", "N", "mean", "SD", "min", "max"], cols.map((c, j) => [c, r.stats[j].n, r.stats[j].mean, r.stats[j].sd, r.stats[j].min, r.stats[j].max])));
    return 0;
  },
};
