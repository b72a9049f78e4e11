/**
 * Bench case `read_csv_1e6`: `nqp`'s reader of delimited files (readDelimitedFrame, the streaming pass
 * into typed columns) on a 68 MB CSV of 1e6 rows: 100,000 ids x 10 years, y and 5 regressors printed
 * with 6 decimals, as the issue-17 panel. The file is generated seeded into the temp directory by setup
 * (untimed, written in blocks so the generator adds little to the peak) and kept for the peers:
 * `npx tsx bench/cases/read-csv.ts` prints its path (writing it if absent), and
 * `Rscript bench/peers/fread.R <path>` times data.table::fread on it (see docs/benchmarks.md).
 * Goal: <= 1 s and peak memory above the process's baseline <= 2.5x the numeric data (8 x 8 MB).
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDelimitedFrame } from "../../src/cli/typed-csv";
import type { BenchCase } from "../run";
import { xorshift32 } from "./xorshift";

export const IDS = 100_000;
export const YEARS = 10;
export const REGRESSORS = 5;
export const PANEL_CSV = join(tmpdir(), `nqp-bench-panel-${IDS * YEARS}.csv`);

/** Writes the panel (same bytes every time: xorshift32, seed 17) unless the file is already there. */
export function writePanelCsv(path = PANEL_CSV): string {
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = xorshift32(17);
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `id,year,y,${Array.from({ length: REGRESSORS }, (_, j) => `x${j + 1}`).join(",")}\n`);
    let block = "";
    for (let id = 1; id <= IDS; id++) {
      const effect = rand() - 0.5;
      for (let t = 0; t < YEARS; t++) {
        const x = Array.from({ length: REGRESSORS }, () => rand() * 2 - 1 + 0.3 * effect);
        let y = effect + 0.05 * t + (rand() - 0.5);
        for (let j = 0; j < REGRESSORS; j++) y += (j + 1) * 0.2 * x[j];
        block += `${id},${2001 + t},${y.toFixed(6)},${x.map((v) => v.toFixed(6)).join(",")}\n`;
      }
      if (block.length > 1 << 20) {
        writeSync(fd, block);
        block = "";
      }
    }
    writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return path;
}

export const readCsvCase: BenchCase = {
  name: "read_csv_1e6",
  setup() {
    writePanelCsv();
  },
  run() {
    const frame = readDelimitedFrame(PANEL_CSV, "panel.csv", false);
    return { n: frame.nrow, k: frame.names.length };
  },
};

if (require.main === module) process.stdout.write(`${writePanelCsv()}\n`);
