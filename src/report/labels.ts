/**
 * Default labels of panel variables for table rows and notes, where no label was given: the fixed-effect
 * indicator rows ("City FE", "Year FE") and the clustering note ("clustered by City"). The task pane uses
 * them so its tables read like the workbook's (data/demo-spec.json labels city_id "City", year "Year").
 * Words only: "city_id" -> "City", "firm" -> "Firm", "prov_code" -> "Prov code", "ID" -> "ID".
 */

/** A readable label for a panel variable name: a trailing "_id"/"id" dropped, underscores as spaces, first letter upper case. */
export function panelLabel(name: string): string {
  const stem = name.replace(/[_\s]*id$/i, "");
  const words = (stem.length ? stem : name).replace(/_+/g, " ").trim();
  return words.length ? words[0].toUpperCase() + words.slice(1) : name;
}

/** Labels for the given panel variables (FE and cluster variables), given labels first. */
export function panelLabels(names: readonly string[], given: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = given[n] ?? panelLabel(n);
  return { ...out, ...given };
}

/** Indicator rows of the absorbed fixed effects: FE variable -> "<label> FE". */
export function feRowLabels(fes: readonly string[], labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries([...new Set(fes)].map((fe) => [fe, `${labels[fe] ?? panelLabel(fe)} FE`]));
}
