/**
 * `npm run demo` also writes the Chinese workbook (out/demo/nqp-demo-zh.xlsx): the same specs with
 * "language": "zh" and data/demo-zh.json's titles. Read back with ExcelJS: every sheet present (Chinese
 * names), Chinese row labels and notes on every sheet, and the numbers (values and number formats)
 * identical to the English workbook's; the English numbers are checked against the reference cases in
 * demo-workbook.test.ts. The Baseline sheet hides the controls (paper 002's Table 3: 控制变量 是/否),
 * so its numbers are those of the English NQP, constant, N and R-squared rows.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runDemo } from "../../scripts/demo";
import { SPEC_SHEET, decodeSpecRows } from "../../src/report/spec-record";

const EN = ["Descriptives", "Baseline", "IV", "Robustness", "Heterogeneity", "Mechanism", "Mediation", "Spatial", "PSM", "PSM balance", "SHAP importance"];
const ZH = ["描述性统计", "基准回归", "内生性检验", "稳健性检验", "异质性分析", "机制检验", "中介效应", "空间计量", "PSM", "平衡性检验", "SHAP 重要性"];
let en: ExcelJS.Workbook;
let zh: ExcelJS.Workbook;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "nqp-demo-zh-")), "demo.xlsx");
  const r = await runDemo(out);
  expect(r.zh.path).toBe(out.replace(/\.xlsx$/, "-zh.xlsx"));
  en = new ExcelJS.Workbook();
  await en.xlsx.readFile(out);
  zh = new ExcelJS.Workbook();
  await zh.xlsx.readFile(r.zh.path);
}, 180000);

function text(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const v = ws.getCell(r, c).value;
  return v === null || v === undefined ? "" : String(v);
}

/** Numeric cells row by row: [row label (or the label above for a parenthesis line), value, format]. */
function numbers(ws: ExcelJS.Worksheet): { label: string; col: number; value: number; fmt: string }[] {
  const out: { label: string; col: number; value: number; fmt: string }[] = [];
  let last = "";
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = text(ws, r, 1);
    if (a) last = a;
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      if (typeof cell.value === "number") out.push({ label: last, col: c, value: cell.value, fmt: cell.numFmt });
    }
  }
  return out;
}

function columnA(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(text(ws, r, 1));
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

describe("Chinese demo workbook (npm run demo)", () => {
  test("every sheet, Chinese names, in the English order; specs recorded with language zh", () => {
    expect(zh.worksheets.map((w) => w.name)).toEqual([...ZH, SPEC_SHEET, "图"]);
    expect(zh.getWorksheet("图")!.getImages()).toHaveLength(3);
    const values: unknown[][] = [];
    zh.getWorksheet(SPEC_SHEET)!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const recs = decodeSpecRows(values);
    expect(recs.map((r) => r.sheetName)).toEqual(ZH);
    for (const r of recs) expect((r.spec as { options?: { language?: string } }).options?.language).toBe("zh");
  });

  test.each(ZH.map((z, i) => [z, EN[i]]))("%s: Chinese title, labels and 注 note", (name) => {
    const ws = zh.getWorksheet(name)!;
    const col = columnA(ws);
    expect(col[0]).toMatch(CJK);
    expect(col.some((s) => s.startsWith("注："))).toBe(true);
    if (name !== "SHAP 重要性" && name !== "平衡性检验") expect(col).toContain(name === "描述性统计" ? "变量类型" : "变量");
    if (!["描述性统计", "平衡性检验", "SHAP 重要性"].includes(name)) {
      expect(col).toEqual(expect.arrayContaining(["年份固定效应", "城市固定效应"]));
      expect(col.indexOf("年份固定效应")).toBeLessThan(col.indexOf("城市固定效应"));
    }
    // No English row words left.
    for (const w of ["Variables", "Constant", "Controls", "City FE", "Year FE", "R-squared", "Unmatched", "Feature"]) expect(col).not.toContain(w);
  });

  test("IV, mediation, PSM, spatial rows in Chinese", () => {
    const iv = columnA(zh.getWorksheet("内生性检验")!);
    expect(iv).toEqual(expect.arrayContaining(["Kleibergen-Paap rk Wald F 统计量", "Kleibergen-Paap rk LM 统计量", "N"]));
    const row = iv.indexOf("变量");
    expect(text(zh.getWorksheet("内生性检验")!, row, 2)).toBe("第一阶段");
    expect(columnA(zh.getWorksheet("中介效应")!)).toEqual(expect.arrayContaining(["Sobel 检验 z 值", "间接效应 a×b", "中介效应占比 (a×b/c)"]));
    expect(columnA(zh.getWorksheet("平衡性检验")!)).toEqual(expect.arrayContaining(["匹配前", "匹配后"]));
    expect(columnA(zh.getWorksheet("空间计量")!)).toEqual(expect.arrayContaining(["直接效应：NQP", "间接效应：NQP", "总效应：NQP", "对数似然值", "伪 R²"]));
    expect(columnA(zh.getWorksheet("SHAP 重要性")!)).toEqual(expect.arrayContaining(["特征变量", "树的数量"]));
  });

  test.each(ZH.map((z, i) => [z, EN[i]]).filter(([z]) => z !== "基准回归"))("%s: numbers and formats identical to the English sheet %s", (z, e) => {
    const a = numbers(zh.getWorksheet(z)!).map(({ col, value, fmt }) => ({ col, value, fmt }));
    const b = numbers(en.getWorksheet(e)!).map(({ col, value, fmt }) => ({ col, value, fmt }));
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  test("基准回归: the NQP, constant, N and R² numbers of the English Baseline sheet", () => {
    const rename: Record<string, string> = { NQP: "NQP", Constant: "常数项", N: "N", "R-squared": "R²" };
    const want = numbers(en.getWorksheet("Baseline")!).filter((x) => x.label in rename).map((x) => ({ ...x, label: rename[x.label] }));
    const got = numbers(zh.getWorksheet("基准回归")!);
    expect(want.length).toBe(6 * 6);
    expect(got).toEqual(want);
    const col = columnA(zh.getWorksheet("基准回归")!);
    // Column A between the title and the 注 note: paper 002's Table 3 row order.
    expect(col.slice(1, col.findIndex((s) => s.startsWith("注："))).filter(Boolean)).toEqual(["变量", "NQP", "控制变量", "年份固定效应", "城市固定效应", "常数项", "N", "R²"]);
  });
});
