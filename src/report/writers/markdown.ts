/**
 * Markdown rendering (GitHub tables): the header rows stacked into one header line with <br>, the
 * body as table rows, the title in bold above and the notes below. Markdown has no rules; the
 * header separator stands for the thin rule.
 */
import { formatNumber } from "../formats";
import { Table, cellText } from "../table";

function esc(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\*/g, "\\*");
}

export function renderMarkdown(table: Table): string {
  const texts = table.rows.map((r) => r.cells.map((c) => esc(cellText(c, formatNumber))));
  const head = new Array<string>(table.ncol).fill("");
  for (let i = 0; i < table.headerRows; i++) {
    texts[i].forEach((t, j) => {
      if (t) head[j] = head[j] ? `${head[j]}<br>${t}` : t;
    });
  }
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const out = [`**${esc(table.title)}**`, "", row(head), `|${table.rows[0].cells.map((_, j) => (j === 0 ? ":---" : ":---:")).join("|")}|`];
  for (let i = table.headerRows; i < table.rows.length; i++) out.push(row(texts[i]));
  out.push("");
  for (const n of table.notes) out.push(esc(n) + "  ");
  return out.join("\n") + "\n";
}
