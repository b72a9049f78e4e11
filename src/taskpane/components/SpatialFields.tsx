/**
 * The spatial panel form: y, regressors, which of SAR / SEM / SDM, the coordinates and weights
 * (k nearest neighbours or inverse distance with an optional cutoff, on great-circle distance) and the
 * Lee-Yu correction. Panel id and time come from the Data section.
 */
import * as React from "react";
import { Caption1, Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { t } from "../../i18n/catalogue";
import { paneSpatial as M } from "../../i18n/messages/pane-spatial";
import type { SpatialModelChoice } from "../spatial-state";
import type { ModelFormProps } from "./ModelForm";
import { numericRoleUnavailable } from "./ModelForm";
import { VariableChecklist, VariableSelect } from "./VariablePicker";

const MODELS: readonly { model: SpatialModelChoice; label: string }[] = [
  { model: "sar", label: "SAR" },
  { model: "sem", label: "SEM" },
  { model: "sdm", label: "SDM" },
];

function NumberField({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }): React.JSX.Element {
  return (
    <Field label={label} size="small">
      <Input
        size="small"
        type="number"
        value={String(value)}
        onChange={(_e, d) => {
          const v = Number(d.value);
          if (d.value !== "" && Number.isFinite(v)) onChange(v);
        }}
      />
    </Field>
  );
}

export function SpatialFields({ state, variables, onChange }: ModelFormProps): React.JSX.Element {
  const numericOnly = numericRoleUnavailable(state);
  return (
    <>
      <VariableSelect label={t(M.y)} variables={variables} value={state.y} onChange={(y) => onChange({ y })} unavailable={numericOnly} />
      <VariableChecklist label={t(M.x)} variables={variables} value={state.x} onChange={(x) => onChange({ x })} hint={t(M.xHint)} unavailable={numericOnly} />
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 12 }}>{t(M.models)}</legend>
        {MODELS.map(({ model, label }) => (
          <Checkbox
            key={model}
            label={label}
            checked={state.spatialModels.includes(model)}
            onChange={(_e, d) => onChange({ spatialModels: d.checked ? [...state.spatialModels, model] : state.spatialModels.filter((m) => m !== model) })}
          />
        ))}
      </fieldset>
      <VariableSelect label={t(M.lat)} variables={variables} value={state.lat} onChange={(lat) => onChange({ lat })} unavailable={numericOnly} />
      <VariableSelect label={t(M.lon)} variables={variables} value={state.lon} onChange={(lon) => onChange({ lon })} unavailable={numericOnly} />
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 12 }}>{t(M.weights)}</legend>
        <RadioGroup aria-label={t(M.weights)} layout="horizontal" value={state.weightsKind} onChange={(_e, d) => onChange({ weightsKind: d.value as "knn" | "idw" })}>
          <Radio value="knn" label={t(M.knn)} />
          <Radio value="idw" label={t(M.idw)} />
        </RadioGroup>
        {state.weightsKind === "knn" ? (
          <NumberField label={t(M.k)} value={state.knnK} onChange={(knnK) => onChange({ knnK })} />
        ) : (
          <>
            <NumberField label={t(M.power)} value={state.idwPower} onChange={(idwPower) => onChange({ idwPower })} />
            <NumberField label={t(M.cutoff)} value={state.idwCutoff} onChange={(idwCutoff) => onChange({ idwCutoff })} />
          </>
        )}
        <Caption1 as="p" style={{ margin: "2px 0" }}>{t(M.weightsHint)}</Caption1>
      </fieldset>
      <Field size="small" hint={t(M.leeYuHint)}>
        <Checkbox label={t(M.leeYu)} checked={state.leeYu} onChange={(_e, d) => onChange({ leeYu: !!d.checked })} />
      </Field>
      <Caption1 as="p">{t(M.panelHint)}</Caption1>
    </>
  );
}
