/**
 * `nqp psm` against test/reference/psm (psmatch2 4.0.12 / pstest 4.2.2; README "CLI mapping") through
 * main() in-process, on a temporary CSV of nqp_cities.csv joined with the reference NQP and ER:
 * cross-section cases (att, att_se, counts, weights and pscore per input row, balance), the by-year
 * and pooled panel cases with --then-fe (regression = fe_unweighted_no_singletons / fe_weighted_no_singletons),
 * the text output, and errors (exit 2, message on stderr).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nqpCitiesWithIndices } from "../support/reference";
import { runCli, writeCsv } from "../support/cli";
import { close, compareTree, readPsmCase, readPsmRows } from "../engine/matching/cases";

let dir: string;
let csv: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-psm-"));
  csv = join(dir, "nqp_cities_with_indices.csv");
  writeCsv(csv, nqpCitiesWithIndices());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X = "GDP,FTE,BOOK,OPEN,FEF";
const FLAGS: Record<string, string[]> = {
  nn1: ["--method", "nn"],
  nn3: ["--method", "nn", "--k", "3"],
  nn1_noreplacement: ["--method", "nn", "--noreplacement"],
  radius005: ["--method", "radius", "--caliper", "0.05"],
  kernel_epan006_common: ["--method", "kernel", "--kernel", "epan", "--bwidth", "0.06", "--common"],
  kernel_normal006: ["--method", "kernel", "--kernel", "normal"],
};

async function psm(args: string[]): Promise<any> {
  const r = await runCli(["psm", "--data", csv, "--x", X, "--outcome", "ER", ...args, "--json"]);
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out);
}

describe.each(Object.keys(FLAGS))("nqp psm: reference case psm_cs2022_%s", (m) => {
  it("att, att_se, counts, weights/pscore per input row, balance", async () => {
    const c = readPsmCase(`psm_cs2022_${m}`).results;
    const j = await psm(["--where", "year=2022", "--treat-rule", "above-median:NQP", ...FLAGS[m]]);
    close(j.att, c.ATT, "att");
    close(j.att_se, c.se_ATT, "att_se");
    expect([j.n_treated, j.n_controls, j.n_on_support]).toEqual([c.n_treated, c.n_control, c.counts.N1]);
    const rows = readPsmRows(c.rows_csv);
    // input rows: all 3124 city-years; the 2022 rows carry the values, every other row null
    expect(j.weights.length).toBe(3124);
    const byKey = new Map(rows.map((r) => [`${r.city_id}|${r.year}`, r]));
    const data = nqpCitiesWithIndices().slice(1);
    data.forEach((d, i) => {
      const want = byKey.get(`${d[0]}|${d[3]}`);
      if (!want) {
        expect(j.weights[i]).toBeNull();
        expect(j.pscore[i]).toBeNull();
        return;
      }
      close(j.pscore[i], Number(want._pscore), `pscore row ${i}`);
      if (want._weight === "") expect(j.weights[i]).toBeNull();
      else close(j.weights[i], Number(want._weight), `weight row ${i}`);
    });
    compareTree(j.balance, c.pstest, "balance", { v: 0 });
  });
});

describe.each(["nn1", "kernel_epan006"])("nqp psm --by year --then-fe: psm_panel_byyear_%s", (m) => {
  it("per-year att / att_se, balance of all years, regression = fe_unweighted_no_singletons; weighted = fe_weighted_no_singletons", async () => {
    const c = readPsmCase(`psm_panel_byyear_${m}`).results;
    const method = m === "nn1" ? ["--method", "nn"] : ["--method", "kernel"];
    const fe = "y=ER;x=NQP,GDP,FTE,BOOK,OPEN,FEF;fe=city_id,year;cluster=city_id";
    const j = await psm(["--treat-rule", "above-median:NQP", "--by", "year", ...method, "--then-fe", fe]);
    for (const [y, g] of Object.entries(c.matching.per_group as Record<string, any>)) {
      close(j.att[y], g.ATT, `att ${y}`);
      close(j.att_se[y], g.se_ATT, `att_se ${y}`);
    }
    compareTree(j.balance, c.pstest, "balance", { v: 0 });
    const want = c.fe_unweighted_no_singletons;
    expect(j.regression.n).toBe(want.N);
    for (const [k, v] of Object.entries(want.coef as Record<string, number>)) {
      close(j.regression.coef[k], v, `coef ${k}`);
      close(j.regression.se[k], want.se.cr1[k], `se ${k}`);
      close(j.regression.p[k], want.p.cr1[k], `p ${k}`);
    }
    const jw = await psm(["--treat-rule", "above-median:NQP", "--by", "year", ...method, "--then-fe", `${fe};weighted`]);
    const ww = c.fe_weighted_no_singletons;
    for (const [k, v] of Object.entries(ww.coef as Record<string, number>)) {
      close(jw.regression.coef[k], v, `weighted coef ${k}`);
      close(jw.regression.se[k], ww.se.cr1[k], `weighted se ${k}`);
    }
  });
});

describe("nqp psm --by year --pooled: psm_panel_pooled_radius005", () => {
  it("one pooled run: att, att_se, matched rows", async () => {
    const c = readPsmCase("psm_panel_pooled_radius005").results;
    const j = await psm(["--treat-rule", "above-median:NQP", "--by", "year", "--pooled", "--method", "radius", "--caliper", "0.05"]);
    close(j.att, c.matching.per_group.all.ATT, "att");
    close(j.att_se, c.matching.per_group.all.se_ATT, "att_se");
    expect(j.n_rows_matched).toBe(c.matching.n_rows_matched);
  });
});

describe("nqp psm: text output and errors", () => {
  it("prints the ATT table and the balance table", async () => {
    const r = await runCli(["psm", "--data", csv, "--where", "year=2022", "--treat-rule", "above-median:NQP", "--x", X, "--method", "nn", "--outcome", "ER"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ATT \(ER\)/);
    expect(r.out).toMatch(/0\.299873/); // psm_cs2022_nn1 ATT 0.29987316...
    expect(r.out).toMatch(/Balance \(pstest\)/);
  });

  it.each([
    [["--treat", "NQP"], /must hold 0 or 1/],
    [["--treat-rule", "above-median:NQP", "--treat", "x"], /exactly one of --treat/],
    // A repeated --x adds to the list (Stata-style lists), so this is X plus NQP.
    [["--treat-rule", "above-median:NQP", "--x", "NQP"], /"NQP" perfectly predicts/],
    [["--treat-rule", "above-median:NQP", "--caliper", "1e-12"], /nobody is matched/],
    [["--treat-rule", "above-median:NQP", "--method", "mahal"], /nn, radius, kernel/],
    [["--treat-rule", "above-median:NQP", "--where", "year=1999"], /no row has year = 1999/],
  ])("%p -> exit 2 with a message", async (extra, msg) => {
    const base = ["psm", "--data", csv, "--where", "year=2022", "--x", X, "--method", "nn", "--outcome", "ER"];
    const r = await runCli([...base, ...(extra as string[])]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg as RegExp);
  });
});
