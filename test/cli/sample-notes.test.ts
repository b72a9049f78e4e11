/**
 * The text output of `nqp mediate`, `nqp hetero` and `nqp robust` says where the rows went (the rule:
 * no silent drop; every command that drops rows reports how many and why). Data: nqp_cities.csv joined
 * with the reference NQP and ER (ER is undefined in each city's first year). N comes from the reference
 * cases nqp_table3_col6 (baseline), nqp_mediation_DI, nqp_split_hu_east_0/1.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nqpCitiesWithIndices, readCase } from "../support/reference";
import { runCli as run, writeCsv } from "../support/cli";

let dir: string;
let csv: string;
let nData: number;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-notes-"));
  csv = join(dir, "nqp.csv");
  const rows = nqpCitiesWithIndices();
  nData = rows.length - 1;
  writeCsv(csv, rows);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = ["--y", "ER", "--fe", "city_id,year", "--cluster", "city_id"];
const X = "NQP,GDP,FTE,BOOK,OPEN,FEF";

it("robust: the baseline's dropped rows by variable, and the rows each variant removed", async () => {
  const n = readCase("nqp_table3_col6").results.N;
  const r = await run(["robust", "--data", csv, ...model, "--x", X, "--id", "city_id", "--time", "year", "--drop", "municipality=1"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`Baseline: N = ${n} of ${nData} rows (dropped: ${nData - n} missing [ER ${nData - n}], 0 singletons)`);
  expect(r.out).toMatch(/Excluding municipality = 1: \d+ rows with value 1 removed; N = \d+ of \d+ rows/);
});

it("mediate: N of the common sample out of the data rows", async () => {
  const n = readCase("nqp_mediation_DI").results.common_sample.eq3_direct.N;
  const r = await run(["mediate", "--data", csv, "--y", "ER", "--treat", "NQP", "--mediator", "DI", "--x", "GDP,FTE,BOOK,OPEN,FEF", "--fe", "city_id,year", "--cluster", "city_id"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`DI: N = ${n} of ${nData} data rows (dropped: ${nData - n} missing one of the variables, 0 singletons)`);
});

it("hetero: rows outside every group sample are counted", async () => {
  const n = readCase("nqp_split_hu_east_0").results.N + readCase("nqp_split_hu_east_1").results.N;
  const r = await run(["hetero", "--data", csv, ...model, "--x", X, "--group", "hu_east"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`Rows: ${nData} in the data; dropped ${nData - n} missing a model variable or the group, 0 singletons within the groups.`);
});
