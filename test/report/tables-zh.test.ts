/**
 * Chinese-journal tables (options.language "zh", issue 20): every table kind's wording, the notes built
 * from the options (t vs SE, clustering, star levels), and the baseline layout of seed paper 002's
 * Table 3 (变量 / (1) / 因变量; terms; 控制变量; 年份固定效应; 城市固定效应; 常数项; N; R²; 注：1. ...；2. ...).
 * Numbers here are synthetic (test/report/synthetic.ts) or the demo's; their correctness is checked in
 * the English tests (demo-workbook.test.ts); here only that the Chinese tables carry the same numbers.
 */
import { entropyIndex } from "../../src/engine/indices/entropy";
import { martinResilience } from "../../src/engine/indices/resilience";
import { buildDescriptivesTable } from "../../src/report/descriptives-table";
import { entropyWeightsTable, resilienceTable } from "../../src/report/index-tables";
import { buildIvTable } from "../../src/report/iv-table";
import { feRowLabels, panelLabels } from "../../src/report/labels";
import { buildMediationTable } from "../../src/report/mediation-table";
import { noteLines, parenNote, starNote } from "../../src/report/notes";
import { tableOptions } from "../../src/report/options";
import { buildPsmBalanceTable } from "../../src/report/psm-table";
import { buildRegressionTable } from "../../src/report/regression-table";
import { validateSpecFile } from "../../src/report/spec";
import { Table, cellText } from "../../src/report/table";
import { formatNumber } from "../../src/report/formats";
import { renderText } from "../../src/report/writers/text";
import { layoutTable } from "../../src/report/grid";
import { displayWidth } from "../../src/report/text-width";
import { stepwiseColumns, synthDiagnostic, synthResult } from "./synthetic";

const zh = { language: "zh" as const };

function labels(t: Table): string[] {
  return t.rows.filter((r) => r.role !== "paren" && r.role !== "stat2").map((r) => cellText(r.cells[0], formatNumber));
}

function numbers(t: Table): number[] {
  return t.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === "number" ? [c.value] : [])));
}

describe("table language option", () => {
  test("default en, zh accepted, anything else refused with the allowed values", () => {
    expect(tableOptions().language).toBe("en");
    expect(tableOptions({ language: "zh" }).language).toBe("zh");
    expect(() => tableOptions({ language: "fr" })).toThrow('Unknown table language "fr". Allowed: en, zh.');
  });
});

describe("Chinese baseline table: the layout of paper 002's Table 3", () => {
  const cols = stepwiseColumns();
  const spec = {
    title: "表 3　基准回归",
    columns: cols.map((result) => ({ result })),
    terms: ["NQP"],
    controls: ["GDP", "FEF"],
    labels: { city_id: "城市", year: "年份" },
    feRows: feRowLabels(["city_id", "year"], { city_id: "城市", year: "年份" }, "zh"),
  };
  const t = buildRegressionTable({ ...spec, options: zh });

  test("row order and labels: 变量; NQP; 控制变量; 年份固定效应; 城市固定效应; 常数项; N; R²", () => {
    // Paper 002, Table 3: 变量 (1) (2) / Resil Resil / Nqp / 控制变量 否 是 / 年份固定效应 是 是 /
    // 城市固定效应 是 是 / 常数项 / N / R2 (the time FE row before the city FE row, unlike our English order).
    expect(labels(t)).toEqual(["变量", "", "NQP", "控制变量", "年份固定效应", "城市固定效应", "常数项", "N", "R²"]);
    expect(t.rows.map((r) => r.role)).toEqual(["header", "header", "estimate", "paren", "indicator", "indicator", "indicator", "estimate", "paren", "stat", "stat"]);
    expect(t.rows[0].cells.slice(1).map((c) => cellText(c, formatNumber))).toEqual(["(1)", "(2)", "(3)"]);
    expect(t.rows[1].cells.slice(1).map((c) => cellText(c, formatNumber))).toEqual(["ER", "ER", "ER"]);
    // Column (1) has no controls: 否, as the paper's column (1).
    expect(t.rows[4].cells.slice(1).map((c) => cellText(c, formatNumber))).toEqual(["否", "是", "是"]);
    expect(t.rows[5].cells.slice(1).map((c) => cellText(c, formatNumber))).toEqual(["是", "是", "是"]);
  });

  test("one 注 paragraph built from the options: t values, city clustering, the star levels", () => {
    expect(t.notes).toEqual(["注：1. 括号内为城市层面聚类稳健标准误的 t 值；2. *、**与***分别表示在 10%、5%与 1%水平上显著。"]);
    const se = buildRegressionTable({ ...spec, options: { ...zh, paren: "se", starLevels: [0.05, 0.01] } });
    expect(se.notes).toEqual(["注：1. 括号内数值为城市层面聚类稳健标准误；2. *与**分别表示在 5%与 1%水平上显著。"]);
  });

  test("same numbers and number formats as the English table (only the words differ)", () => {
    const en = buildRegressionTable(spec);
    expect(numbers(t)).toEqual(numbers(en));
    expect(labels(en)).toEqual(["Variables", "", "NQP", "Controls", "城市固定效应", "年份固定效应", "Constant", "N", "R-squared"]);
  });

  test("text and grid widths count a CJK character twice (nothing clipped)", () => {
    const txt = renderText(t).split("\n");
    const rule = txt[1];
    for (const line of txt.slice(2, 2 + t.rows.length)) expect(displayWidth(line)).toBeLessThanOrEqual(displayWidth(rule));
    const grid = layoutTable(t);
    expect(grid.widths[0]).toBeGreaterThanOrEqual(2 * "年份固定效应".length);
    // The note wraps at CJK characters into lines within the table's width.
    const capacity = grid.widths.reduce((a, b) => a + b, 0) * 1.25;
    for (const r of grid.noteRows) expect(displayWidth(String(grid.values[r][0]), 2.7)).toBeLessThanOrEqual(capacity);
  });
});

describe("notes from the options, in Chinese", () => {
  const city = synthResult("ER", [{ name: "NQP", coef: 1, se: 0.5, p: 0.04 }]);
  const hc1 = { ...city, vcovType: "hc1" as const, clusterVars: [] };
  const lab = (n: string) => ({ city_id: "城市", year: "年份" })[n] ?? n;
  test("paren: t / z / SE, clustering, HC1, two-way, per column", () => {
    expect(parenNote([city], "t", lab, "zh")).toBe("括号内为城市层面聚类稳健标准误的 t 值");
    expect(parenNote([{ ...city, statName: "z" }], "t", lab, "zh")).toBe("括号内为城市层面聚类稳健标准误的 z 值");
    expect(parenNote([city], "se", lab, "zh")).toBe("括号内数值为城市层面聚类稳健标准误");
    expect(parenNote([hc1], "se", lab, "zh")).toBe("括号内数值为异方差稳健标准误");
    expect(parenNote([{ ...city, clusterVars: ["city_id", "year"] }], "t", lab, "zh")).toBe("括号内为城市和年份层面聚类稳健标准误的 t 值");
    expect(parenNote([city, hc1, city], "t", lab, "zh")).toBe("括号内为 t 值，其中第(1)、(3)列为城市层面聚类稳健标准误，第(2)列为异方差稳健标准误");
  });
  test("star legend for one, two, three levels", () => {
    expect(starNote([0.1, 0.05, 0.01], "zh")).toBe("*、**与***分别表示在 10%、5%与 1%水平上显著");
    expect(starNote([0.1, 0.05], "zh")).toBe("*与**分别表示在 10%与 5%水平上显著");
    expect(starNote([0.001], "zh")).toBe("*表示在 0.1%水平上显著");
    expect(starNote([0.1, 0.05, 0.01])).toBe("*** p<0.01, ** p<0.05, * p<0.1");
  });
  test("the 注 paragraph numbers the items and drops their own end punctuation", () => {
    expect(noteLines(["a。", "b.", "c"], "zh")).toEqual(["注：1. a；2. b；3. c。"]);
    expect(noteLines(["a.", "b"], "en")).toEqual(["a.", "b"]);
  });
  test("unlabelled panel variables get their Chinese word in FE rows", () => {
    expect(feRowLabels(["city_id", "year", "prov_code", "sector"], {}, "zh")).toEqual({ city_id: "城市固定效应", year: "年份固定效应", prov_code: "省份固定效应", sector: "sector固定效应" });
    expect(panelLabels(["city_id"], {}, "zh")).toEqual({ city_id: "城市" });
    expect(feRowLabels(["city_id"], {})).toEqual({ city_id: "City FE" });
  });
});

describe("every table kind in Chinese", () => {
  test("IV: 第一阶段 / 第二阶段 groups, Kleibergen-Paap and Cragg-Donald rows, Stock-Yogo and p notes", () => {
    const [fs, , ss] = stepwiseColumns();
    const t = buildIvTable({
      title: "表 4",
      firstStage: [fs],
      secondStage: ss,
      diagnostics: [synthDiagnostic("kp_f", "KP F", 120.5, NaN, { stock_yogo_10: 16.38 }), synthDiagnostic("kp_lm", "KP LM", 30.1, 0.0001), synthDiagnostic("cd_f", "CD F", 150, NaN)],
      options: zh,
      feRows: feRowLabels(["city_id", "year"], {}, "zh"),
    });
    const group = t.rows[0].cells.map((c) => cellText(c, formatNumber));
    expect(group).toEqual(["", "第一阶段", "第二阶段"]);
    expect(labels(t)).toEqual(expect.arrayContaining(["Kleibergen-Paap rk Wald F 统计量", "Kleibergen-Paap rk LM 统计量", "Cragg-Donald Wald F 统计量", "常数项", "年份固定效应", "城市固定效应"]));
    expect(t.notes[0]).toContain("花括号内为 Stock-Yogo 检验 10% 水平的临界值");
    expect(t.notes[0]).toContain("方括号内为 p 值");
  });

  test("mediation: Sobel, indirect effect, bootstrap rows and notes", () => {
    const [total, , outcome] = stepwiseColumns();
    const aPath = synthResult("DI", [{ name: "NQP", coef: 2, se: 0.1, p: 0.001 }]);
    const t = buildMediationTable({
      title: "表 8", total, aPath, outcome, options: zh,
      indirect: [synthDiagnostic("sobel", "Sobel", 2.33, 0.02)],
      effect: { indirect: 1.6, se: 0.7, share: 0.48, bootstrap: { reps: 500, seed: 1, level: 0.95, resampled: "cluster:city_id", se: 0.77, ciLow: 0.19, ciHigh: 3.2, failed: 0 } },
      labels: { city_id: "城市" },
    });
    expect(labels(t)).toEqual(expect.arrayContaining(["间接效应 a×b", "Sobel 检验 z 值", "a×b 的 Bootstrap 标准误", "Bootstrap 95% 置信区间下限", "Bootstrap 95% 置信区间上限", "中介效应占比 (a×b/c)"]));
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toMatch(/^注：1\. 括号内为城市层面聚类稳健标准误的 t 值；2\. .*；3\. 方括号内为 p 值；4\. 间接效应 a×b = a（第\(2\)列 NQP 的系数）/);
    expect(t.notes[0]).toContain("按城市聚类重复抽样 500 次（随机种子 1）");
  });

  test("descriptives: 变量 样本量 均值 标准差 最小值 最大值 (paper 002's Table 2)", () => {
    const describe = { names: ["ER"], stats: [{ n: 10, mean: 1, sd: 0.5, min: 0, max: 2 }], sample: "pairwise", nListwise: 10 } as never;
    const t = buildDescriptivesTable({ title: "表 2", describe, language: "zh" });
    expect(t.rows[0].cells.map((c) => cellText(c, formatNumber))).toEqual(["变量", "样本量", "均值", "标准差", "最小值", "最大值"]);
    expect(t.notes).toEqual(["注：1. 各变量基于其自身的非缺失观测值；2. 标准差以 n − 1 为分母。"]);
  });

  test("PSM balance: 平衡性检验 wording, 匹配前 / 匹配后 rows", () => {
    const side = { mean_treated: 1, mean_control: 0.5, pct_bias: 40, t: 3, p: 0.01, var_ratio: 1.1 };
    const sum = { pseudo_r2: 0.1, lr_chi2: 20, p_chi2: 0.001, mean_bias: 30, median_bias: 28, B: 50, R: 1.2, n_rows: 100, sum_of_weights: 100 };
    const balance = { covariates: { GDP: { U: side, M: side, pct_reduct_abs_bias: 80 } }, summary: { U: sum, M: sum } } as never;
    const t = buildPsmBalanceTable("表 10　平衡性检验", balance, { language: "zh" });
    expect(t.rows[0].cells.map((c) => cellText(c, formatNumber))).toEqual(["变量", "样本", "处理组均值", "控制组均值", "标准化偏差(%)", "偏差减少(%)", "t 值", "p 值", "V(T)/V(C)"]);
    expect(t.rows[1].cells[1]).toEqual({ kind: "text", text: "匹配前" });
    expect(t.rows[2].cells[1]).toEqual({ kind: "text", text: "匹配后" });
    expect(t.notes[0]).toMatch(/^注：1\. 平衡性检验同 Stata pstest.*；2\. 匹配后样本：100 个观测值（权重之和 100）。$/);
  });

  test("index tables: entropy weights and resilience", () => {
    const a = Float64Array.from([1, 2, 3, 4]), b = Float64Array.from([4, 1, 3, 2]);
    const e = entropyWeightsTable(entropyIndex([a, b], ["a", "b"]), [], "NQP", 3, "zh");
    expect(e.title).toBe("NQP 的熵值法权重");
    expect(e.rows[0].cells.map((c) => cellText(c, formatNumber))).toEqual(["指标", "维度", "方向", "信息熵 e", "权重 w"]);
    expect(e.notes[0]).toMatch(/^注：1\. 熵值法（极差标准化）/);
    const r = martinResilience({ value: Float64Array.from([1, 1.1, 2, 2.3]), id: ["c1", "c1", "c2", "c2"], time: Float64Array.from([1, 2, 1, 2]) });
    const rt = resilienceTable(r, [1, 2, 1, 2], "ER", 3, "zh");
    expect(rt.rows[0].cells.map((c) => cellText(c, formatNumber))).toEqual(["时期", "全国增长率 G", "ER 均值", "N"]);
  });
});

describe("spec validation of the language", () => {
  const table = { kind: "descriptives", title: "T", variables: ["x"] };
  test("file, table and options level accept en and zh", () => {
    expect(() => validateSpecFile({ language: "zh", tables: [table] })).not.toThrow();
    expect(() => validateSpecFile({ tables: [{ ...table, language: "zh" }] })).not.toThrow();
    expect(() => validateSpecFile({ tables: [{ ...table, options: { language: "en" } }] })).not.toThrow();
  });
  test("an unknown language is refused, naming where", () => {
    expect(() => validateSpecFile({ language: "cn", tables: [table] })).toThrow('The spec file\'s "language" must be one of "en", "zh" (English, Chinese); got "cn".');
    expect(() => validateSpecFile({ tables: [{ ...table, language: "Chinese" }] })).toThrow('tables[0].language must be one of "en", "zh" (English, Chinese); got "Chinese".');
    expect(() => validateSpecFile({ tables: [{ ...table, options: { language: "zh-CN" } }] })).toThrow('tables[0].options.language must be one of "en", "zh"');
    expect(() => validateSpecFile({ tables: [table], lang: "zh" })).toThrow('The spec file has no field "lang". Its fields: tables, derive, language.');
  });
});
