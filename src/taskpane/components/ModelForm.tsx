/**
 * The model forms: one set of fields per model kind over the shared ModelState. Regression models share
 * y / key regressor(s) / controls / FE / cluster / SE fields; each kind adds its own.
 */
import * as React from "react";
import { Caption1, Field, Input, Radio, RadioGroup, Select, SpinButton, Checkbox, Subtitle2 } from "@fluentui/react-components";
import type { VariableProfile } from "../worker/profile";
import { MODEL_KINDS, ModelState, ROBUSTNESS_CHECKS } from "../model-state";
import type { JobKind, VcovChoice } from "../worker/protocol";
import { Unavailable, VariableChecklist, VariableSelect } from "./VariablePicker";
import { IndicatorTable } from "./IndicatorTable";
import { BoostingFields } from "./BoostingFields";
import { SpatialFields } from "./SpatialFields";

export interface ModelFormProps {
  readonly state: ModelState;
  readonly variables: readonly VariableProfile[];
  readonly onChange: (patch: Partial<ModelState>) => void;
}

const REGRESSION: readonly JobKind[] = ["fe", "iv", "mediation", "heterogeneity", "robustness", "psm"];

export function ModelPicker({ state, onChange }: Pick<ModelFormProps, "state" | "onChange">): React.JSX.Element {
  const help = MODEL_KINDS.find((m) => m.kind === state.kind)?.help;
  return (
    <Field label="Model" size="small" hint={help}>
      <Select size="small" value={state.kind} onChange={(_e, d) => onChange({ kind: d.value as JobKind })}>
        {MODEL_KINDS.map((m) => (
          <option key={m.kind} value={m.kind}>
            {m.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * Why a variable cannot be a regressor (or outcome, mediator, instrument): the panel id and the time
 * variable belong in the fixed effects; a text column is no number. A mostly numeric column with a stray
 * text cell stays offered (flagged "text at row N"), so the run names the cell to fix.
 */
export function numericRoleUnavailable(state: Pick<ModelState, "idVar" | "timeVar">): Unavailable {
  return (v) => {
    if (v.name === state.idVar) return "panel id";
    if (v.name === state.timeVar) return "time";
    if (v.type === "text" && !v.firstTextRow) return "text";
    return null;
  };
}

function RegressionFields({ state, variables, onChange }: ModelFormProps): React.JSX.Element {
  const k = state.kind;
  const numericOnly = numericRoleUnavailable(state);
  const keyLabel = k === "iv" ? "Endogenous regressor(s)" : "Key regressor(s)";
  return (
    <>
      <VariableSelect label="Dependent variable (y)" variables={variables} value={state.y} onChange={(y) => onChange({ y })} unavailable={numericOnly} />
      <VariableChecklist label={keyLabel} variables={variables} value={state.x} onChange={(x) => onChange({ x })} unavailable={numericOnly} />
      {k === "iv" && <VariableChecklist label="Excluded instruments" variables={variables} value={state.instruments} onChange={(instruments) => onChange({ instruments })} hint="e.g. the lagged regressor" unavailable={numericOnly} />}
      {k === "mediation" && <VariableSelect label="Mediator" variables={variables} value={state.mediator} onChange={(mediator) => onChange({ mediator })} unavailable={numericOnly} />}
      <VariableChecklist label="Controls" variables={variables} value={state.controls} onChange={(controls) => onChange({ controls })} hint={k === "fe" ? "Stepwise columns add them in the order chosen." : undefined} unavailable={numericOnly} />
      {k === "fe" && (
        <RadioGroup aria-label="Columns" layout="horizontal" value={state.columns} onChange={(_e, d) => onChange({ columns: d.value as ModelState["columns"] })}>
          <Radio value="stepwise" label="Stepwise columns" />
          <Radio value="all" label="All at once" />
        </RadioGroup>
      )}
      {k === "mediation" && (
        <Field label="Bootstrap replications (0 = Sobel only)" size="small">
          <SpinButton size="small" min={0} max={5000} step={100} value={state.bootstrap} onChange={(_e, d) => onChange({ bootstrap: Math.max(0, Math.round(Number(d.value ?? d.displayValue) || 0)) })} />
        </Field>
      )}
      {k === "psm" && <PsmFields state={state} variables={variables} onChange={onChange} />}
      {k === "heterogeneity" && (
        <>
          <VariableSelect label="Split by" variables={variables} value={state.by} onChange={(by) => onChange({ by })} />
          <RadioGroup aria-label="Split rule" layout="horizontal" value={state.split} onChange={(_e, d) => onChange({ split: d.value as ModelState["split"] })}>
            <Radio value="groups" label="Each value" />
            <Radio value="median" label="At the median" />
          </RadioGroup>
        </>
      )}
      {k === "robustness" && (
        <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 12 }}>Checks (one column each)</legend>
          {ROBUSTNESS_CHECKS.map((c) => (
            <Checkbox
              key={c.check}
              label={c.label}
              checked={state.checks.includes(c.check)}
              onChange={(_e, d) => onChange({ checks: d.checked ? [...state.checks, c.check] : state.checks.filter((x) => x !== c.check) })}
            />
          ))}
          {state.checks.includes("alt_outcome") && <VariableSelect label="Alternative outcome" variables={variables} value={state.altOutcome} onChange={(altOutcome) => onChange({ altOutcome })} unavailable={numericOnly} />}
          {state.checks.includes("drop_groups") && <DropFields state={state} variables={variables} onChange={onChange} />}
        </fieldset>
      )}
      <VariableChecklist label="Fixed effects (absorbed)" variables={variables} value={state.fe} onChange={(fe) => onChange({ fe })} hint="Default: panel id and time." listHeight={88} />
      <Field label="Standard errors" size="small">
        <Select size="small" value={state.vcov} onChange={(_e, d) => onChange({ vcov: d.value as VcovChoice })}>
          <option value="cluster">Clustered (CR1)</option>
          <option value="hc1">Robust (HC1)</option>
          <option value="iid">Conventional (iid)</option>
        </Select>
      </Field>
      {state.vcov === "cluster" && <VariableChecklist label="Cluster by" variables={variables} value={state.cluster} onChange={(cluster) => onChange({ cluster })} hint="Default: panel id. Two variables = two-way clustering." listHeight={88} />}
    </>
  );
}

/** PSM: matching method, caliper / bandwidth, by period. */
function PsmFields({ state, onChange }: ModelFormProps): React.JSX.Element {
  const num = (v: string) => Math.max(0, Number(v) || 0);
  return (
    <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 12 }}>Matching (treated: key regressor above its median; covariates: the controls)</legend>
      <Field label="Matching method" size="small">
        <Select size="small" value={state.psmMethod} onChange={(_e, d) => onChange({ psmMethod: d.value as ModelState["psmMethod"] })}>
          <option value="all">Nearest / radius / kernel (one column each)</option>
          <option value="nn">Nearest neighbour</option>
          <option value="radius">Radius</option>
          <option value="kernel">Kernel (Epanechnikov)</option>
        </Select>
      </Field>
      {state.psmMethod !== "kernel" && (
        <Field label={state.psmMethod === "nn" ? "Caliper (0 = none)" : "Radius (caliper)"} size="small">
          <Input size="small" type="number" value={String(state.psmCaliper)} onChange={(_e, d) => onChange({ psmCaliper: num(d.value) })} />
        </Field>
      )}
      {(state.psmMethod === "kernel" || state.psmMethod === "all") && (
        <Field label="Kernel bandwidth" size="small">
          <Input size="small" type="number" value={String(state.psmBwidth)} onChange={(_e, d) => onChange({ psmBwidth: num(d.value) })} />
        </Field>
      )}
      <Checkbox label="Match period by period (treatment median per period)" checked={state.psmByPeriod} onChange={(_e, d) => onChange({ psmByPeriod: !!d.checked })} />
    </fieldset>
  );
}

/** Robustness "drop groups": which rows the check drops (chosen values of a column, or a 0/1 flag). */
function DropFields({ state, variables, onChange }: ModelFormProps): React.JSX.Element {
  const flag = state.dropRule === "flag";
  return (
    <fieldset style={{ border: "none", borderLeft: "2px solid #e0e0e0", padding: "0 0 0 8px", margin: "4px 0 0" }}>
      <legend style={{ fontSize: 12, fontWeight: 600, padding: 0 }}>Drop groups</legend>
      <RadioGroup aria-label="Drop rule" value={state.dropRule} onChange={(_e, d) => onChange({ dropRule: d.value as ModelState["dropRule"] })}>
        <Radio value="values" label="Rows with chosen values" />
        <Radio value="flag" label="Rows flagged 1 in a 0/1 column" />
      </RadioGroup>
      <VariableSelect label="Drop rows by" variables={variables} value={state.dropBy} onChange={(dropBy) => onChange({ dropBy })} hint={flag ? "A 0/1 column, e.g. municipality" : "A group column, e.g. province or the panel id"} />
      {!flag && (
        <Field label="Values to drop" size="small" hint="Separated by commas, e.g. P01, P02, P03, P04">
          <Input size="small" value={state.dropValues} onChange={(_e, d) => onChange({ dropValues: d.value })} />
        </Field>
      )}
    </fieldset>
  );
}

export function ModelForm(props: ModelFormProps): React.JSX.Element {
  const { state, variables, onChange } = props;
  return (
    <section aria-labelledby="model-heading">
      <Subtitle2 as="h2" id="model-heading">2. Model</Subtitle2>
      <ModelPicker state={state} onChange={onChange} />
      {REGRESSION.includes(state.kind) && <RegressionFields {...props} />}
      {state.kind === "describe" && <VariableChecklist label="Variables" variables={variables} value={state.describeVars} onChange={(describeVars) => onChange({ describeVars })} />}
      {state.kind === "entropy" && (
        <>
          <VariableChecklist
            label="Indicators"
            variables={variables}
            value={state.indicators.map((i) => i.name)}
            onChange={(names) => onChange({ indicators: names.map((name) => state.indicators.find((i) => i.name === name) ?? { name, direction: 1, layer: "" }) })}
          />
          <IndicatorTable indicators={state.indicators} onChange={(indicators) => onChange({ indicators })} />
          <Field label="Normalisation" size="small">
            <Select size="small" value={state.entropyMethod} onChange={(_e, d) => onChange({ entropyMethod: d.value as ModelState["entropyMethod"] })}>
              <option value="minmax">Min-max (0 ln 0 = 0)</option>
              <option value="shift">Min-max shifted by 0.0001</option>
            </Select>
          </Field>
          <NameField state={state} onChange={onChange} placeholder="NQP" />
        </>
      )}
      {state.kind === "boosting" && <BoostingFields {...props} />}
      {state.kind === "spatial" && <SpatialFields {...props} />}
      {state.kind === "resilience" && (
        <>
          <VariableSelect label="Level variable" variables={variables} value={state.value} onChange={(value) => onChange({ value })} hint="e.g. GDP per capita" />
          <VariableSelect label="National level (optional)" variables={variables} value={state.national} optional onChange={(national) => onChange({ national })} hint="Empty: the cross-sectional total" />
          <Caption1 as="p">Panel id and time come from the Data section.</Caption1>
          <NameField state={state} onChange={onChange} placeholder="ER" />
        </>
      )}
    </section>
  );
}

function NameField({ state, onChange, placeholder }: { state: ModelState; onChange: ModelFormProps["onChange"]; placeholder: string }): React.JSX.Element {
  return (
    <Field label="Name of the new index" size="small">
      <Input size="small" value={state.outName} placeholder={placeholder} onChange={(_e, d) => onChange({ outName: d.value })} />
    </Field>
  );
}
