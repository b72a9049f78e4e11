/** `nqp moran`: global and local Moran's I of one variable (per period with --time). */
import { moranOnFrame } from "../../engine/spatial/moran-frame";
import { DATA_FLAG, getBool, getString, JSON_FLAG, ParsedArgs } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, toJson } from "../output";
import { moranJson, weightsRequest, WEIGHTS_FLAGS } from "../spatial-args";

export const command: CliCommand = {
  name: "moran",
  summary: "Moran's I (global: randomisation, normality, seeded permutation; local LISA with HH/LL/HL/LH clusters), per period with --time.",
  usage: "nqp moran --data FILE --var V --id ID --lat LAT --lon LON --weights SPEC [--time T] [--alpha 0.05] [--nsim 999 --seed 1] [--json]",
  flags: {
    data: DATA_FLAG,
    var: { type: "string", meta: "V", required: true, description: "the variable" },
    ...WEIGHTS_FLAGS,
    time: { type: "string", meta: "T", description: "period column: one Moran's I per period (panel)" },
    alpha: { type: "number", description: "significance level of the LISA cluster labels (default 0.05)" },
    nsim: { type: "number", description: "permutations for the permutation p-value (default none)" },
    seed: { type: "number", description: "seed of the permutations (default 12345)" },
    json: JSON_FLAG,
  },
  details: ["Example (bundled sample, one result per year):", "  nqp moran --data data/nqp_panel.csv --var GDP --id city_id --lat lat --lon lon --weights knn:5 --time year"].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const req = await weightsRequest(a, io);
    const r = moranOnFrame(frame, { ...req, variable: getString(a, "var")!, time: getString(a, "time"), alpha: a.flags.alpha as number | undefined, nsim: a.flags.nsim as number | undefined, seed: a.flags.seed as number | undefined });
    if (getBool(a, "json")) {
      io.out(toJson(moranJson(r)) + "\n");
      return 0;
    }
    const rows = r.results.map((p) => [p.period || r.variable, p.global.I, p.global.expectation, p.global.randomisation.z, formatP(p.global.randomisation.pGreater), p.global.normality.z, formatP(p.global.normality.pGreater), ...(p.global.permutation ? [formatP(p.global.permutation.p)] : []), p.local.clusterCounts.HH, p.local.clusterCounts.LL, p.local.clusterCounts.HL, p.local.clusterCounts.LH]);
    const perm = r.results[0].global.permutation;
    io.out(
      `Moran's I of ${r.variable}, W = ${r.weights.raw.spec} (${r.weights.style}); p one-sided (greater); clusters at alpha = ${formatNumber(r.results[0].local.alpha)}\n\n` +
        formatTable(["", "I", "E[I]", "z (rand.)", "p", "z (norm.)", "p", ...(perm ? [`p perm (${perm.nsim})`] : []), "HH", "LL", "HL", "LH"], rows),
    );
    return 0;
  },
};
