/** `nqp describe`: N, mean, SD, min, max per column (the papers' Table 2). */
import { numericColumn } from "../../engine/frame";
import { correlationMatrix, describeColumns, validateDescribeSample, varianceInflation } from "../../engine/stats/describe";
import { getBool, getList, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatTable, keyed, toJson } from "../output";

export const command: CliCommand = {
  name: "describe",
  summary: "Descriptive statistics: N, mean, SD (n - 1), min, max per column",
  usage: "nqp describe --data FILE --cols A,B [--sample pairwise|listwise] [--output stats|corr|vif] [--json]",
  flags: {
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX file, first row = column names" },
    cols: { type: "list", required: true, meta: "A,B", description: "columns to describe" },
    sample: { type: "string", values: ["pairwise", "listwise"], description: "each column's own rows (default) or rows complete on all columns" },
    output: {
      type: "string",
      values: ["stats", "corr", "vif"],
      description: "stats (default); corr: Pearson correlations; vif: VIF of each column given the others (both on rows complete on all columns)",
    },
    json: { type: "boolean", description: "print one JSON object" },
  },
  details:
    "JSON: stats: {sample, n_listwise (listwise only), stats: {col: {n, mean, sd, min, max}}};\n" +
    "corr: {n, corr: {col: {col: r}}}; vif: {n, vif: {col: v}}.\n" +
    "Example (the controls and mediators of the bundled panel):\n" +
    "  nqp describe --data data/nqp_panel.csv --cols GDP-UR --sample listwise",
  async run(args, io) {
    const frame = await readDataFile(getString(args, "data")!, io.cwd);
    const cols = getList(args, "cols")!;
    const output = getString(args, "output") ?? "stats";
    const json = getBool(args, "json");
    const columns = cols.map((c) => numericColumn(frame, c));
    if (output === "corr") {
      const { r, n } = correlationMatrix(columns);
      const k = cols.length;
      const row = (a: number) => cols.map((_, b) => r[a * k + b]);
      if (json) io.out(toJson({ n, corr: Object.fromEntries(cols.map((c, a) => [c, keyed(cols, row(a))])) }) + "\n");
      else io.out(formatTable(["", ...cols], cols.map((c, a) => [c, ...row(a)])) + `N = ${n} of ${frame.nrow} rows (complete on every column)\n`);
      return 0;
    }
    if (output === "vif") {
      const { vif, n } = varianceInflation(columns, cols);
      if (json) io.out(toJson({ n, vif: keyed(cols, vif) }) + "\n");
      else io.out(formatTable(["variable", "VIF"], cols.map((c, j) => [c, vif[j]])) + `N = ${n} of ${frame.nrow} rows (complete on every column)\n`);
      return 0;
    }
    const sample = args.flags.sample === undefined ? "pairwise" : validateDescribeSample(String(args.flags.sample));
    const r = describeColumns(columns, cols, sample);
    if (json) {
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
    io.out(
      sample === "listwise"
        ? `Listwise: ${r.nListwise} of ${frame.nrow} rows complete on every column.\n`
        : `Pairwise: each column over its own non-missing rows, of ${frame.nrow}.\n`,
    );
    return 0;
  },
};
