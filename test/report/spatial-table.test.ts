/**
 * The "spatial" table kind (paper 003's Table 3 layout) against test/reference/spatial/expected/
 * spatial_twfe_knn5_leeyu.json (two-way FE SAR/SEM/SDM, knn:5 row-standardised, Lee-Yu; README
 * tolerance 1e-6 relative): every coefficient, OIM SE (z in parentheses by default), effect, N and
 * log-likelihood shown in the table is the reference value; spec validation messages.
 */
import { runSpecFile } from "../../src/report/run-spec";
import { validateSpecFile } from "../../src/report/spec";
import { Table } from "../../src/report/table";
import { expectClose, modelPanel, readSpatial } from "../engine/spatial/support";

const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
const TOL = 1e-6;
const MODEL = { y: "ER", x: X, id: "city_id", time: "year", lat: "lat", lon: "lon", weights: "knn:5" };
const SPEC = { kind: "spatial", title: "Table 3 Spatial Durbin", model: MODEL, models: ["sar", "sem", "sdm"], effects: ["NQP"], options: { paren: "se" } };

function cell(t: Table, role: string, key: string, col: number): number {
  const row = t.rows.find((r) => r.role === role && r.key === key);
  if (!row) throw new Error(`no ${role} row ${key}`);
  const c = row.cells[col + 1];
  if (c.kind !== "number") throw new Error(`${role} ${key} column ${col} is ${c.kind}`);
  return c.value;
}

function rowKeys(t: Table, role: string): string[] {
  return t.rows.filter((r) => r.role === role).map((r) => r.key);
}

describe("spatial table (reference: spatial_twfe_knn5_leeyu.json)", () => {
  const ref = readSpatial("spatial_twfe_knn5_leeyu").results;
  let t: Table;
  beforeAll(async () => {
    t = (await runSpecFile(modelPanel(), SPEC)).tables[0].table;
  });
  const models = ["sar", "sem", "sdm"] as const;

  test("rows: coefficients, W*x, rho/lambda, effects of NQP; FE rows; N, log-likelihood, R2", () => {
    expect(rowKeys(t, "estimate")).toEqual([...X, ...X.map((x) => `W*${x}`), "rho", "lambda", "direct:NQP", "indirect:NQP", "total:NQP"]);
    expect(rowKeys(t, "indicator")).toEqual(["city_id FE", "year FE"]);
    expect(rowKeys(t, "stat")).toEqual(["n", "loglik", "r2"]);
    const sub = t.rows.find((r) => r.key === "subtitle")!.cells.slice(1).map((c) => (c.kind === "text" ? c.text : ""));
    expect(sub).toEqual(["SAR", "SEM", "SDM"]);
  });

  test.each(models.map((m, j) => [m, j] as const))("%s column equals the reference", (m, j) => {
    const r = ref[m];
    for (const term of r.vcov_order as string[]) {
      if (term === "sigma2") continue;
      expectClose(cell(t, "estimate", term, j), r.coef[term], TOL, `${m} coef ${term}`);
      expectClose(cell(t, "paren", term, j), r.se_oim[term], TOL, `${m} se ${term}`);
    }
    expectClose(cell(t, "stat", "loglik", j), r.loglik, TOL, `${m} loglik`);
    if (m !== "sem") {
      for (const kind of ["direct", "indirect", "total"]) {
        expectClose(cell(t, "estimate", `${kind}:NQP`, j), r.effects.NQP[kind].effect, TOL, `${m} ${kind}`);
        expectClose(cell(t, "paren", `${kind}:NQP`, j), r.effects.NQP[kind].se_oim, TOL, `${m} ${kind} se`);
      }
      expectClose(cell(t, "stat", "r2", j), r.pseudo_r2.overall, TOL, `${m} pseudo R2`);
    } else {
      expect(t.rows.find((row) => row.role === "estimate" && row.key === "direct:NQP")!.cells[j + 1].kind).toBe("empty");
    }
    expect(cell(t, "stat", "n", j)).toBe(284 * 10);
  });

  test("SAR has no W*x cells; SDM has them", () => {
    const row = t.rows.find((r) => r.role === "estimate" && r.key === "W*NQP")!;
    expect(row.cells[1].kind).toBe("empty");
    expectClose(cell(t, "estimate", "W*NQP", 2), ref.sdm.coef["W*NQP"], TOL, "sdm W*NQP");
  });

  test("spec validation: unknown fields, models, effects and weights are errors", () => {
    expect(() => validateSpecFile({ ...SPEC, model: { ...MODEL, weight: "knn:5" } })).toThrow(/has no field "weight"/);
    expect(() => validateSpecFile({ ...SPEC, effect: ["NQP"] })).toThrow(/has no field "effect"/);
    expect(() => validateSpecFile({ ...SPEC, models: ["sdm", "sac"] })).toThrow(/models must be a non-empty list of sar, sem, sdm/);
    expect(() => validateSpecFile({ ...SPEC, effects: ["GDPX"] })).toThrow(/"GDPX" is not in model.x/);
    expect(() => validateSpecFile({ ...SPEC, model: { ...MODEL, weights: "file:W.csv" } })).toThrow(/file:/);
    expect(() => validateSpecFile({ ...SPEC, model: { ...MODEL, variant: "lee" } })).toThrow(/variant must be one of/);
    const { id: _i, ...noId } = MODEL;
    expect(() => validateSpecFile({ ...SPEC, model: noId })).toThrow(/needs "id"/);
  });
});
