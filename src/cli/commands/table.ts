/**
 * `nqp table --spec FILE.json --data FILE --out OUT.xlsx`: runs the table specs of a spec file
 * (src/report/spec.ts: derived columns, then tables) on a CSV/XLSX panel and writes one publication
 * table per sheet (ExcelJS), with the specs recorded on the hidden "_nqp_specs" sheet. Prints the
 * tables as text (or Markdown with --markdown); --json prints {out, sheets: [{sheet, title, rows}]}.
 */
import { readFileSync, statSync } from "fs";
import { resolve } from "path";
import { InputError } from "../../engine/frame";
import { BuiltTable, runSpecFile } from "../../report/run-spec";
import { renderMarkdown } from "../../report/writers/markdown";
import { renderText } from "../../report/writers/text";
import { writeTablesXlsx } from "../../report/writers/xlsx";
import { getBool, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { toJson } from "../output";
import { REPLACE_FLAG, checkOutFile, writeFileSafely } from "../out-file";

function readSpec(path: string, shown = path): unknown {
  let text: string;
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch {
    // not found: said below
  }
  if (dir) throw new InputError(`--spec names a directory, not a file: "${shown}". Give a .json spec file, e.g. data/demo-spec.json.`);
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`Spec file not found: ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`Spec file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads data and spec, runs every table, writes the workbook; returns the tables. */
export async function buildSpecWorkbook(specFile: string, dataFile: string, outFile: string, cwd = process.cwd()): Promise<BuiltTable[]> {
  const frame = await readDataFile(dataFile, cwd);
  const { tables } = await runSpecFile(frame, readSpec(resolve(cwd, specFile), specFile));
  if (!/\.xlsx$/i.test(outFile)) throw new InputError(`--out must name an .xlsx file, got "${outFile}".`);
  await writeFileSafely(resolve(cwd, outFile), (tmp) => writeTablesXlsx(tmp, tables));
  return tables;
}

export const command: CliCommand = {
  name: "table",
  summary: "Publication tables from a JSON spec (regression, descriptives, IV, mediation, heterogeneity, robustness) to .xlsx",
  usage: "nqp table --spec FILE.json --data FILE --out OUT.xlsx [--replace] [--markdown] [--quiet] [--json]",
  flags: {
    spec: { type: "string", required: true, meta: "FILE.json", description: "table specs (see data/demo-spec.json)" },
    data: { type: "string", required: true, meta: "FILE", description: "CSV or XLSX panel, first row = column names" },
    out: { type: "string", required: true, meta: "OUT.xlsx", description: "workbook to write (one sheet per table); an existing file needs --replace" },
    replace: REPLACE_FLAG,
    markdown: { type: "boolean", description: "print the tables as Markdown instead of text" },
    quiet: { type: "boolean", description: "print only the output path" },
    json: { type: "boolean", description: "print one JSON object" },
  },
  details:
    "Spec: {\"derive\": [entropy|resilience|lag steps], \"tables\": [{\"kind\": \"regression\"|\"descriptives\"|\"iv\"|\"mediation\"|\"heterogeneity\"|\"robustness\", \"title\": ..., ...}]}.\n" +
    "Example (the demo's tables; the spec derives NQP, ER and L1_NQP itself):\n" +
    "  nqp table --spec data/demo-spec.json --data data/nqp_panel.csv --out demo.xlsx --quiet",
  async run(args, io) {
    const out = getString(args, "out")!;
    checkOutFile(out, { inputs: [getString(args, "spec")!, getString(args, "data")!], replace: getBool(args, "replace"), extensions: [".xlsx"], cwd: io.cwd });
    const tables = await buildSpecWorkbook(getString(args, "spec")!, getString(args, "data")!, out, io.cwd);
    if (getBool(args, "json")) {
      io.out(toJson({ out, sheets: tables.map((t) => ({ sheet: t.sheet, title: t.table.title, rows: t.table.rows.length })) }) + "\n");
      return 0;
    }
    if (!getBool(args, "quiet")) {
      const render = getBool(args, "markdown") ? renderMarkdown : renderText;
      io.out(tables.map((t) => render(t.table)).join("\n"));
    }
    io.out(`Wrote ${tables.length} table(s) to ${out}\n`);
    return 0;
  },
};
