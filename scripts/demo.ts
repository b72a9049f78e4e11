/**
 * `npm run demo`: the add-in's main job without Excel. Reads the bundled synthetic panel
 * (data/nqp_panel.csv), builds NQP (entropy weights) and ER (Martin resilience) and the lag of NQP,
 * runs the papers' models and writes one workbook with a publication table per sheet (descriptive
 * statistics, stepwise baseline, IV, robustness, heterogeneity, mechanism, mediation, spatial SAR/SEM/SDM, PSM-FE and its balance), as the task
 * pane would in Excel. The specs are data/demo-spec.json (the `nqp table --spec` format).
 *
 * Usage: npx tsx scripts/demo.ts [OUT.xlsx]   (default out/demo/nqp-demo.xlsx)
 */
import { mkdirSync } from "fs";
import { dirname, join, resolve } from "path";
import { buildSpecWorkbook } from "../src/cli/commands/table";
import { renderText } from "../src/report/writers/text";
import { addDemoFigures } from "./demo-figures";

export const DEMO_SPEC = join(__dirname, "..", "data", "demo-spec.json");
export const DEMO_DATA = join(__dirname, "..", "data", "nqp_panel.csv");
export const DEMO_OUT = join(__dirname, "..", "out", "demo", "nqp-demo.xlsx");

export async function runDemo(out = DEMO_OUT, print: (s: string) => void = () => undefined) {
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  const tables = await buildSpecWorkbook(DEMO_SPEC, DEMO_DATA, path);
  for (const t of tables) print(renderText(t.table) + "\n");
  const figures = await addDemoFigures(path, DEMO_SPEC, DEMO_DATA);
  print(`Figures sheet and PNGs: ${figures.join(", ")}\n`);
  print(`Wrote ${tables.length} tables (sheets: ${tables.map((t) => t.sheet).join(", ")}) to ${path}\n`);
  print("See the rendered pages with: npm run demo:render\n");
  return { path, tables, figures };
}

if (require.main === module) {
  runDemo(process.argv[2], (s) => process.stdout.write(s)).catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });
}
