/**
 * A preview of the result table in the pane, rendered from the report's table model (text as Excel shows it).
 * Numbers never wrap; header cells (column labels such as "Without 4 province values") may, so more
 * columns fit the narrow pane before it scrolls sideways.
 */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { Table } from "../../report/table";
import { cellText } from "../../report/table";
import { formatNumber } from "../../report/formats";

export function TablePreview({ table }: { table: Table }): React.JSX.Element {
  const ruleAfter = new Map(table.rules.map((r) => [r.after, r.weight]));
  const border = (w: string | undefined) => (w === "heavy" ? "2px solid #333" : w === "thin" ? "1px solid #333" : undefined);
  return (
    <figure style={{ margin: 0 }} aria-label={`Preview: ${table.title}`}>
      <figcaption style={{ fontWeight: 600, fontSize: 12, marginBottom: 2 }}>{table.title}</figcaption>
      <div style={{ overflowX: "auto", maxHeight: "70vh", overflowY: "auto" }} tabIndex={0} aria-label="Result table (scrollable)">
        <table data-testid="preview-table" style={{ borderCollapse: "collapse", fontSize: 11, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i} style={{ borderTop: i === 0 ? border(ruleAfter.get(-1)) : undefined, borderBottom: border(ruleAfter.get(i)) }}>
                {row.cells.map((c, j) => {
                  if (c.kind === "empty" && j > 0 && row.cells.slice(0, j).some((p, k) => p.kind === "text" && (p.span ?? 1) > j - k)) return null;
                  const span = c.kind === "text" ? c.span : undefined;
                  const Tag = i < table.headerRows ? "th" : "td";
                  return (
                    <Tag key={j} colSpan={span} style={{ padding: "1px 6px", textAlign: j === 0 ? "left" : "center", fontWeight: Tag === "th" ? 600 : 400, whiteSpace: Tag === "th" ? "normal" : undefined }}>
                      {cellText(c, formatNumber)}
                    </Tag>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.map((n, i) => (
        <Caption1 as="p" key={i} style={{ display: "block", margin: "2px 0" }}>
          {n}
        </Caption1>
      ))}
    </figure>
  );
}
