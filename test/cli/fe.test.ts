/**
 * `nqp fe` against the OLS/FE reference cases in test/reference/expected (1e-8 relative):
 * Grunfeld (data/grunfeld.csv) and the nqp_cities cases (a temporary CSV of nqp_cities.csv joined with
 * the reference NQP and ER columns), iid / HC1 / CR1, through main() in-process; .xlsx input; errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nqpCitiesWithIndices, readCase, REFERENCE, relErr } from "../support/reference";
import { runCli, writeCsv } from "../support/cli";

const TOL = 1e-8;
let dir: string;
let nqpCsv: string;
const GRUNFELD = join(REFERENCE, "data", "grunfeld.csv");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-cli-"));
  nqpCsv = join(dir, "nqp_cities_with_indices.csv");
  writeCsv(nqpCsv, nqpCitiesWithIndices());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const CASES = [
  "grunfeld_pooled_ols",
  "grunfeld_fe_entity",
  "grunfeld_fe_twoway",
  "nqp_table3_col1",
  "nqp_table3_col2",
  "nqp_table3_col3",
  "nqp_table3_col4",
  "nqp_table3_col5",
  "nqp_table3_col6",
  "nqp_mechanism_DI",
  "nqp_mechanism_IA",
  "nqp_mechanism_HUM",
  "nqp_alt_outcome_UR",
];
type Vcov = "iid" | "hc1" | "cr1";

function argsFor(caseName: string, vcov: Vcov): string[] {
  const s = readCase(caseName).spec;
  const data = caseName.startsWith("grunfeld") ? GRUNFELD : nqpCsv;
  const a = ["fe", "--data", data, "--y", s.dependent, "--x", s.regressors.join(","), "--json"];
  if (s.fixed_effects.length > 0) a.push("--fe", s.fixed_effects.join(","));
  if (vcov === "cr1") a.push("--cluster", s.cluster);
  if (vcov === "hc1") a.push("--vcov", "hc1");
  return a;
}

/** Reference names: the intercept of pooled OLS is "(Intercept)" in the case files, "_cons" here. */
const ourName = (n: string) => (n === "(Intercept)" ? "_cons" : n);

describe.each(CASES)("nqp fe reproduces %s", (caseName) => {
  test.each(["iid", "hc1", "cr1"] as Vcov[])("%s: coef, se, t, p, N, df, K, R2", async (vcov) => {
    const { code, out, err } = await runCli(argsFor(caseName, vcov));
    expect(err).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    const r = readCase(caseName).results;
    for (const name of Object.keys(r.coef)) {
      const n = ourName(name);
      expect({ name, rel: relErr(j.coef[n], r.coef[name]) < TOL }).toEqual({ name, rel: true });
      expect({ name, rel: relErr(j.se[n], r.se[vcov][name]) < TOL }).toEqual({ name, rel: true });
      expect({ name, rel: relErr(j.t[n], r.t[vcov][name]) < TOL }).toEqual({ name, rel: true });
      expect({ name, rel: relErr(j.p[n], r.p[vcov][name]) < TOL }).toEqual({ name, rel: true });
    }
    expect(j.n).toBe(r.N);
    expect(j.df_resid).toBe(r.df.iid);
    expect(j.df_inference).toBe(r.df[vcov]);
    expect(j.k_full).toBe(r.K.full);
    expect(j.k_cluster).toBe(vcov === "cr1" ? r.K.cr1 : r.K.full);
    expect(relErr(j.ssr, r.ssr)).toBeLessThan(TOL);
    expect(relErr(j.r2, r.r2_lsdv)).toBeLessThan(TOL);
    if (r.r2_within !== undefined) expect(relErr(j.r2_within, r.r2_within)).toBeLessThan(TOL);
    else expect(j.r2_within).toBeNull();
    expect(j.n_clusters).toBe(vcov === "cr1" ? r.G : null);
    expect(j.vcov).toBe(vcov === "cr1" ? "cluster" : vcov);
    if (r.N_listwise !== undefined) expect(j.n_input - j.n_dropped_missing).toBe(r.N_listwise);
    if (r.n_singletons_dropped !== undefined) expect(j.n_dropped_singletons).toBe(r.n_singletons_dropped);
    expect(j.omitted).toEqual([]);
  });
});

test("the JSON keys promised by the issue are present", async () => {
  const { out } = await runCli(argsFor("grunfeld_fe_twoway", "cr1"));
  const j = JSON.parse(out);
  for (const k of ["n", "n_dropped_missing", "n_dropped_singletons", "coef", "se", "t", "p", "omitted", "r2", "r2_within", "n_clusters", "df_resid", "vcov"]) {
    expect(j).toHaveProperty(k);
  }
  expect(Object.keys(j.coef)).toEqual(["value", "capital", "_cons"]);
});

test("readable table without --json", async () => {
  const a = argsFor("grunfeld_fe_twoway", "cr1").filter((x) => x !== "--json");
  const { code, out } = await runCli(a);
  expect(code).toBe(0);
  expect(out).toMatch(/^term\s+coef\s+se\s+t\s+p\s+ci_low\s+ci_high$/m);
  expect(out).toMatch(/^value\s+0\.117716\s/m);
  expect(out).toMatch(/clustered by firm \(10\)/);
});

test(".xlsx input gives the same numbers as .csv", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("data");
  const { readCsvRows } = await import("../support/reference");
  readCsvRows(GRUNFELD).forEach((r, i) => ws.addRow(i === 0 ? r : r.map(Number)));
  const xlsx = join(dir, "grunfeld.xlsx");
  await wb.xlsx.writeFile(xlsx);
  const a = argsFor("grunfeld_fe_twoway", "cr1");
  a[2] = xlsx;
  const { code, out } = await runCli(a);
  expect(code).toBe(0);
  const r = readCase("grunfeld_fe_twoway").results;
  expect(relErr(JSON.parse(out).se.capital, r.se.cr1.capital)).toBeLessThan(TOL);
});

describe("errors: message on stderr, exit code 2", () => {
  const base = ["fe", "--data", GRUNFELD, "--y", "inv", "--x", "value,capital"];
  test.each([
    [["fe", "--data", "no/such/file.csv", "--y", "inv", "--x", "value"], /Data file not found: no\/such\/file\.csv/],
    [[...base, "--vcov", "hc3"], /--vcov must be one of iid, hc1, cluster; got "hc3"/],
    [[...base, "--robust"], /Unknown option --robust/],
    [["fe", "--data", GRUNFELD, "--x", "value"], /Missing required option --y/],
    [["fe", "--data", GRUNFELD, "--y", "inv", "--x", "value,size"], /no column named "size"/],
    [[...base, "--fe"], /--fe needs a value/],
    [[...base, "--vcov", "cluster"], /cluster/],
    [["regress"], /Unknown command "regress"/],
  ])("%j", async (argv, message) => {
    const { code, out, err } = await runCli(argv as string[]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message as RegExp);
  });

  test("text in a numeric column names the column and row", async () => {
    const f = join(dir, "bad.csv");
    writeFileSync(f, "id,t,y,x\n1,1,1.5,2\n1,2,2.5,oops\n2,1,3,4\n2,2,1,1\n");
    const { code, err } = await runCli(["fe", "--data", f, "--y", "y", "--x", "x", "--fe", "id,t"]);
    expect(code).toBe(2);
    expect(err).toMatch(/Column "x" must be numeric but data row 2 holds the text "oops"/);
  });
});

test("--help prints the usage and exits 0", async () => {
  const { code, out } = await runCli(["fe", "--help"]);
  expect(code).toBe(0);
  expect(out).toMatch(/Usage: nqp fe --data FILE --y NAME --x A,B,C/);
  const top = await runCli(["--help"]);
  expect(top.out).toMatch(/^\s+fe\s+Linear regression/m);
});
