/**
 * *Draw chart* beside *Write table*: the charts the result offers (src/taskpane/charts-for.ts), the
 * option the chosen one takes (SHAP dependence: the colour feature; trend: the group lines) and the
 * button, which draws a native Excel chart with its numbers on a new sheet. Rendered inside the pane's
 * button row: the button sits in the row, the choices wrap to the line below it.
 */
import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { t } from "../../i18n/catalogue";
import { paneCharts as M } from "../../i18n/messages/pane-charts";
import { chartsFor } from "../charts-for";
import { friendlyError, PaneMessage } from "../messages";
import { useServices } from "../services";
import type { JobOutput } from "../worker/protocol";

export interface DrawChartProps {
  readonly output: JobOutput | null;
  readonly busy: boolean;
  readonly onMessage: (m: PaneMessage) => void;
  readonly buttonStyle?: React.CSSProperties;
}

export function DrawChart({ output, busy, onMessage, buttonStyle }: DrawChartProps): React.JSX.Element | null {
  const { workbook } = useServices();
  const choices = React.useMemo(() => (output ? chartsFor(output) : []), [output]);
  const [id, setId] = React.useState("");
  const [option, setOption] = React.useState("");
  const [drawing, setDrawing] = React.useState(false);
  React.useEffect(() => {
    setId(choices[0]?.id ?? "");
    setOption("");
  }, [choices]);
  if (!choices.length) return null;
  const choice = choices.find((c) => c.id === id) ?? choices[0];
  const draw = async () => {
    setDrawing(true);
    try {
      const chart = choice.build(choice.option?.kind === "colour" ? { colourFeature: option } : { group: option });
      const sheet = await workbook.writeChart(chart);
      onMessage({ intent: "success", title: t(M.chartWritten), text: t(M.chartWrittenText, { sheet }) });
    } catch (e) {
      onMessage(friendlyError(e));
    } finally {
      setDrawing(false);
    }
  };
  return (
    <>
      <Button style={buttonStyle} disabled={busy || drawing} onClick={() => void draw()} title={t(M.drawTitle)}>
        {t(M.drawChart)}
      </Button>
      <div style={{ flexBasis: "100%", display: "flex", flexWrap: "wrap", gap: 6 }}>
        {choices.length > 1 && (
          <Field label={t(M.chartLabel)} size="small" style={{ flex: "1 1 160px" }}>
            <Select size="small" value={choice.id} onChange={(_e, d) => (setId(d.value), setOption(""))}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {choice.option && (
          <Field label={t(choice.option.kind === "colour" ? M.colourFeature : M.groupBy)} size="small" style={{ flex: "1 1 120px" }}>
            <Select size="small" value={option} onChange={(_e, d) => setOption(d.value)}>
              <option value="">{t(choice.option.kind === "colour" ? M.colourNone : M.groupNone)}</option>
              {choice.option.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
    </>
  );
}
