/** `nqp weights`: build a spatial weights matrix from the data and print its summary. */
import { buildWeights } from "../../engine/spatial/build";
import { summariseWeights } from "../../engine/spatial/summary";
import { DATA_FLAG, getBool, getString, JSON_FLAG, ParsedArgs } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, toJson } from "../output";
import { weightsJson, weightsRequest, WEIGHTS_FLAGS } from "../spatial-args";

export const command: CliCommand = {
  name: "weights",
  summary: "Spatial weights from coordinates (knn, inverse distance, exp decay), a variable or a matrix file: summary.",
  usage: "nqp weights --data FILE --id ID [--lat LAT --lon LON] --weights knn:5|idw:2[,CUTOFF_KM]|exp:D0|econ:VAR|file:W.csv [--style row|spectral|minmax|none] [--json]",
  flags: { data: DATA_FLAG, ...WEIGHTS_FLAGS, json: JSON_FLAG },
  details: ["Example (bundled sample):", "  nqp weights --data data/nqp_panel.csv --id city_id --lat lat --lon lon --weights idw:1,150"].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const { weights } = buildWeights(frame, await weightsRequest(a, io));
    const s = summariseWeights(weights);
    if (getBool(a, "json")) io.out(toJson(weightsJson(s)) + "\n");
    else
      io.out(
        [
          `Spatial weights ${s.spec} (${s.style}-standardised): ${s.n} units, ${s.links} links`,
          `Neighbours per unit: min ${s.neighbours.min}, mean ${formatNumber(s.neighbours.mean)}, max ${s.neighbours.max}`,
          `Islands (no neighbour): ${s.islands.length === 0 ? "none" : `${s.islands.length}: ${s.islands.join(", ")}`}`,
          `Asymmetric links: ${s.asymmetricLinks}${s.structurallySymmetric ? " (structurally symmetric)" : ""}`,
          `S0 = ${formatNumber(s.constants.S0)}  S1 = ${formatNumber(s.constants.S1)}  S2 = ${formatNumber(s.constants.S2)}`,
          "",
        ].join("\n"),
      );
    return 0;
  },
};
