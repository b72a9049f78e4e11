/** Entropy indicators: a direction (+/-) and an optional criterion layer for each chosen indicator. */
import * as React from "react";
import { Input, Select } from "@fluentui/react-components";
import type { IndicatorChoice } from "../model-state";

export function IndicatorTable({ indicators, onChange }: { indicators: readonly IndicatorChoice[]; onChange: (v: IndicatorChoice[]) => void }): React.JSX.Element | null {
  if (indicators.length === 0) return null;
  const set = (i: number, patch: Partial<IndicatorChoice>) => onChange(indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div style={{ maxHeight: 180, overflowY: "auto" }}>
      <table aria-label="Indicator directions and layers" style={{ width: "100%", fontSize: 12, borderCollapse: "collapse" }}>
        <thead>
          <tr style={{ textAlign: "left" }}>
            <th>Indicator</th>
            <th>Direction</th>
            <th>Layer</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, i) => (
            <tr key={ind.name}>
              <td style={{ overflowWrap: "anywhere" }}>{ind.name}</td>
              <td>
                <Select size="small" aria-label={`Direction of ${ind.name}`} value={String(ind.direction)} onChange={(_e, d) => set(i, { direction: d.value === "-1" ? -1 : 1 })}>
                  <option value="1">+</option>
                  <option value="-1">-</option>
                </Select>
              </td>
              <td>
                <Input size="small" aria-label={`Layer of ${ind.name}`} value={ind.layer} onChange={(_e, d) => set(i, { layer: d.value })} style={{ width: 80, minWidth: 0 }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
