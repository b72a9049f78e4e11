/**
 * Bench: cluster bootstrap of the indirect effect on nqp_cities (3,124 rows; common sample 2,840,
 * 284 clusters, city + year FE), 500 replications, target < 10 s. The bootstrap is asynchronous
 * (it yields to the event loop for progress and cancellation), so this is a standalone script rather
 * than a bench/run.ts case: `npx tsx bench/cases/bootstrap.ts` prints one JSON line
 * {"case", "reps", "n", "seconds", "cpu_seconds"}; the CPU time excludes waiting for a busy core.
 */
import { frameFromCells } from "../../src/engine/frame";
import { bootstrapIndirect } from "../../src/engine/models/mediation-bootstrap";
import { completeRows } from "../../src/engine/models/spec-frame";
import { nqpCitiesWithIndices } from "../../test/support/reference";

export const REPS = 500;

export async function measureBootstrap(): Promise<{ case: string; reps: number; n: number; seconds: number; cpu_seconds: number; progress_reports: number }> {
  const frame = frameFromCells(nqpCitiesWithIndices());
  const controls = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
  const rows = completeRows(frame, undefined, ["ER", "NQP", "DI", ...controls], ["city_id", "year"]);
  let reports = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await bootstrapIndirect(
    frame,
    { y: "ER", treat: "NQP", mediator: "DI", controls, fe: ["city_id", "year"], cluster: "city_id", rows, reps: REPS, seed: 20261122 },
    { onProgress: () => reports++, progressEvery: 25 },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  return { case: "bootstrap_mediation_500", reps: REPS, n: rows.length, seconds, cpu_seconds: (cu.user + cu.system) / 1e6, progress_reports: reports };
}

if (require.main === module) {
  measureBootstrap().then((m) => console.log(JSON.stringify(m)));
}
