/**
 * Output tables of the index builders (entropy weights, resilience by period), used by the task pane.
 * They are not regression tables; they use the report's table model and formats so the same writers
 * render them, and the table language (English or Chinese) like every other table.
 */
import type { EntropyResult } from "../engine/indices/entropy";
import type { ResilienceResult } from "../engine/indices/resilience";
import { Lang, t } from "../i18n/catalogue";
import { indexTableMessages as im } from "../i18n/messages/tables-index";
import { fixed, INTEGER } from "./formats";
import { noteLines } from "./notes";
import { makeTable, num, text, Table, TableRow } from "./table";

function row(role: TableRow["role"], key: string, cells: TableRow["cells"]): TableRow {
  return { role, key, cells };
}

export function entropyWeightsTable(res: EntropyResult, layers: readonly string[], outName: string, decimals: number, lang: Lang = "en"): Table {
  const w = (msg: { en: string; zh: string }) => t(msg, undefined, lang);
  const fit = res.fits[0];
  const f = fixed(Math.max(decimals, 4));
  const header = [row("header", "header", [im.indicator, im.layer, im.direction, im.entropy, im.weight].map((x) => text(w(x))))];
  const body: TableRow[] = res.names.map((name, j) =>
    row("data", name, [text(name), text(layers[j] ?? ""), text(res.directions[j] === 1 ? "+" : "-"), num(fit.e[j], f), num(fit.weights[j], f)]),
  );
  for (const layer of res.layers) {
    body.push(row("stat", `layer:${layer.label}`, [text(t(im.layerRow, { label: layer.label }, lang)), text(""), text(""), text(""), num(layer.weight[0], f)]));
  }
  body.push(row("stat", "n_used", [text(w(im.rowsScored)), text(""), text(""), text(""), num(res.nUsed, INTEGER)]));
  const method = res.method === "minmax" ? w(im.minmax) : t(im.minmaxShift, { shift: res.shift }, lang);
  const missing = t(im.missingNote, { n: res.nMissingIndicator }, lang);
  const dropped = res.dropped.length ? t(im.dropped, { names: res.dropped.join(lang === "zh" ? "、" : ", ") }, lang) : "";
  const entropyNote = t(im.entropyNote, { method, name: outName }, lang);
  const notes = lang === "en" ? [entropyNote, `${missing}${dropped ? ` ${dropped}` : ""}`] : noteLines([entropyNote, missing, dropped], lang);
  return makeTable(t(im.entropyTitle, { name: outName }, lang), header, body, notes);
}

/** Per period: national growth G_t, the mean of the index over units and how many units have it. */
export function resilienceTable(res: ResilienceResult, time: ArrayLike<number>, outName: string, decimals: number, lang: Lang = "en"): Table {
  const f = fixed(decimals);
  const sums = new Map<number, { s: number; n: number }>();
  for (let i = 0; i < res.values.length; i++) {
    if (Number.isNaN(res.values[i])) continue;
    const a = sums.get(time[i]) ?? { s: 0, n: 0 };
    a.s += res.values[i];
    a.n++;
    sums.set(time[i], a);
  }
  const header = [row("header", "header", [t(im.period, undefined, lang), t(im.nationalGrowth, undefined, lang), t(im.meanOf, { name: outName }, lang), t(im.n, undefined, lang)].map((x) => text(x)))];
  const body = res.nationalGrowth.map((g) => {
    const a = sums.get(g.time);
    return row("data", String(g.time), [text(String(g.time)), num(g.G, f), num(a ? a.s / a.n : NaN, f), num(a ? a.n : NaN, INTEGER)]);
  });
  const source = t(res.nationalSource === "column" ? im.sourceColumn : im.sourceTotal, undefined, lang);
  const items = [t(im.resilienceNote, { name: outName, source }, lang), t(im.resilienceMissing, { n: res.nMissing, name: outName }, lang)];
  return makeTable(t(im.resilienceTitle, { name: outName }, lang), header, body, noteLines(items, lang));
}
