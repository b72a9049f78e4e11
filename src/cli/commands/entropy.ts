/** `nqp entropy`: entropy-weight composite index over columns of a CSV/XLSX file. */
import { keyColumn, numericColumn } from "../../engine/frame";
import { encodeKeys } from "../../engine/frame/codes";
import { entropyIndex, validateEntropyMethod } from "../../engine/indices/entropy";
import { CliError, getBool, getList, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatTable, keyed, toJson } from "../output";
import { extent } from "../../engine/stats/extent";
import { REPLACE_FLAG, checkNewNames, checkOutFile, saveWithColumns } from "../out-file";

export const command: CliCommand = {
  name: "entropy",
  summary: "Entropy-weight composite index (e.g. NQP): weights, entropy, divergence, score per row",
  usage: "nqp entropy --data FILE --cols A,B,C [--negative B] [--method minmax|shift] [--shift 0.0001] [--by COL] [--drop-constant] [--name NQP --out FILE.csv [--replace]] [--json]",
  flags: {
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX file, first row = column names" },
    cols: { type: "list", required: true, meta: "A,B,C", description: "indicator columns" },
    negative: { type: "list", meta: "B,...", description: "indicators with negative (cost) direction" },
    method: { type: "string", values: ["minmax", "shift"], description: "minmax: 0 ln 0 = 0 (default); shift: add --shift after normalising" },
    shift: { type: "number", meta: "S", description: "constant of method shift (default 0.0001)" },
    by: { type: "string", column: true, meta: "COL", description: "compute the weights within each group of COL (default pooled)" },
    "drop-constant": { type: "boolean", description: "drop constant indicators instead of failing" },
    name: { type: "string", meta: "NAME", description: "name of the score column in --out (default index)" },
    out: { type: "string", meta: "FILE.csv", description: "write the input plus the score column (blank where no score) to this CSV" },
    replace: REPLACE_FLAG,
    json: { type: "boolean", description: "print one JSON object" },
  },
  details:
    "JSON: {n_used, n_rows, weights{col: w}, e{...}, d{...}, scores[one per input row, null where no score]}.\n" +
    "With --by, weights/e/d are objects keyed by group: {group: {col: w}}.\n" +
    "Example (the NQP index of the bundled panel: its 28 indicators, energy intensity a cost):\n" +
    "  nqp entropy --data data/nqp_panel.csv --cols gdp_pc-road_area_pc --negative energy_intensity --name NQP --out nqp_scores.csv",
  async run(args, io) {
    const data = getString(args, "data")!;
    const out = getString(args, "out");
    const name = getString(args, "name") ?? "index";
    const outPath = out === undefined ? undefined : checkOutFile(out, { inputs: [data], replace: getBool(args, "replace"), extensions: [".csv"], cwd: io.cwd });
    const frame = await readDataFile(data, io.cwd);
    if (outPath) checkNewNames([name], frame.names, data, "--name");
    const cols = getList(args, "cols")!;
    const negative = getList(args, "negative") ?? [];
    for (const n of negative) {
      if (!cols.includes(n)) throw new CliError(`--negative names "${n}", which is not among --cols (${cols.join(", ")}).`);
    }
    const by = getString(args, "by");
    const groups = by ? encodeKeys(keyColumn(frame, by)) : undefined;
    const r = entropyIndex(
      cols.map((c) => numericColumn(frame, c)),
      cols,
      {
        directions: cols.map((c) => (negative.includes(c) ? -1 : 1)),
        method: args.flags.method === undefined ? undefined : validateEntropyMethod(String(args.flags.method)),
        shift: args.flags.shift as number | undefined,
        dropConstant: getBool(args, "drop-constant"),
        groups,
      },
    );
    const perFit = (pick: (f: (typeof r.fits)[number]) => Float64Array) =>
      groups ? Object.fromEntries(r.fits.map((f) => [f.group, keyed(cols, pick(f))])) : keyed(cols, pick(r.fits[0]));
    if (outPath) await saveWithColumns(data, outPath, [{ name, values: r.scores }], io.cwd);
    if (getBool(args, "json")) {
      io.out(
        toJson({
          n_used: r.nUsed,
          n_rows: r.nRows,
          n_missing_indicator: r.nMissingIndicator,
          ...(groups ? { n_missing_group: r.nMissingGroup } : {}),
          method: r.method,
          ...(r.method === "shift" ? { shift: r.shift } : {}),
          dropped: r.dropped,
          weights: perFit((f) => f.weights),
          e: perFit((f) => f.e),
          d: perFit((f) => f.d),
          scores: r.scores,
        }) + "\n",
      );
      return 0;
    }
    for (const f of r.fits) {
      if (f.group !== null) io.out(`\nGroup ${by} = ${f.group} (${f.nUsed} rows)\n`);
      io.out(formatTable(["indicator", "e", "d", "w"], cols.map((c, j) => [c, f.e[j], f.d[j], f.weights[j]])));
    }
    const noGroup = groups ? `, ${r.nMissingGroup} with a missing ${by}` : "";
    io.out(`Rows used: ${r.nUsed} of ${r.nRows} (${r.nMissingIndicator} with a missing indicator${noGroup} get no score).\n`);
    if (r.dropped.length) io.out(`Dropped as constant: ${r.dropped.join(", ")}.\n`);
    const sc = extent(r.scores);
    io.out(`Scores: min ${formatNumber(sc.min)}, max ${formatNumber(sc.max)}.\n`);
    io.out(outPath ? `Wrote ${data} plus the column ${name} to ${out}.\n` : "Use --out FILE.csv to save the scores as a column beside the data, or --json for every row's score.\n");
    return 0;
  },
};
