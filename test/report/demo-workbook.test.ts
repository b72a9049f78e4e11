/**
 * `npm run demo` end to end: builds the demo workbook (scripts/demo.ts on data/nqp_panel.csv, a copy of
 * test/reference/data/nqp_cities.csv) and reads it back with ExcelJS.
 *
 * Layout: every sheet exists, numbers are numeric cells with the right number format, parentheses hold
 * t statistics, three-line rules, notes. Numbers: the cells are checked against the reference cases
 * (test/reference/expected: nqp_table3_col1..col6, nqp_iv_lag1, nqp_alt_outcome_UR, nqp_winsor,
 * nqp_split_*, nqp_mechanism_*, nqp_mediation_DI, nqp_descriptives; test/reference/psm/expected:
 * psm_panel_byyear_{nn1, radius005, kernel_epan006}) to 1e-8 relative, and the stars in
 * each estimate's format are checked against the reference p-values. The Spatial sheet (SAR/SEM/SDM,
 * knn:5) is checked against test/reference/spatial/expected/spatial_twfe_knn5_leeyu.json (1e-6 relative).
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runDemo } from "../../scripts/demo";
import { starsFor } from "../../src/report/formats";
import { DEFAULT_STAR_LEVELS } from "../../src/report/options";
import { SPEC_SHEET, decodeSpecRows } from "../../src/report/spec-record";
import { readCase, relErr } from "../support/reference";
import { readPsmCase } from "../engine/matching/cases";
import { readSpatial } from "../engine/spatial/support";

const TOL = 1e-8;
const SHEETS = ["Descriptives", "Baseline", "IV", "Robustness", "Heterogeneity", "Mechanism", "Mediation", "Spatial", "PSM", "PSM balance"];
const PAREN_FMT = '"("0.00")";"(-"0.00")"';
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "nqp-demo-")), "demo.xlsx");
  await runDemo(out);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
}, 120000);

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`demo workbook lacks sheet ${name}`);
  return ws;
}

/** Row numbers (1-based) of the table: first (top rule), header end (thin rule), last (bottom rule). */
function tableRows(ws: ExcelJS.Worksheet) {
  const tops: number[] = [];
  const bottoms: { row: number; style: string }[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const b = row.getCell(1).border;
    if (b?.top) tops.push(r);
    if (b?.bottom) bottoms.push({ row: r, style: String(b.bottom.style) });
  });
  return { tops, bottoms };
}

function text(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const v = ws.getCell(r, c).value;
  return v === null || v === undefined ? "" : String(v);
}

/** The 1-based row whose column A is `label` within the table, or throws. */
function rowOf(ws: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (text(ws, r, 1) === label) return r;
  throw new Error(`${ws.name}: no row labelled ${label}`);
}

/** Column (1-based) of model number k: the header cell "(k)". */
function colOf(ws: ExcelJS.Worksheet, k: number): number {
  const hdr = rowOf(ws, "Variables");
  for (let c = 2; c <= ws.columnCount; c++) if (text(ws, hdr, c) === `(${k})`) return c;
  throw new Error(`${ws.name}: no column (${k})`);
}

interface RefFit {
  coef: Record<string, number>;
  t: { cr1: Record<string, number> } | Record<string, number>;
  p: { cr1: Record<string, number> } | Record<string, number>;
  N: number;
  r2_lsdv?: number;
}

function cr1(x: any, name: string): number {
  return x.cr1 ? x.cr1[name] : x[name];
}

/** Estimate cell = reference coefficient with the stars of the reference p; paren cell = reference t. */
function expectTerm(ws: ExcelJS.Worksheet, label: string, col: number, coef: number, t: number, p: number) {
  const r = rowOf(ws, label);
  const est = ws.getCell(r, col);
  const par = ws.getCell(r + 1, col);
  expect(typeof est.value).toBe("number");
  expect(typeof par.value).toBe("number");
  expect(relErr(est.value as number, coef)).toBeLessThan(TOL);
  expect(relErr(par.value as number, t)).toBeLessThan(TOL);
  const stars = starsFor(p, DEFAULT_STAR_LEVELS);
  expect(est.numFmt).toBe(stars ? `0.000"${stars}"` : "0.000");
  expect(par.numFmt).toBe(PAREN_FMT);
}

function expectFit(ws: ExcelJS.Worksheet, col: number, ref: RefFit, terms: readonly string[], labels: Record<string, string> = {}) {
  for (const term of terms) expectTerm(ws, labels[term] ?? term, col, ref.coef[term], cr1(ref.t, term), cr1(ref.p, term));
  const n = ws.getCell(rowOf(ws, "N"), col);
  expect(n.value).toBe(ref.N);
  expect(n.numFmt).toBe("0");
}

describe("demo workbook (npm run demo)", () => {
  test("every sheet exists, in order, plus the very hidden spec sheet with one record per table", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS, "SHAP importance", SPEC_SHEET, "Figures"]);
    expect(sheet("Figures").getImages()).toHaveLength(3);
    const specs = sheet(SPEC_SHEET);
    expect(specs.state).toBe("veryHidden");
    const values: unknown[][] = [];
    specs.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const recs = decodeSpecRows(values);
    expect(recs.map((r) => r.sheetName)).toEqual([...SHEETS, "SHAP importance"]);
    expect((recs[1].spec as { kind: string }).kind).toBe("regression");
  });

  test.each(SHEETS)("%s: three-line rules, title above, notes below, numbers are numeric with formats", (name) => {
    const ws = sheet(name);
    const { tops, bottoms } = tableRows(ws);
    expect(tops).toHaveLength(1);
    expect(bottoms).toHaveLength(2);
    const first = tops[0];
    const [headEnd, last] = bottoms;
    expect(String(ws.getCell(first, 1).border!.top!.style)).toBe("medium");
    expect(headEnd.style).toBe("thin");
    expect(last.style).toBe("medium");
    expect(headEnd.row).toBeGreaterThanOrEqual(first);
    const ncol = ws.columnCount;
    for (let c = 1; c <= ncol; c++) {
      expect(ws.getCell(first, c).border?.top?.style).toBe("medium");
      expect(ws.getCell(headEnd.row, c).border?.bottom?.style).toBe("thin");
      expect(ws.getCell(last.row, c).border?.bottom?.style).toBe("medium");
    }
    // Title in bold above the table; notes below it.
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(text(ws, 1, 1)).toMatch(/^Table \d/);
    const notes: string[] = [];
    for (let r = last.row + 1; r <= ws.rowCount; r++) notes.push(text(ws, r, 1));
    const noteText = notes.join(" ");
    if (name === "Descriptives") expect(noteText).toMatch(/standard deviation/);
    else if (name === "PSM balance") {
      expect(noteText).toMatch(/Balance as Stata pstest/);
      return; // body: Unmatched / Matched labels and a summary header (checked in its own test)
    } else if (name === "Spatial") {
      expect(noteText).toContain("z statistics in parentheses");
      expect(noteText).toContain("observed information matrix");
    } else {
      expect(noteText).toContain("t statistics in parentheses; standard errors clustered by City.");
      expect(noteText).toContain("*** p<0.01, ** p<0.05, * p<0.1.");
    }
    // Body: every non-empty cell right of the labels is a number with a number format, or a short text (Y, n.a.).
    const firstData = name === "Descriptives" ? 3 : 2; // Descriptives: variable type, then name
    for (let r = headEnd.row + 1; r <= last.row; r++) {
      for (let c = firstData; c <= ncol; c++) {
        const cell = ws.getCell(r, c);
        if (cell.value === null || cell.value === undefined || cell.value === "") continue;
        if (typeof cell.value === "number") expect(cell.numFmt).toMatch(/^(0(\.0+)?("\*{1,3}")?|"[([{]"0\.0+"[)\]}]";"[([{]-"0\.0+"[)\]}]")$/);
        else expect(["Y", "N", "n.a."]).toContain(cell.value);
      }
    }
  });

  test("Baseline: the six stepwise columns equal nqp_table3_col1..col6 (coef, t in parentheses, stars, N, R2)", () => {
    const ws = sheet("Baseline");
    const vars = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
    for (let k = 1; k <= 6; k++) {
      const ref = readCase(`nqp_table3_col${k}`).results;
      const col = colOf(ws, k);
      expectFit(ws, col, ref, vars.slice(0, k));
      expect(relErr(ws.getCell(rowOf(ws, "R-squared"), col).value as number, ref.r2_lsdv)).toBeLessThan(TOL);
      expect(ws.getCell(rowOf(ws, "R-squared"), col).numFmt).toBe("0.0000");
      expect(text(ws, rowOf(ws, "City FE"), col)).toBe("Y");
      expect(text(ws, rowOf(ws, "Year FE"), col)).toBe("Y");
    }
  });

  test("IV: first stage and second stage equal nqp_iv_lag1; KP rk Wald F with {Stock-Yogo 10%}, KP rk LM with [p]", () => {
    const ws = sheet("IV");
    const ref = readCase("nqp_iv_lag1").results;
    const fs = ref.first_stage;
    const ss = ref.second_stage;
    expectTerm(ws, "IV (L.NQP)", colOf(ws, 1), fs.coef.L1_NQP, fs.t_cr1.L1_NQP, fs.p_cr1.L1_NQP);
    expectTerm(ws, "NQP", colOf(ws, 2), ss.coef.NQP, ss.t_cr1.NQP, ss.p_cr1.NQP);
    const f = rowOf(ws, "KP rk Wald F");
    expect(relErr(ws.getCell(f, colOf(ws, 1)).value as number, ref.weak_id.kp_rk_wald_F)).toBeLessThan(TOL);
    expect(ws.getCell(f + 1, colOf(ws, 1)).numFmt).toBe('"{"0.000"}";"{-"0.000"}"');
    const lm = rowOf(ws, "KP rk LM");
    expect(relErr(ws.getCell(lm, colOf(ws, 1)).value as number, ref.underid.kp_rk_LM)).toBeLessThan(TOL);
    expect(ws.getCell(lm + 1, colOf(ws, 1)).numFmt).toBe('"["0.000"]";"[-"0.000"]"');
    expect(ws.getCell(lm + 1, colOf(ws, 1)).value as number).toBeLessThan(1e-20);
    expect(ws.getCell(rowOf(ws, "N"), colOf(ws, 2)).value).toBe(ref.N);
  });

  test("Robustness: outcome UR and winsorised columns equal nqp_alt_outcome_UR and nqp_winsor", () => {
    const ws = sheet("Robustness");
    expectFit(ws, colOf(ws, 3), readCase("nqp_alt_outcome_UR").results, ["NQP"]);
    expectFit(ws, colOf(ws, 4), readCase("nqp_winsor").results.baseline_winsorized, ["NQP"]);
    expect(text(ws, rowOf(ws, "Controls"), colOf(ws, 1))).toBe("Y");
  });

  /** The note lines under the table, joined. */
  function notesOf(ws: ExcelJS.Worksheet): string {
    const notes: string[] = [];
    for (let r = tableRows(ws).bottoms[1].row + 1; r <= ws.rowCount; r++) notes.push(text(ws, r, 1));
    return notes.join(" ");
  }

  /** Text of the header rows of a column: numbers row, dependent variable, subtitle. */
  function headerOf(ws: ExcelJS.Worksheet, col: number): string[] {
    const header: string[] = [];
    for (let r = rowOf(ws, "Variables"); r <= tableRows(ws).bottoms[0].row; r++) header.push(text(ws, r, col));
    return header;
  }

  test("Robustness: the UR column says it is the unemployment rate, and the note gives the expected (negative) sign", () => {
    const ws = sheet("Robustness");
    const notes = notesOf(ws);
    expect(headerOf(ws, colOf(ws, 3))).toEqual(["(3)", "Unemployment rate (UR)", "Alternative outcome"]);
    expect(ws.getCell(rowOf(ws, "NQP"), colOf(ws, 3)).value as number).toBeLessThan(0);
    expect(notes).toMatch(/Column \(3\) replaces the outcome ER by UR, the registered urban unemployment rate \(percent\)/);
    expect(notes).toMatch(/higher NQP is expected to lower unemployment, so a negative coefficient agrees with the positive ER columns/);
    // The other columns keep ER as the outcome.
    for (const k of [1, 2, 4]) expect(headerOf(ws, colOf(ws, k))[1]).toBe("ER");
  });

  test.each([
    ["Descriptives", /ER: economic resilience .*NQP: new-quality productive forces .*FEF: year-end loans \/ deposits/],
    ["Mechanism", /DI, digital infrastructure index .*IA, industrial structure advancement .*HUM, human capital/],
    ["Heterogeneity", /S&T investment: split at the median of sci_exp_share/],
  ])("%s: the note says what the abbreviated variables are", (name, re) => {
    const ws = sheet(name);
    expect(notesOf(ws)).toMatch(re);
  });

  test("Heterogeneity: Hu Line and resource splits equal nqp_split_*", () => {
    const ws = sheet("Heterogeneity");
    const vars = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
    expectFit(ws, colOf(ws, 3), readCase("nqp_split_hu_east_0").results, vars);
    expectFit(ws, colOf(ws, 4), readCase("nqp_split_hu_east_1").results, vars);
    expectFit(ws, colOf(ws, 5), readCase("nqp_split_resource_based_0").results, vars);
    expectFit(ws, colOf(ws, 6), readCase("nqp_split_resource_based_1").results, vars);
  });

  test("Mechanism and mediation equal nqp_mechanism_* and nqp_mediation_DI (Sobel z with [p])", () => {
    const ws = sheet("Mechanism");
    ["DI", "IA", "HUM"].forEach((m, j) => expectFit(ws, colOf(ws, j + 1), readCase(`nqp_mechanism_${m}`).results, ["NQP"]));
    const md = sheet("Mediation");
    const ref = readCase("nqp_mediation_DI").results.common_sample;
    expectFit(md, colOf(md, 1), ref.eq1_total, ["NQP"]);
    expectFit(md, colOf(md, 2), ref.eq2_a_path, ["NQP"]);
    expectFit(md, colOf(md, 3), ref.eq3_direct, ["NQP", "DI"]);
    const z = rowOf(md, "Sobel z");
    expect(relErr(md.getCell(z, colOf(md, 3)).value as number, ref.sobel.z)).toBeLessThan(TOL);
    expect(relErr(md.getCell(z + 1, colOf(md, 3)).value as number, ref.sobel.p_two_sided)).toBeLessThan(TOL);
  });

  test("Mediation: a*b (SE), bootstrap SE and 95% interval, share mediated; note on the a-path sample (2840 vs Mechanism's 3124)", () => {
    const md = sheet("Mediation");
    const c3 = colOf(md, 3);
    const ref = readCase("nqp_mediation_DI").results.common_sample;
    const ab = rowOf(md, "Indirect effect a*b");
    expect(relErr(md.getCell(ab, c3).value as number, ref.sobel.indirect_ab)).toBeLessThan(TOL);
    expect(md.getCell(ab, c3).numFmt).toBe("0.000");
    expect(relErr(md.getCell(ab + 1, c3).value as number, ref.sobel.se_ab)).toBeLessThan(TOL);
    expect(md.getCell(ab + 1, c3).numFmt).toBe('"("0.000")";"(-"0.000")"');
    expect(relErr(md.getCell(rowOf(md, "Share mediated (a*b/c)"), c3).value as number, ref.sobel.proportion_mediated)).toBeLessThan(TOL);
    // The bootstrap (no reference values): numeric cells, an interval around a*b, an SE of the order of the delta-method SE.
    const lo = md.getCell(rowOf(md, "Bootstrap 95% CI, lower"), c3).value as number;
    const hi = md.getCell(rowOf(md, "Bootstrap 95% CI, upper"), c3).value as number;
    const bse = md.getCell(rowOf(md, "Bootstrap SE of a*b"), c3).value as number;
    expect([typeof lo, typeof hi, typeof bse]).toEqual(["number", "number", "number"]);
    expect(lo).toBeLessThan(ref.sobel.indirect_ab);
    expect(hi).toBeGreaterThan(ref.sobel.indirect_ab);
    expect(bse / ref.sobel.se_ab).toBeGreaterThan(0.5);
    expect(bse / ref.sobel.se_ab).toBeLessThan(2);
    for (const c of [colOf(md, 1), colOf(md, 2)]) expect(text(md, ab, c)).toBe("");
    const notes = notesOf(md);
    expect(notes).toContain("500 replications of a cluster bootstrap by City (seed 20261122)");
    // The mechanism sheet's DI column runs on all 3124 rows; the note says the a path does not, and gives that coefficient.
    const mech = sheet("Mechanism");
    const mechN = mech.getCell(rowOf(mech, "N"), colOf(mech, 1)).value as number;
    expect(mechN).toBe(readCase("nqp_mechanism_DI").results.N);
    expect(md.getCell(rowOf(md, "N"), colOf(md, 2)).value).toBe(ref.eq2_a_path.N);
    const mechCoef = mech.getCell(rowOf(mech, "NQP"), colOf(mech, 1)).value as number;
    expect(notes).toContain(`Column (2) uses the ${ref.eq2_a_path.N} rows where ER is also present (the common sample of the three equations), not all ${mechN} rows with DI, NQP and the controls that a mechanism regression of DI uses; there the NQP coefficient is ${mechCoef.toFixed(3)}.`);
  });

  test("Descriptives equal nqp_descriptives (all rows: each variable over its own non-missing values)", () => {
    const ws = sheet("Descriptives");
    const ref = readCase("nqp_descriptives").results.all_rows;
    for (const v of ["ER", "NQP", "DI", "IA", "HUM", "GDP", "FTE", "BOOK", "OPEN", "FEF"]) {
      let r = 0;
      for (let i = 1; i <= ws.rowCount; i++) if (text(ws, i, 2) === v) r = i;
      expect(r).toBeGreaterThan(0);
      expect(ws.getCell(r, 3).value).toBe(ref[v].n);
      expect(ws.getCell(r, 3).numFmt).toBe("0");
      ["mean", "sd", "min", "max"].forEach((s, j) => {
        const cell = ws.getCell(r, 4 + j);
        expect(cell.numFmt).toBe("0.000");
        expect(relErr(cell.value as number, ref[v][s])).toBeLessThan(1e-10);
      });
    }
  });

  test("PSM: nearest / radius / kernel columns equal psm_panel_byyear_{nn1, radius005, kernel_epan006}.fe_unweighted_no_singletons", () => {
    const ws = sheet("PSM");
    ["nn1", "radius005", "kernel_epan006"].forEach((m, j) => {
      const r = readPsmCase(`psm_panel_byyear_${m}`).results;
      const ref = r.fe_unweighted_no_singletons;
      expectFit(ws, colOf(ws, j + 1), { coef: ref.coef, t: ref.t, p: ref.p, N: ref.N }, ["NQP"]);
      expect(ws.getCell(rowOf(ws, "Matched observations"), colOf(ws, j + 1)).value).toBe(r.matching.n_rows_matched);
      expect(relErr(ws.getCell(rowOf(ws, "Within R-squared"), colOf(ws, j + 1)).value as number, ref.r2_within)).toBeLessThan(TOL);
    });
  });

  test("PSM balance: %bias, t and the summary equal psm_panel_byyear_nn1.pstest", () => {
    const ws = sheet("PSM balance");
    const b = readPsmCase("psm_panel_byyear_nn1").results.pstest;
    const gdp = rowOf(ws, "GDP");
    expect(relErr(ws.getCell(gdp, 5).value as number, b.covariates.GDP.U.pct_bias)).toBeLessThan(TOL);
    expect(relErr(ws.getCell(gdp + 1, 5).value as number, b.covariates.GDP.M.pct_bias)).toBeLessThan(TOL);
    expect(relErr(ws.getCell(gdp + 1, 6).value as number, b.covariates.GDP.pct_reduct_abs_bias)).toBeLessThan(TOL);
    expect(relErr(ws.getCell(gdp + 1, 7).value as number, b.covariates.GDP.M.t)).toBeLessThan(TOL);
    const sumRow = rowOf(ws, "Matched", rowOf(ws, "Sample", gdp));
    expect(relErr(ws.getCell(sumRow, 2).value as number, b.summary.M.pseudo_r2)).toBeLessThan(TOL);
    expect(relErr(ws.getCell(sumRow, 7).value as number, b.summary.M.B)).toBeLessThan(TOL);
  });
  test("Spatial: SAR, SEM, SDM columns equal spatial_twfe_knn5_leeyu (coef, z, rho/lambda, NQP effects, N, log-likelihood)", () => {
    const ws = sheet("Spatial");
    const ref = readSpatial("spatial_twfe_knn5_leeyu").results;
    const label = (t: string) => (t === "rho" ? "ρ" : t === "lambda" ? "λ" : t.startsWith("W*") ? `W×${t.slice(2)}` : t);
    (["sar", "sem", "sdm"] as const).forEach((m, j) => {
      const col = colOf(ws, j + 1);
      const r = ref[m];
      const hidden = ["sigma2", "W*FTE", "W*BOOK", "W*OPEN", "W*FEF"]; // the demo's Controls row
      for (const t of (r.vcov_order as string[]).filter((t) => !hidden.includes(t))) {
        const row = rowOf(ws, label(t));
        expect(relErr(ws.getCell(row, col).value as number, r.coef[t])).toBeLessThan(1e-6);
        expect(relErr(ws.getCell(row + 1, col).value as number, r.z_oim[t])).toBeLessThan(1e-6);
      }
      if (m !== "sem")
        for (const k of ["direct", "indirect", "total"]) {
          const row = rowOf(ws, `${k[0].toUpperCase()}${k.slice(1)} effect: NQP`);
          expect(relErr(ws.getCell(row, col).value as number, r.effects.NQP[k].effect)).toBeLessThan(1e-6);
        }
      expect(relErr(ws.getCell(rowOf(ws, "Log-likelihood"), col).value as number, r.loglik)).toBeLessThan(1e-6);
      expect(ws.getCell(rowOf(ws, "N"), col).value).toBe(2840);
      expect(text(ws, rowOf(ws, "City FE"), col)).toBe("Y");
      expect(text(ws, rowOf(ws, "Year FE"), col)).toBe("Y");
      expect(text(ws, rowOf(ws, "Controls"), col)).toBe(m === "sdm" ? "Y" : "N");
    });
  });
});
