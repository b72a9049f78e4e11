/**
 * Default labels of panel variables for table rows and notes, where no label was given: the fixed-effect
 * indicator rows ("City FE", "Year FE"; 城市固定效应, 年份固定效应) and the clustering note ("clustered by
 * City"; 城市层面聚类). The task pane uses them so its tables read like the workbook's (data/demo-spec.json
 * labels city_id "City", year "Year"). Words only: "city_id" -> "City", "firm" -> "Firm", "prov_code" ->
 * "Prov code", "ID" -> "ID"; in Chinese the usual panel units (city, year, province, firm...) get their
 * Chinese word, other names stay as they are.
 */
import { Lang, t } from "../i18n/catalogue";
import { panelWordMessages, tableMessages } from "../i18n/messages/tables";

function stemOf(name: string): string {
  return name.replace(/[_\s]*id$/i, "");
}

/** A readable label for a panel variable name: a trailing "_id"/"id" dropped, underscores as spaces, first letter upper case. */
export function panelLabel(name: string, lang: Lang = "en"): string {
  if (lang === "zh") return zhPanelWord(name) ?? name;
  const stem = stemOf(name);
  const words = (stem.length ? stem : name).replace(/_+/g, " ").trim();
  return words.length ? words[0].toUpperCase() + words.slice(1) : name;
}

/** The Chinese word of a usual panel unit ("city_id" -> 城市, "year" -> 年份), or undefined. */
export function zhPanelWord(name: string): string | undefined {
  const key = stemOf(name).replace(/[_\s]*(code|no|num)$/i, "").toLowerCase();
  const msg = (panelWordMessages as Record<string, { en: string; zh: string }>)[key];
  return msg?.zh;
}

/** Labels for the given panel variables (FE and cluster variables), given labels first. */
export function panelLabels(names: readonly string[], given: Readonly<Record<string, string>> = {}, lang: Lang = "en"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = given[n] ?? panelLabel(n, lang);
  return { ...out, ...given };
}

/** Indicator rows of the absorbed fixed effects: FE variable -> "<label> FE" / "<label>固定效应". */
export function feRowLabels(fes: readonly string[], labels: Readonly<Record<string, string>>, lang: Lang = "en"): Record<string, string> {
  return Object.fromEntries([...new Set(fes)].map((fe) => [fe, t(tableMessages.feRow, { label: labels[fe] ?? panelLabel(fe, lang) }, lang)]));
}
