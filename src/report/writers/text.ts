/**
 * Plain-text rendering for the terminal: columns padded to their widest cell, labels left, numbers
 * centred; the three rules drawn as "=" (heavy) and "-" (thin) lines; notes under the table.
 */
import { formatNumber } from "../formats";
import { Table, cellText } from "../table";
import { displayWidth } from "../text-width";

function pad(s: string, w: number, how: "left" | "center"): string {
  const extra = w - displayWidth(s);
  if (extra <= 0) return s;
  if (how === "left") return s + " ".repeat(extra);
  const l = Math.floor(extra / 2);
  return " ".repeat(l) + s + " ".repeat(extra - l);
}

const GAP = 2;

export function renderText(table: Table): string {
  const texts = table.rows.map((r) => r.cells.map((c) => cellText(c, formatNumber)));
  const widths = new Array<number>(table.ncol).fill(0);
  table.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (c.kind === "text" && (c.span ?? 1) > 1) return;
      widths[j] = Math.max(widths[j], displayWidth(texts[i][j]));
    }),
  );
  // A spanned header wider than its columns widens the last of them.
  table.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      const span = c.kind === "text" ? c.span ?? 1 : 1;
      if (span < 2) return;
      const have = widths.slice(j, j + span).reduce((a, b) => a + b, 0) + GAP * (span - 1);
      const tw = displayWidth(texts[i][j]);
      if (tw > have) widths[j + span - 1] += tw - have;
    }),
  );
  const total = widths.reduce((a, b) => a + b, 0) + GAP * Math.max(table.ncol - 1, 0);
  const line = (i: number): string => {
    const parts: string[] = [];
    const r = table.rows[i];
    for (let j = 0; j < table.ncol; ) {
      const c = r.cells[j];
      const span = c.kind === "text" ? c.span ?? 1 : 1;
      const w = widths.slice(j, j + span).reduce((a, b) => a + b, 0) + GAP * (span - 1);
      parts.push(pad(texts[i][j], w, j === 0 ? "left" : "center"));
      j += span;
    }
    return parts.join(" ".repeat(GAP)).replace(/\s+$/, "");
  };
  const ruleAfter = new Map<number, string>();
  for (const rule of table.rules) ruleAfter.set(rule.after, (rule.weight === "heavy" ? "=" : "-").repeat(total));
  const out: string[] = [table.title];
  if (ruleAfter.has(-1)) out.push(ruleAfter.get(-1)!);
  table.rows.forEach((_, i) => {
    out.push(line(i));
    if (ruleAfter.has(i)) out.push(ruleAfter.get(i)!);
  });
  out.push(...table.notes);
  return out.join("\n") + "\n";
}
