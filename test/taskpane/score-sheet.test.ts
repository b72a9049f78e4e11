/**
 * "Write scores": the index jobs' score sheets (src/taskpane/worker/score-sheet.ts) through the engine
 * protocol (in-process host), row-aligned with the loaded data.
 * Data: test/reference/data/nqp_cities.csv. Expected: expected/nqp_entropy_scores.csv
 * (NQP_minmax_zero, 28 indicators of nqp_entropy.json) and expected/nqp_martin_er.csv (g, G, ER; empty =
 * missing), joined on (city_id, year); 1e-10 relative (reference README: safe for scores and ER).
 */
import { join } from "path";
import { Cell } from "../../src/engine/frame";
import { EngineClient, inProcessPort } from "../../src/taskpane/worker/client";
import type { EntropySpec, ScoreSheet } from "../../src/taskpane/worker/protocol";
import { readCase, readCsvRows, REFERENCE, relErr } from "../support/reference";

const OPTIONS = { paren: "t" as const, decimals: 3 };
const DATA = readCsvRows(join(REFERENCE, "data", "nqp_cities.csv")) as Cell[][];
const H = DATA[0] as string[];

async function client(cells: Cell[][]): Promise<EngineClient> {
  const c = new EngineClient(inProcessPort());
  c.beginLoad(cells[0], cells.length - 1);
  for (let i = 1; i < cells.length; i += 1000) c.appendRows(cells.slice(i, i + 1000));
  await c.endLoad();
  return c;
}

/** Reference column by (city_id, year) of each data row, NaN where the reference cell is empty. */
function referenceColumn(file: string, name: string): Float64Array {
  const rows = readCsvRows(join(REFERENCE, "expected", file));
  const j = rows[0].indexOf(name);
  const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[1]}`, r[j] === "" ? NaN : Number(r[j])]));
  const ci = H.indexOf("city_id");
  const yi = H.indexOf("year");
  return Float64Array.from(DATA.slice(1), (r) => byKey.get(`${r[ci]}|${r[yi]}`) ?? Number.NaN);
}

function expectColumn(actual: Float64Array, expected: Float64Array, tol: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    expect(Number.isNaN(actual[i])).toBe(Number.isNaN(expected[i]));
    if (!Number.isNaN(expected[i])) worst = Math.max(worst, expected[i] === 0 ? Math.abs(actual[i]) : relErr(actual[i], expected[i]));
  }
  expect(worst).toBeLessThan(tol);
}

function expectKeys(sheet: ScoreSheet, cells: Cell[][]) {
  expect(sheet.keys.map((k) => k.name)).toEqual(["city_id", "year"]);
  const ci = H.indexOf("city_id");
  const yi = H.indexOf("year");
  expect(sheet.keys[0].values).toEqual(cells.slice(1).map((r) => r[ci]));
  expect(sheet.keys[1].values).toEqual(cells.slice(1).map((r) => Number(r[yi])));
}

function entropySpec(layered: boolean): EntropySpec {
  const ref = readCase("nqp_entropy");
  const negative = new Set<string>(ref.spec.negative_attribute);
  return {
    kind: "entropy",
    indicators: ref.spec.indicators.map((name: string, j: number) => ({ name, direction: negative.has(name) ? -1 : 1, layer: layered ? (j < 14 ? "A" : "B") : "" })),
    method: "minmax",
    outName: "NQP",
    id: "city_id",
    time: "year",
  };
}

test("entropy: id, year, total score (nqp_entropy_scores.csv) and one sub-index per layer, summing to the total", async () => {
  const c = await client(DATA);
  const out = await c.run(entropySpec(true), OPTIONS).result;
  const sheet = out.scores!;
  expect(sheet.sheetName).toBe("NQP scores");
  expectKeys(sheet, DATA);
  expect(sheet.scores.map((s) => s.name)).toEqual(["NQP", "NQP_A", "NQP_B"]);
  expectColumn(sheet.scores[0].values, referenceColumn("nqp_entropy_scores.csv", "NQP_minmax_zero"), 1e-10);
  // Identity (layer weights partition the total): only summation order differs.
  const [total, a, b] = sheet.scores.map((s) => s.values);
  expectColumn(Float64Array.from(total, (_, i) => a[i] + b[i]), total, 1e-12);
  expect(sheet.blankRows).toBe(0);
  expect(sheet.note).toBe(`All ${DATA.length - 1} rows are scored.`);
});

test("entropy: rows with a missing indicator stay in place as blanks, counted in the note", async () => {
  const blank = new Set([0, 5, 100]);
  const j = H.indexOf("rd_fte");
  const cells = DATA.map((r, i) => (i > 0 && blank.has(i - 1) ? r.map((v, k) => (k === j ? "" : v)) : r));
  const c = await client(cells);
  const sheet = (await c.run(entropySpec(false), OPTIONS).result).scores!;
  expectKeys(sheet, cells);
  expect(sheet.scores.map((s) => s.name)).toEqual(["NQP"]);
  const s = sheet.scores[0].values;
  expect(s.length).toBe(cells.length - 1);
  for (let i = 0; i < s.length; i++) expect(Number.isNaN(s[i])).toBe(blank.has(i));
  expect(sheet.blankRows).toBe(3);
  expect(sheet.note).toBe(`3 of ${cells.length - 1} rows are blank: 3 lack an indicator value.`);
});

test("resilience: g, G and ER per data row (nqp_martin_er.csv), first years blank and explained", async () => {
  const c = await client(DATA);
  const out = await c.run({ kind: "resilience", value: "gdp_pc", id: "city_id", time: "year", national: "national_gdp_pc", outName: "ER" }, OPTIONS).result;
  const sheet = out.scores!;
  expect(sheet.sheetName).toBe("ER scores");
  expectKeys(sheet, DATA);
  expect(sheet.scores.map((s) => s.name)).toEqual(["g", "G", "ER"]);
  for (const s of sheet.scores) expectColumn(s.values, referenceColumn("nqp_martin_er.csv", s.name), 1e-10);
  const er = referenceColumn("nqp_martin_er.csv", "ER");
  const blanks = er.filter((v) => Number.isNaN(v)).length;
  expect(sheet.blankRows).toBe(blanks);
  expect(sheet.note).toBe(`${blanks} of ${DATA.length - 1} rows have no ER: ${blanks} first period of the unit.`);
});

test("without id and time the rows are numbered", async () => {
  const c = await client(DATA);
  const spec = { ...entropySpec(false), id: undefined, time: undefined };
  const sheet = (await c.run(spec, OPTIONS).result).scores!;
  expect(sheet.keys.map((k) => k.name)).toEqual(["Data row"]);
  expect(sheet.keys[0].values.slice(0, 3)).toEqual([1, 2, 3]);
  expect(sheet.keys[0].values.length).toBe(DATA.length - 1);
});
