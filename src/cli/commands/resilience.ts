/** `nqp resilience`: Martin-Sunley resilience (sensitivity index) per row of a panel file. */
import { keyColumn, numericColumn } from "../../engine/frame";
import { RESILIENCE_REASONS, martinResilience, validateResilienceMethod } from "../../engine/indices/resilience";
import { getBool, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatTable, toJson } from "../output";
import { REPLACE_FLAG, checkNewNames, checkOutFile, saveWithColumns } from "../out-file";

export const command: CliCommand = {
  name: "resilience",
  summary: "Martin-Sunley economic resilience (g - G)/|G| per id and period",
  usage: "nqp resilience --data FILE --id ID --time T --value V [--national COL] [--method sensitivity|difference] [--name ER --out FILE.csv [--replace]] [--json]",
  flags: {
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX file, first row = column names" },
    id: { type: "string", column: true, required: true, meta: "ID", description: "unit id column" },
    time: { type: "string", column: true, required: true, meta: "T", description: "period column (calendar years; previous period = T - 1)" },
    value: { type: "string", column: true, required: true, meta: "V", description: "level whose growth is measured (e.g. gdp_pc)" },
    national: { type: "string", column: true, meta: "COL", description: "national level per row (default: total of V over ids present in both periods)" },
    method: { type: "string", values: ["sensitivity", "difference"], description: "(g - G)/|G| (default) or g - G" },
    name: { type: "string", meta: "NAME", description: "name of the resilience column in --out (default resilience)" },
    out: { type: "string", meta: "FILE.csv", description: "write the input plus the resilience column (blank where undefined) to this CSV" },
    replace: REPLACE_FLAG,
    json: { type: "boolean", description: "print one JSON object" },
  },
  details: [
    "JSON: {values[one per input row, null where undefined], n_missing, missing_by{reason: count}, national_growth{period: G}}.",
    "Example (ER of the papers from GDP per capita and its national level, added to nqp_scores.csv of the nqp entropy example):",
    "  nqp resilience --data nqp_scores.csv --id city_id --time year --value gdp_pc --national national_gdp_pc --name ER --out nqp_er.csv",
  ].join("\n"),
  async run(args, io) {
    const data = getString(args, "data")!;
    const out = getString(args, "out");
    const name = getString(args, "name") ?? "resilience";
    const outPath = out === undefined ? undefined : checkOutFile(out, { inputs: [data], replace: getBool(args, "replace"), extensions: [".csv"], cwd: io.cwd });
    const frame = await readDataFile(data, io.cwd);
    if (outPath) checkNewNames([name], frame.names, data, "--name");
    const national = getString(args, "national");
    const r = martinResilience({
      value: numericColumn(frame, getString(args, "value")!),
      id: keyColumn(frame, getString(args, "id")!),
      time: numericColumn(frame, getString(args, "time")!),
      national: national ? numericColumn(frame, national) : undefined,
      method: args.flags.method === undefined ? undefined : validateResilienceMethod(String(args.flags.method)),
    });
    if (outPath) await saveWithColumns(data, outPath, [{ name, values: r.values }], io.cwd);
    if (getBool(args, "json")) {
      io.out(
        toJson({
          method: r.method,
          national_source: r.nationalSource,
          values: r.values,
          n_missing: r.nMissing,
          missing_by: r.missingBy,
          national_growth: Object.fromEntries(r.nationalGrowth.map((x) => [String(x.time), x.G])),
        }) + "\n",
      );
      return 0;
    }
    io.out(formatTable(["period", "G"], r.nationalGrowth.map((x) => [String(x.time), x.G])));
    io.out(`Defined: ${r.values.length - r.nMissing} of ${r.values.length} rows. Undefined by reason:\n`);
    for (const reason of RESILIENCE_REASONS) if (r.missingBy[reason] > 0) io.out(`  ${reason}: ${r.missingBy[reason]}\n`);
    io.out(outPath ? `Wrote ${data} plus the column ${name} to ${out}.\n` : "Use --out FILE.csv to save the values as a column beside the data, or --json for every row's value.\n");
    return 0;
  },
};
