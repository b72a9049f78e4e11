/**
 * Bench: Fisher permutation test of the NQP coefficient difference between the hu_east groups of
 * nqp_cities (city + year FE, whole cities permuted), 500 replications, target < 10 s. Standalone
 * (the test is asynchronous): `npx tsx bench/cases/permutation.ts` prints one JSON line
 * {"case", "reps", "n", "seconds", "cpu_seconds"}.
 */
import { frameFromCells } from "../../src/engine/frame";
import { heterogeneity } from "../../src/engine/models/heterogeneity";
import { LinearSpec } from "../../src/engine/models/linear";
import { permutationTest } from "../../src/engine/models/permutation";
import { nqpCitiesWithIndices } from "../../test/support/reference";

export const REPS = 500;

export async function measurePermutation(): Promise<{ case: string; reps: number; n: number; seconds: number; cpu_seconds: number; progress_reports: number }> {
  const frame = frameFromCells(nqpCitiesWithIndices());
  const spec: LinearSpec = { y: "ER", x: ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"], fe: ["city_id", "year"], cluster: ["city_id"] };
  const h = heterogeneity(frame, spec, { column: "hu_east" });
  let reports = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await permutationTest(frame, spec, [h.groups[0].result, h.groups[1].result], { reps: REPS, seed: 20261122 }, { onProgress: () => reports++, progressEvery: 25 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  return { case: "permutation_hu_east_500", reps: REPS, n: h.groups[0].result.n + h.groups[1].result.n, seconds, cpu_seconds: (cu.user + cu.system) / 1e6, progress_reports: reports };
}

if (require.main === module) {
  measurePermutation().then((m) => console.log(JSON.stringify(m)));
}
