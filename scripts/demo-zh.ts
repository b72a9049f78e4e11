/**
 * The Chinese demo workbook's spec: data/demo-spec.json (the same models, so the same numbers) with
 * "language": "zh" and the Chinese titles, sheet names, labels, notes and subtitles of data/demo-zh.json
 * (variants, splits and methods replaced by position). Chinese-journal wording of the rows and notes
 * comes from the table language itself (src/i18n/messages/tables*.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { FigureWords } from "./demo-figures";

export const DEMO_ZH = join(__dirname, "..", "data", "demo-zh.json");

type Obj = Record<string, unknown>;

interface ZhWords {
  readonly labels: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, Obj>>;
  readonly figures: Omit<FigureWords, "suffix">;
}

export function readZhWords(path = DEMO_ZH): ZhWords {
  return JSON.parse(readFileSync(path, "utf8")) as ZhWords;
}

/** The English spec (parsed data/demo-spec.json) in Chinese; every English sheet must have its entry. */
export function zhDemoSpec(spec: { tables: Obj[] } & Obj, words: ZhWords = readZhWords()): Obj {
  const tables = spec.tables.map((t) => {
    const sheet = String(t.sheet ?? t.title);
    const zh = words.tables[sheet];
    if (!zh) throw new Error(`data/demo-zh.json has no entry for the demo sheet "${sheet}".`);
    const out: Obj = { ...t, ...zh };
    if (t.labels) out.labels = { ...(t.labels as Obj), ...words.labels };
    if (Array.isArray(zh.variants)) out.variants = (t.variants as Obj[]).map((v, i) => ({ ...v, label: (zh.variants as string[])[i] ?? v.label }));
    if (Array.isArray(zh.splits)) out.splits = (t.splits as Obj[]).map((s, i) => ({ ...s, ...(zh.splits as Obj[])[i] }));
    if (Array.isArray(zh.methods)) out.methods = (t.methods as Obj[]).map((m, i) => ({ ...m, label: (zh.methods as string[])[i] ?? m.label }));
    return out;
  });
  return { ...spec, language: "zh", tables };
}
