/**
 * A preview of the result table in the pane, rendered from the report's table model (text as Excel shows it).
 * Numbers never wrap; header cells (column labels such as "Without 4 province values") may, so more
 * columns fit the narrow pane before it scrolls sideways. When the table is still wider than the pane
 * (six stepwise columns at 340 px), a line above it says so and offers "Fit to pane" (the whole table
 * scaled down to the pane's width), and a shadow on the right edge shows there is more to scroll to.
 */
import * as React from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import type { Table } from "../../report/table";
import { cellText } from "../../report/table";
import { formatNumber } from "../../report/formats";

interface Overflow {
  /** The table is wider than the pane (at its natural size). */
  readonly wider: boolean;
  /** Scrolled to the right edge. */
  readonly atEnd: boolean;
  /** Pane width / natural table width (< 1 when wider). */
  readonly scale: number;
}

const NONE: Overflow = { wider: false, atEnd: true, scale: 1 };

/** Smallest scale "Fit to pane" applies (below it the digits are unreadable; the pane then still scrolls). */
export const MIN_FIT_SCALE = 0.5;

function useOverflow(table: Table, fit: boolean) {
  const scroller = React.useRef<HTMLDivElement>(null);
  const inner = React.useRef<HTMLTableElement>(null);
  const applied = React.useRef(1);
  const [state, setState] = React.useState<Overflow>(NONE);
  const measure = React.useCallback(() => {
    const el = scroller.current;
    const t = inner.current;
    if (!el || !t) return;
    // The natural width: as laid out, or undone from the zoom the fit applied.
    const width = fit ? el.scrollWidth / applied.current : el.scrollWidth;
    const wider = width > el.clientWidth + 1;
    const next: Overflow = {
      wider,
      atEnd: el.scrollLeft + el.clientWidth >= el.scrollWidth - 1,
      scale: wider && width > 0 ? Math.max(MIN_FIT_SCALE, Math.floor((el.clientWidth / width) * 100) / 100) : 1,
    };
    applied.current = fit ? next.scale : 1;
    setState((s) => (s.wider === next.wider && s.atEnd === next.atEnd && s.scale === next.scale ? s : next));
  }, [fit]);
  React.useLayoutEffect(measure, [table, measure]);
  React.useEffect(() => {
    window.addEventListener("resize", measure);
    const ro = typeof ResizeObserver === "function" ? new ResizeObserver(measure) : null;
    if (ro && scroller.current) ro.observe(scroller.current);
    return () => {
      window.removeEventListener("resize", measure);
      ro?.disconnect();
    };
  }, [measure]);
  return { scroller, inner, state, measure };
}

export function TablePreview({ table }: { table: Table }): React.JSX.Element {
  const [fit, setFit] = React.useState(false);
  const { scroller, inner, state, measure } = useOverflow(table, fit);
  const ruleAfter = new Map(table.rules.map((r) => [r.after, r.weight]));
  const border = (w: string | undefined) => (w === "heavy" ? "2px solid #333" : w === "thin" ? "1px solid #333" : undefined);
  const cols = table.ncol - 1;
  const showBar = state.wider || fit;
  return (
    <figure style={{ margin: 0 }} aria-label={`Preview: ${table.title}`}>
      <figcaption style={{ fontWeight: 600, fontSize: 12, marginBottom: 2 }}>{table.title}</figcaption>
      {showBar && (
        <div data-testid="preview-overflow" style={{ display: "flex", alignItems: "center", gap: 4, marginBottom: 2 }}>
          <Caption1 style={{ flex: 1, color: "#616161" }}>
            {fit ? `All ${cols} columns, scaled to the pane.` : `Wider than the pane: scroll sideways for all ${cols} columns \u2192`}
          </Caption1>
          <Button size="small" appearance="subtle" aria-pressed={fit} onClick={() => setFit((f) => !f)} style={{ minWidth: 0 }}>
            {fit ? "Actual size" : "Fit to pane"}
          </Button>
        </div>
      )}
      <div style={{ position: "relative" }}>
        <div ref={scroller} onScroll={measure} style={{ overflowX: "auto", maxHeight: "70vh", overflowY: "auto" }} tabIndex={0} aria-label="Result table (scrollable)">
          <table
            ref={inner}
            data-testid="preview-table"
            style={{ borderCollapse: "collapse", fontSize: 11, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", ...(fit && state.scale < 1 ? { zoom: state.scale } : {}) }}
          >
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
        {state.wider && !state.atEnd && (
          <div data-testid="preview-more-right" aria-hidden style={{ position: "absolute", top: 0, right: 0, bottom: 0, width: 18, pointerEvents: "none", background: "linear-gradient(to right, rgba(255,255,255,0), rgba(0,0,0,0.18))" }} />
        )}
      </div>
      {table.notes.map((n, i) => (
        <Caption1 as="p" key={i} style={{ display: "block", margin: "2px 0" }}>
          {n}
        </Caption1>
      ))}
    </figure>
  );
}
