/**
 * `nqp table` through main() on test/reference/data/grunfeld.csv: the written workbook holds the
 * table with numeric cells equal to the reference case grunfeld_fe_twoway (coef, CR1 t, 1e-8) and the
 * spec record; --json / --markdown outputs; user errors exit 2 with a message.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { REFERENCE, readCase, relErr } from "../support/reference";
import { runCli } from "../support/cli";

const DATA = join(REFERENCE, "data", "grunfeld.csv");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-table-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


function specFile(name: string, spec: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(spec));
  return p;
}

const SPEC = {
  tables: [
    {
      kind: "regression",
      title: "Table 1: Grunfeld investment",
      sheet: "Grunfeld",
      labels: { value: "Market value", firm: "Firm", year: "Year" },
      options: { paren: "se", decimals: 4 },
      models: [
        { y: "inv", x: ["value"], fe: ["firm", "year"], cluster: ["firm"] },
        { y: "inv", x: ["value", "capital"], fe: ["firm", "year"], cluster: ["firm"] },
      ],
    },
  ],
};

test("writes the workbook; cells equal grunfeld_fe_twoway; SEs in parentheses as chosen", async () => {
  const out = join(dir, "t.xlsx");
  const { code, out: stdout, err } = await runCli(["table", "--spec", specFile("s.json", SPEC), "--data", DATA, "--out", out, "--json"]);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toEqual({ out, sheets: [{ sheet: "Grunfeld", title: "Table 1: Grunfeld investment", rows: expect.any(Number) }] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Grunfeld")!;
  const R = readCase("grunfeld_fe_twoway").results;
  let r = 0;
  ws.eachRow((row, i) => {
    if (row.getCell(1).value === "capital") r = i;
  });
  expect(r).toBeGreaterThan(0);
  const est = ws.getCell(r, 3);
  const se = ws.getCell(r + 1, 3);
  expect(relErr(est.value as number, R.coef.capital)).toBeLessThan(1e-8);
  expect(relErr(se.value as number, R.se.cr1.capital)).toBeLessThan(1e-8);
  expect(se.numFmt).toBe('"("0.0000")";"(-"0.0000")"');
  expect(ws.getCell(r, 2).value ?? "").toBe("");
  const notes: string[] = [];
  ws.eachRow((row) => notes.push(String(row.getCell(1).value ?? "")));
  expect(notes.join(" ")).toContain("Standard errors clustered by Firm in parentheses.");
  expect(wb.getWorksheet("_nqp_specs")!.state).toBe("veryHidden");
});

test("prints Markdown or text", async () => {
  const out = join(dir, "m.xlsx");
  const md = await runCli(["table", "--spec", specFile("m.json", SPEC), "--data", DATA, "--out", out, "--markdown"]);
  expect(md.code).toBe(0);
  expect(md.out).toContain("| Variables | (1)<br>inv | (2)<br>inv |");
  const txt = await runCli(["table", "--spec", specFile("m.json", SPEC), "--data", DATA, "--out", out, "--replace"]);
  expect(txt.out).toMatch(/^Table 1: Grunfeld investment\n=+\n/);
  expect(txt.out).toContain(`Wrote 1 table(s) to ${out}`);
});

test("user errors exit 2 with a message naming the fix", async () => {
  const out = join(dir, "e.xlsx");
  const bad = await runCli(["table", "--spec", specFile("b.json", { tables: [{ kind: "pie", title: "x" }] }), "--data", DATA, "--out", out]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/unknown kind "pie". Allowed: regression, descriptives, iv, mediation, heterogeneity, robustness/);
  const missing = await runCli(["table", "--spec", join(dir, "nope.json"), "--data", DATA, "--out", out]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/Spec file not found/);
  const col = await runCli(["table", "--spec", specFile("c.json", { tables: [{ ...SPEC.tables[0], models: [{ y: "inv", x: ["nope"] }] }] }), "--data", DATA, "--out", out]);
  expect(col.code).toBe(2);
  expect(col.err).toMatch(/nope/);
  const csvOut = await runCli(["table", "--spec", specFile("s2.json", SPEC), "--data", DATA, "--out", join(dir, "x.csv")]);
  expect(csvOut.code).toBe(2);
  expect(csvOut.err).toMatch(/\.xlsx/);
});
