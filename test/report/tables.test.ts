/** Layout of the table builders on synthetic result records (test/report/synthetic.ts). */
import { buildRegressionTable } from "../../src/report/regression-table";
import { buildIvTable } from "../../src/report/iv-table";
import { buildMediationTable } from "../../src/report/mediation-table";
import { buildDescriptivesTable } from "../../src/report/descriptives-table";
import { renderText } from "../../src/report/writers/text";
import { renderMarkdown } from "../../src/report/writers/markdown";
import { Table, TableCell } from "../../src/report/table";
import { formatNumber } from "../../src/report/formats";
import { stepwiseColumns, synthDiagnostic, synthResult } from "./synthetic";

const shown = (c: TableCell) => (c.kind === "number" ? formatNumber(c.value, c.format) : c.kind === "text" ? c.text : "");
const row = (t: Table, role: string, key: string) => t.rows.find((r) => r.role === role && r.key === key)!;

describe("regression table", () => {
  const cols = stepwiseColumns();
  const table = buildRegressionTable({
    title: "Table 3: Baseline",
    columns: cols.map((result) => ({ result })),
    labels: { NQP: "NQP index" },
    feRows: { city_id: "City FE", year: "Year FE" },
  });

  test("header: numbers and dependent variables; three-line rules", () => {
    expect(table.headerRows).toBe(2);
    expect(table.rows[0].cells.map(shown)).toEqual(["Variables", "(1)", "(2)", "(3)"]);
    expect(table.rows[1].cells.map(shown)).toEqual(["", "ER", "ER", "ER"]);
    expect(table.rules).toEqual([
      { after: -1, weight: "heavy" },
      { after: 1, weight: "thin" },
      { after: table.rows.length - 1, weight: "heavy" },
    ]);
  });

  test("each term on two lines, stars follow p, t in parentheses, blanks where absent", () => {
    expect(row(table, "estimate", "NQP").cells.map(shown)).toEqual(["NQP index", "0.227***", "0.227***", "0.227***"]);
    expect(row(table, "paren", "NQP").cells.map(shown)).toEqual(["", "(4.63)", "(4.63)", "(4.63)"]);
    expect(row(table, "estimate", "GDP").cells.map(shown)).toEqual(["GDP", "", "0.409**", "0.409**"]);
    expect(row(table, "estimate", "FEF").cells.map(shown)).toEqual(["FEF", "", "", "-0.274*"]);
    expect(row(table, "paren", "FEF").cells.map(shown)).toEqual(["", "", "", "(-4.87)"]);
    const cons = row(table, "estimate", "_cons");
    expect(cons.cells.map(shown)).toEqual(["Constant", "-1.370", "-1.370", "-1.370"]);
  });

  test("order: terms, indicator rows, constant, N, R-squared; notes", () => {
    const keys = table.rows.slice(table.headerRows).map((r) => `${r.role}:${r.key}`);
    expect(keys).toEqual([
      "estimate:NQP", "paren:NQP", "estimate:GDP", "paren:GDP", "estimate:FEF", "paren:FEF",
      "indicator:City FE", "indicator:Year FE", "estimate:_cons", "paren:_cons", "stat:n", "stat:r2",
    ]);
    expect(row(table, "indicator", "City FE").cells.map(shown)).toEqual(["City FE", "Y", "Y", "Y"]);
    expect(row(table, "stat", "n").cells.map(shown)).toEqual(["N", "2840", "2840", "2840"]);
    expect(row(table, "stat", "r2").cells.map(shown)).toEqual(["R-squared", "0.1875", "0.1875", "0.1875"]);
    expect(table.notes[0]).toBe("t statistics in parentheses; standard errors clustered by city_id.");
    expect(table.notes[1]).toBe("*** p<0.01, ** p<0.05, * p<0.1.");
  });

  test("options: SE in parentheses, within R2, hidden controls with a Controls row", () => {
    const t = buildRegressionTable({
      title: "T",
      columns: cols.map((result) => ({ result })),
      terms: ["NQP"],
      controls: ["GDP", "FEF"],
      options: { paren: "se", decimals: 2, r2: "within", starLevels: [0.05] },
      constant: false,
    });
    expect(row(t, "paren", "NQP").cells.map(shown)).toEqual(["", "(0.05)", "(0.05)", "(0.05)"]);
    expect(row(t, "estimate", "NQP").cells.map(shown)).toEqual(["NQP", "0.23*", "0.23*", "0.23*"]);
    expect(row(t, "indicator", "Controls").cells.map(shown)).toEqual(["Controls", "N", "Y", "Y"]);
    expect(row(t, "stat", "r2_within").cells.map(shown)).toEqual(["Within R-squared", "0.0432", "0.0432", "0.0432"]);
    expect(t.rows.some((r) => r.key === "_cons")).toBe(false);
    expect(t.notes[0]).toBe("Standard errors clustered by city_id in parentheses.");
    expect(t.notes[1]).toBe("* p<0.05.");
  });

  test("group headers merge equal neighbours; bad term and stat keys are errors naming the choices", () => {
    const t = buildRegressionTable({
      title: "T",
      columns: [
        { result: cols[2], group: "Hu Line", subtitle: "West" },
        { result: cols[2], group: "Hu Line", subtitle: "East" },
        { result: cols[2], group: "Resource" },
      ],
    });
    expect(t.rows[0].cells).toEqual([{ kind: "empty" }, { kind: "text", text: "Hu Line", span: 2 }, { kind: "empty" }, { kind: "text", text: "Resource" }]);
    expect(t.rows[3].cells.map(shown)).toEqual(["", "West", "East", ""]);
    expect(() => buildRegressionTable({ title: "T", columns: [{ result: cols[0] }], terms: ["XYZ"] })).toThrow(/XYZ.*NQP/);
    expect(() => buildRegressionTable({ title: "T", columns: [{ result: cols[0] }], stats: ["foo"] })).toThrow(/Allowed: n, r2/);
  });
});

describe("IV, mediation and descriptives tables", () => {
  test("IV: first and second stage, KP F with {Stock-Yogo}, KP LM with [p] in the first-stage column", () => {
    const first = synthResult("NQP", [{ name: "L1_NQP", coef: 0.415, se: 0.0495, p: 1e-9 }]);
    const second = synthResult("ER", [{ name: "NQP", coef: 0.303, se: 0.151, p: 0.045 }], { model: "iv" });
    const t = buildIvTable({
      title: "Table 4",
      firstStage: [first],
      secondStage: second,
      diagnostics: [
        synthDiagnostic("kp_f", "KP rk Wald F", 70.312, NaN, { stock_yogo_10: 16.38 }),
        synthDiagnostic("kp_lm", "KP rk LM", 89.19, 0.0000001),
      ],
      labels: { L1_NQP: "IV (L.NQP)" },
    });
    expect(t.rows[0].cells.map(shown)).toEqual(["", "First stage", "Second stage"]);
    expect(t.rows[2].cells.map(shown)).toEqual(["", "NQP", "ER"]);
    const keys = t.rows.slice(t.headerRows).map((r) => `${r.role}:${r.key}`);
    expect(keys).toEqual(["estimate:L1_NQP", "paren:L1_NQP", "estimate:NQP", "paren:NQP", "stat:kp_f", "stat2:kp_f", "stat:kp_lm", "stat2:kp_lm", "stat:n", "stat:r2"]);
    expect(row(t, "stat", "kp_f").cells.map(shown)).toEqual(["KP rk Wald F", "70.31", ""]);
    expect(row(t, "stat2", "kp_f").cells.map(shown)).toEqual(["", "{16.380}", ""]);
    expect(row(t, "stat2", "kp_lm").cells.map(shown)).toEqual(["", "[0.000]", ""]);
    expect(t.notes).toContain("P-values in square brackets.");
    expect(t.notes.some((n) => /Stock-Yogo/.test(n))).toBe(true);
  });

  test("IV: Hansen J with [p] when over-identified; inapplicable diagnostics are left out of the default rows", () => {
    const first = synthResult("NQP", [{ name: "L1_NQP", coef: 0.4, se: 0.05, p: 1e-9 }, { name: "L2_NQP", coef: 0.1, se: 0.05, p: 0.04 }]);
    const second = synthResult("ER", [{ name: "NQP", coef: 0.3, se: 0.15, p: 0.045 }], { model: "iv" });
    const kpF = synthDiagnostic("kp_f", "KP rk Wald F", 300, NaN, { stock_yogo_10: 19.93 });
    const j = synthDiagnostic("hansen_j", "Hansen J", 1.234, 0.2667);
    const t = buildIvTable({ title: "IV", firstStage: [first], secondStage: second, diagnostics: [kpF, j], diagnosticsColumn: "second" });
    expect(row(t, "stat", "hansen_j").cells.map(shown)).toEqual(["Hansen J", "", "1.23"]);
    expect(row(t, "stat2", "hansen_j").cells.map(shown)).toEqual(["", "", "[0.267]"]);
    expect(row(t, "stat2", "kp_f").cells.map(shown)).toEqual(["", "", "{19.930}"]);
    const exact = { ...j, statistic: NaN, p: NaN, inapplicable: "exactly identified" };
    const t2 = buildIvTable({ title: "IV", firstStage: [first], secondStage: second, diagnostics: [kpF, exact] });
    expect(t2.rows.some((r) => r.key === "hansen_j")).toBe(false);
    const t3 = buildIvTable({ title: "IV", firstStage: [first], secondStage: second, diagnostics: [kpF, exact], stats: ["hansen_j"] });
    expect(row(t3, "stat", "hansen_j").cells.map(shown)).toEqual(["Hansen J", "n.a.", ""]);
    expect(() => buildIvTable({ title: "IV", firstStage: [first], secondStage: second, diagnostics: [], diagnosticsColumn: "third" as "first" })).toThrow(/Allowed: first, second/);
  });

  test("mediation: three Baron-Kenny columns with Sobel z in the last", () => {
    const total = synthResult("ER", [{ name: "NQP", coef: 0.13, se: 0.05, p: 0.01 }]);
    const a = synthResult("DI", [{ name: "NQP", coef: 0.25, se: 0.05, p: 0.001 }]);
    const b = synthResult("ER", [{ name: "NQP", coef: 0.1, se: 0.05, p: 0.04 }, { name: "DI", coef: 0.12, se: 0.04, p: 0.003 }]);
    const t = buildMediationTable({ title: "M", total, aPath: a, outcome: b, indirect: [synthDiagnostic("sobel", "Sobel z", 2.5, 0.012)] });
    expect(t.rows[1].cells.map(shown)).toEqual(["", "ER", "DI", "ER"]);
    expect(row(t, "stat", "sobel").cells.map(shown)).toEqual(["Sobel z", "", "", "2.50"]);
    expect(row(t, "stat2", "sobel").cells.map(shown)).toEqual(["", "", "", "[0.012]"]);
  });

  test("group_diff: the diff_<level> test of a split's last column, with [p]", () => {
    const base = synthResult("ER", [{ name: "NQP", coef: 0.1, se: 0.05, p: 0.04 }]);
    const t = buildRegressionTable({
      title: "H",
      columns: [{ result: base, group: "Hu" }, { result: base, group: "Hu", diagnostics: [synthDiagnostic("diff_1", "Difference", 2.5, 0.013)] }],
      stats: ["group_diff"],
      statLabels: { group_diff: "Difference in NQP (t)" },
    });
    expect(row(t, "stat", "group_diff").cells.map(shown)).toEqual(["Difference in NQP (t)", "", "2.50"]);
    expect(row(t, "stat2", "group_diff").cells.map(shown)).toEqual(["", "", "[0.013]"]);
  });

  test("descriptives: role column shown once per run; N integer; 3 decimals", () => {
    const t = buildDescriptivesTable({
      title: "Table 2",
      describe: {
        names: ["ER", "NQP", "GDP", "FTE"],
        sample: "pairwise",
        nListwise: NaN,
        stats: [1, 2, 3, 4].map((v) => ({ n: 3124 - v, mean: v / 7, sd: v / 11, min: -v, max: v * 1.5 })),
      },
      roles: { ER: "Dependent", NQP: "Explanatory", GDP: "Control", FTE: "Control" },
    });
    expect(t.rows[0].cells.map(shown)).toEqual(["Variable Type", "Variable", "N", "Mean", "SD", "Min", "Max"]);
    expect(t.rows[3].cells.map(shown)).toEqual(["Control", "GDP", "3121", "0.429", "0.273", "-3.000", "4.500"]);
    expect(t.rows[4].cells.map(shown)[0]).toBe("");
  });
});

describe("text and markdown writers", () => {
  const t = buildRegressionTable({ title: "Table 3", columns: stepwiseColumns().map((result) => ({ result })), feRows: { city_id: "City FE" } });
  test("text: rules as = and - lines, aligned columns, notes", () => {
    const s = renderText(t).split("\n");
    expect(s[0]).toBe("Table 3");
    expect(s[1]).toMatch(/^=+$/);
    expect(s[2]).toMatch(/^Variables\s+\(1\)\s+\(2\)\s+\(3\)$/);
    expect(s[4]).toMatch(/^-+$/);
    expect(s[5]).toMatch(/^NQP\s+0\.227\*\*\*\s+0\.227\*\*\*\s+0\.227\*\*\*$/);
    expect(s.filter((l) => /^=+$/.test(l))).toHaveLength(2);
    expect(s).toContain("*** p<0.01, ** p<0.05, * p<0.1.");
    const widths = new Set(s.filter((l) => /^[=-]+$/.test(l)).map((l) => l.length));
    expect(widths.size).toBe(1);
  });
  test("text: a group header wider than its columns widens them", () => {
    const r = stepwiseColumns()[0];
    const g = buildRegressionTable({ title: "G", columns: [{ result: r, group: "A very long group header" }, { result: r, group: "A very long group header" }] });
    const lines = renderText(g).split("\n");
    const rule = lines[1].length;
    expect(lines[2].trim()).toBe("A very long group header");
    expect(lines[2].length).toBeLessThanOrEqual(rule);
    expect(lines.filter((l) => /^[=-]+$/.test(l)).every((l) => l.length === rule)).toBe(true);
  });
  test("markdown: one header line, escaped stars", () => {
    const s = renderMarkdown(t).split("\n");
    expect(s[2]).toBe("| Variables | (1)<br>ER | (2)<br>ER | (3)<br>ER |");
    expect(s[4]).toBe("| NQP | 0.227\\*\\*\\* | 0.227\\*\\*\\* | 0.227\\*\\*\\* |");
  });
});
