/**
 * Pane output tables for the index builders (entropy weights, resilience summary). These are not
 * regression tables, so the report's builders do not cover them; they use the report's table model
 * and formats so the same writers render them.
 */
import { makeTable, num, text, Table, TableRow } from "../../report/table";
import { fixed, INTEGER } from "../../report/formats";
import type { EntropyResult } from "../../engine/indices/entropy";
import type { ResilienceResult } from "../../engine/indices/resilience";

function row(role: TableRow["role"], key: string, cells: TableRow["cells"]): TableRow {
  return { role, key, cells };
}

export function entropyWeightsTable(res: EntropyResult, layers: readonly string[], outName: string, decimals: number): Table {
  const fit = res.fits[0];
  const f = fixed(Math.max(decimals, 4));
  const header = [row("header", "header", [text("Indicator"), text("Layer"), text("Direction"), text("Entropy e"), text("Weight w")])];
  const body: TableRow[] = res.names.map((name, j) =>
    row("data", name, [text(name), text(layers[j] ?? ""), text(res.directions[j] === 1 ? "+" : "-"), num(fit.e[j], f), num(fit.weights[j], f)]),
  );
  for (const layer of res.layers) {
    body.push(row("stat", `layer:${layer.label}`, [text(`Layer ${layer.label}`), text(""), text(""), text(""), num(layer.weight[0], f)]));
  }
  body.push(row("stat", "n_used", [text("Rows scored"), text(""), text(""), text(""), num(res.nUsed, INTEGER)]));
  const notes = [
    `Entropy weight method (${res.method === "minmax" ? "min-max normalisation" : `min-max normalisation shifted by ${res.shift}`}), pooled over all rows with every indicator present; the score ${outName} = sum of w x normalised indicator.`,
    `${res.nMissingIndicator} row(s) lack an indicator and get no score.${res.dropped.length ? ` Dropped as constant: ${res.dropped.join(", ")}.` : ""}`,
  ];
  return makeTable(`Entropy weights of ${outName}`, header, body, notes);
}

/** Per period: national growth G_t, the mean of the index over units and how many units have it. */
export function resilienceTable(res: ResilienceResult, time: ArrayLike<number>, outName: string, decimals: number): Table {
  const f = fixed(decimals);
  const sums = new Map<number, { s: number; n: number }>();
  for (let i = 0; i < res.values.length; i++) {
    if (Number.isNaN(res.values[i])) continue;
    const a = sums.get(time[i]) ?? { s: 0, n: 0 };
    a.s += res.values[i];
    a.n++;
    sums.set(time[i], a);
  }
  const header = [row("header", "header", [text("Period"), text("National growth G"), text(`Mean ${outName}`), text("N")])];
  const body = res.nationalGrowth.map((g) => {
    const a = sums.get(g.time);
    return row("data", String(g.time), [text(String(g.time)), num(g.G, f), num(a ? a.s / a.n : NaN, f), num(a ? a.n : NaN, INTEGER)]);
  });
  const notes = [
    `Martin sensitivity index ${outName} = (g_it - G_t)/|G_t|; G_t from ${res.nationalSource === "column" ? "the national column" : "the cross-sectional total"}.`,
    `${res.nMissing} row(s) have no ${outName} (first period, or a missing previous year).`,
  ];
  return makeTable(`Resilience ${outName}`, header, body, notes);
}
