/**
 * `npm run demo`: the add-in's main job without Excel. Reads the bundled synthetic panel
 * (data/nqp_panel.csv), builds NQP (entropy weights) and ER (Martin resilience) and the lag of NQP,
 * runs the papers' models and writes one workbook with a publication table per sheet (descriptive
 * statistics, stepwise baseline, IV, robustness, heterogeneity, mechanism, mediation, spatial SAR/SEM/SDM, PSM-FE and its balance), as the task
 * pane would in Excel. The specs are data/demo-spec.json (the `nqp table --spec` format).
 *
 * It then writes the same tables in Chinese (table language "zh", Chinese-journal layout; titles and
 * notes from data/demo-zh.json) to OUT-zh.xlsx next to it (default out/demo/nqp-demo-zh.xlsx).
 *
 * Usage: npx tsx scripts/demo.ts [OUT.xlsx]   (default out/demo/nqp-demo.xlsx)
 */
import { mkdirSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { buildSpecWorkbook } from "../src/cli/commands/table";
import { readDataFile } from "../src/cli/data";
import { BuiltTable, runSpecFile } from "../src/report/run-spec";
import { renderText } from "../src/report/writers/text";
import { writeTablesXlsx } from "../src/report/writers/xlsx";
import { addDemoFigures } from "./demo-figures";
import { readZhWords, zhDemoSpec } from "./demo-zh";

export const DEMO_SPEC = join(__dirname, "..", "data", "demo-spec.json");
export const DEMO_DATA = join(__dirname, "..", "data", "nqp_panel.csv");
export const DEMO_OUT = join(__dirname, "..", "out", "demo", "nqp-demo.xlsx");

/** The Chinese workbook of an English one: "x.xlsx" -> "x-zh.xlsx". */
export function zhPath(path: string): string {
  return path.replace(/\.xlsx$/i, "") + "-zh.xlsx";
}

/** The demo tables in Chinese, written to `path` (with the figures, Chinese titles). */
export async function runDemoZh(path: string): Promise<{ path: string; tables: BuiltTable[]; figures: string[] }> {
  const words = readZhWords();
  const spec = zhDemoSpec(JSON.parse(readFileSync(DEMO_SPEC, "utf8")), words);
  const { tables } = await runSpecFile(await readDataFile(DEMO_DATA), spec);
  await writeTablesXlsx(path, tables);
  const figures = await addDemoFigures(path, DEMO_SPEC, DEMO_DATA, { ...words.figures, suffix: "-zh" });
  return { path, tables, figures };
}

export async function runDemo(out = DEMO_OUT, print: (s: string) => void = () => undefined) {
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  const tables = await buildSpecWorkbook(DEMO_SPEC, DEMO_DATA, path);
  for (const t of tables) print(renderText(t.table) + "\n");
  const figures = await addDemoFigures(path, DEMO_SPEC, DEMO_DATA);
  print(`Figures sheet and PNGs: ${figures.join(", ")}\n`);
  print(`Wrote ${tables.length} tables (sheets: ${tables.map((t) => t.sheet).join(", ")}) to ${path}\n`);
  const zh = await runDemoZh(zhPath(path));
  print(`Wrote the same ${zh.tables.length} tables in Chinese (sheets: ${zh.tables.map((t) => t.sheet).join(", ")}) to ${zh.path}\n`);
  print("See the rendered pages with: npm run demo:render\n");
  return { path, tables, figures, zh };
}

if (require.main === module) {
  runDemo(process.argv[2], (s) => process.stdout.write(s)).catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });
}
