/** Table options: t statistics or standard errors in parentheses, and decimals. */
import * as React from "react";
import { Field, Radio, RadioGroup, SpinButton } from "@fluentui/react-components";
import type { PaneTableOptions } from "../worker/protocol";
import { TableLanguageField } from "./TableLanguageField";

export function OptionsPanel({ options, onChange }: { options: PaneTableOptions; onChange: (o: PaneTableOptions) => void }): React.JSX.Element {
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "flex-end", flexWrap: "wrap" }}>
      <RadioGroup aria-label="Parentheses show" layout="horizontal" value={options.paren} onChange={(_e, d) => onChange({ ...options, paren: d.value as "t" | "se" })}>
        <Radio value="t" label="t in ( )" />
        <Radio value="se" label="SE in ( )" />
      </RadioGroup>
      <Field label="Decimals" size="small">
        <SpinButton
          size="small"
          min={0}
          max={8}
          value={options.decimals}
          style={{ width: 64 }}
          onChange={(_e, d) => {
            const v = Math.round(Number(d.value ?? d.displayValue));
            if (Number.isFinite(v)) onChange({ ...options, decimals: Math.min(8, Math.max(0, v)) });
          }}
        />
      </Field>
      <TableLanguageField value={options.language} onChange={(language) => onChange({ ...options, language })} />
    </div>
  );
}
