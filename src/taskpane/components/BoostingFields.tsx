/** The boosting form: target, features and the training settings (defaults: paper 003's). */
import * as React from "react";
import { Caption1, Field, Input, Select } from "@fluentui/react-components";
import type { BoostSettings, ModelState } from "../model-state";
import type { ModelFormProps } from "./ModelForm";
import { VariableChecklist, VariableSelect } from "./VariablePicker";

const NUMBERS: readonly { key: keyof BoostSettings; label: string; hint: string }[] = [
  { key: "trees", label: "Trees", hint: "boosting rounds" },
  { key: "depth", label: "Max depth", hint: "" },
  { key: "eta", label: "Learning rate", hint: "eta" },
  { key: "subsample", label: "Row subsample", hint: "share of rows per tree" },
  { key: "colsample", label: "Column subsample", hint: "share of features per tree" },
  { key: "seed", label: "Seed", hint: "drives the subsampling" },
];

export function BoostingFields({ state, variables, onChange }: ModelFormProps): React.JSX.Element {
  const set = (patch: Partial<BoostSettings>) => onChange({ boost: { ...state.boost, ...patch } } as Partial<ModelState>);
  return (
    <>
      <VariableSelect label="Target (y)" variables={variables} value={state.y} onChange={(y) => onChange({ y })} hint="e.g. ER" />
      <VariableChecklist label="Features" variables={variables.filter((v) => v.name !== state.y)} value={state.features} onChange={(features) => onChange({ features })} />
      {NUMBERS.map(({ key, label, hint }) => (
        <Field key={key} label={label} size="small" hint={hint || undefined}>
          <Input
            size="small"
            type="number"
            value={String(state.boost[key])}
            onChange={(_e, d) => {
              const v = Number(d.value);
              if (d.value !== "" && Number.isFinite(v)) set({ [key]: v } as Partial<BoostSettings>);
            }}
          />
        </Field>
      ))}
      <Field label="Tree method" size="small">
        <Select size="small" value={state.boost.method} onChange={(_e, d) => set({ method: d.value as BoostSettings["method"] })}>
          <option value="exact">Exact greedy</option>
          <option value="hist">Histogram (256 bins, for 1e5+ rows)</option>
        </Select>
      </Field>
      <Caption1 as="p">Writes the importance table; Write scores writes the SHAP values (one column per feature, base value, prediction).</Caption1>
    </>
  );
}
