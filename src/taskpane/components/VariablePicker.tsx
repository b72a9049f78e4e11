/**
 * Variable pickers with search: a single choice (search box + list box) and a multiple choice
 * (search box + checkboxes). Both are labelled, keyboard-operable native controls under Fluent styling,
 * and show each variable's type so a text column is recognisable before it is chosen. A picker for a
 * numeric role greys out what cannot take it (the panel id, the time variable, text columns) and says why.
 */
import * as React from "react";
import { Checkbox, Input, Label, Select, Caption1 } from "@fluentui/react-components";
import type { VariableProfile } from "../worker/profile";

function useFilter(vars: readonly VariableProfile[], query: string): VariableProfile[] {
  const q = query.trim().toLowerCase();
  return q ? vars.filter((v) => v.name.toLowerCase().includes(q)) : [...vars];
}

function typeTag(v: VariableProfile): string {
  if (v.type === "text") return v.firstTextRow ? " (text at row " + v.firstTextRow + ")" : " (text)";
  return "";
}

/** Why a variable cannot take a role (e.g. "panel id"), or null when it can. */
export type Unavailable = (v: VariableProfile) => string | null;

/** The option / checkbox text: the name with its type, or with the reason it is greyed. */
function optionText(v: VariableProfile, reason: string | null): string {
  return reason ? `${v.name} (${reason})` : v.name + typeTag(v);
}

const GREY_HINT = "Greyed out: the panel id, the time variable and text columns (absorb them as fixed effects instead).";

export interface SinglePickerProps {
  readonly label: string;
  readonly variables: readonly VariableProfile[];
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly optional?: boolean;
  readonly hint?: string;
  /** Variables shown greyed (disabled) with the reason, e.g. id, time and text columns as regressors. */
  readonly unavailable?: Unavailable;
}

export function VariableSelect({ label, variables, value, onChange, optional, hint, unavailable }: SinglePickerProps): React.JSX.Element {
  const [query, setQuery] = React.useState("");
  const shown = useFilter(variables, query);
  if (value && !shown.some((v) => v.name === value)) {
    const cur = variables.find((v) => v.name === value);
    if (cur) shown.unshift(cur);
  }
  const id = React.useId();
  // Label + two controls without a Fluent Field (a Field would give both controls its one id).
  return (
    <div style={{ marginTop: 4 }}>
      <Label htmlFor={id} size="small" weight="semibold">
        {label}
      </Label>
      <div style={{ display: "flex", gap: 4 }}>
        <Input size="small" aria-label={`Search ${label}`} placeholder="Search" value={query} onChange={(_e, d) => setQuery(d.value)} style={{ width: 76, minWidth: 0 }} />
        <Select id={id} size="small" aria-label={label} value={value} onChange={(_e, d) => onChange(d.value)} style={{ flex: 1, minWidth: 0 }}>
          <option value="">{optional ? "(none)" : "Choose..."}</option>
          {shown.map((v) => {
            const why = v.name === value ? null : unavailable?.(v) ?? null;
            return (
              <option key={v.name} value={v.name} disabled={why !== null}>
                {optionText(v, why)}
              </option>
            );
          })}
        </Select>
      </div>
      {hint && <Caption1 style={{ display: "block", color: "#616161" }}>{hint}</Caption1>}
    </div>
  );
}

export interface MultiPickerProps {
  readonly label: string;
  readonly variables: readonly VariableProfile[];
  readonly value: readonly string[];
  readonly onChange: (v: string[]) => void;
  readonly hint?: string;
  /** Height of the scrolling list in px (default 132). */
  readonly listHeight?: number;
  /** Variables shown greyed (disabled) with the reason; a chosen one stays enabled so it can be unticked. */
  readonly unavailable?: Unavailable;
}

export function VariableChecklist({ label, variables, value, onChange, hint, listHeight = 132, unavailable }: MultiPickerProps): React.JSX.Element {
  const [query, setQuery] = React.useState("");
  const shown = useFilter(variables, query);
  const chosen = new Set(value);
  const toggle = (name: string, on: boolean) => {
    // Keep the order of choice (it is the order of stepwise columns).
    onChange(on ? [...value.filter((v) => v !== name), name] : value.filter((v) => v !== name));
  };
  // A fieldset, not a Fluent Field: Field hands its one control id to every checkbox inside it.
  return (
    <fieldset role="group" aria-label={label} style={{ border: "none", padding: 0, margin: "4px 0 0" }}>
      <legend style={{ fontSize: 12, fontWeight: 600, padding: 0 }}>{label}</legend>
      <Input size="small" aria-label={`Search ${label}`} placeholder="Search variables" value={query} onChange={(_e, d) => setQuery(d.value)} style={{ width: "100%" }} />
      {value.length > 0 && <Caption1 style={{ display: "block", overflowWrap: "anywhere" }}>Chosen: {value.join(", ")}</Caption1>}
      <div style={{ maxHeight: listHeight, overflowY: "auto", border: "1px solid #e0e0e0", borderRadius: 4, marginTop: 2 }}>
        {shown.map((v) => {
          const why = chosen.has(v.name) ? null : unavailable?.(v) ?? null;
          return (
            <Checkbox
              key={v.name}
              size="medium"
              label={optionText(v, why)}
              disabled={why !== null}
              title={why ? `${v.name} cannot be chosen here: ${why}` : undefined}
              checked={chosen.has(v.name)}
              onChange={(_e, d) => toggle(v.name, d.checked === true)}
              style={{ display: "flex" }}
            />
          );
        })}
        {shown.length === 0 && <Caption1 style={{ padding: 4 }}>No variable matches "{query}".</Caption1>}
      </div>
      {hint && <Caption1 style={{ display: "block", color: "#616161" }}>{hint}</Caption1>}
      {unavailable && variables.some((v) => unavailable(v) !== null) && <Caption1 style={{ display: "block", color: "#616161" }}>{GREY_HINT}</Caption1>}
    </fieldset>
  );
}
