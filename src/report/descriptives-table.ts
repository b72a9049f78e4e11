/**
 * Descriptive statistics table (the papers' Table 2): one row per variable with N, Mean, SD, Min,
 * Max; optionally a first column with the variable's role ("Dependent Variable", "Control Variable"),
 * printed on the first variable of each run of equal roles.
 */
import { InputError } from "../engine/frame";
import { DescribeResult } from "../engine/stats/describe";
import { Lang, t } from "../i18n/catalogue";
import { descriptivesMessages as dm } from "../i18n/messages/tables-descriptives";
import { INTEGER, fixed } from "./formats";
import { noteLines } from "./notes";
import { labeller } from "./regression-table";
import { EMPTY, Table, TableCell, TableRow, makeTable, num, text } from "./table";

export interface DescriptivesTableSpec {
  readonly title: string;
  readonly describe: DescribeResult;
  readonly labels?: Readonly<Record<string, string>>;
  /** Role of each variable by name; when given, a "Variable Type" column comes first. */
  readonly roles?: Readonly<Record<string, string>>;
  /** Decimals of mean, SD, min, max (default 3). */
  readonly decimals?: number;
  readonly notes?: readonly string[];
  /** Wording of headers and notes (default "en"). */
  readonly language?: Lang;
}

export const DESCRIPTIVE_COLUMNS = ["N", "Mean", "SD", "Min", "Max"] as const;
const COLUMN_WORDS = [dm.n, dm.mean, dm.sd, dm.min, dm.max];

export function buildDescriptivesTable(spec: DescriptivesTableSpec): Table {
  const d = spec.describe;
  if (!d.names.length) throw new InputError("A descriptive-statistics table needs at least one variable.");
  const dec = spec.decimals ?? 3;
  if (!Number.isInteger(dec) || dec < 0 || dec > 10) throw new InputError(`Decimals must be a whole number from 0 to 10, got ${dec}.`, "num");
  const lang = spec.language ?? "en";
  const w = (msg: { en: string; zh: string }) => t(msg, undefined, lang);
  const label = labeller(spec.labels, lang);
  const withRoles = !!spec.roles;
  const f = fixed(dec);
  const header: TableRow = {
    role: "header",
    key: "columns",
    cells: [...(withRoles ? [text(w(dm.variableType))] : []), text(w(withRoles ? dm.variable : dm.variables)), ...COLUMN_WORDS.map((c) => text(w(c)))],
  };
  let lastRole: string | undefined;
  const body: TableRow[] = d.names.map((name, i) => {
    const s = d.stats[i];
    const lead: TableCell[] = [];
    if (withRoles) {
      const role = spec.roles![name] ?? "";
      lead.push(role && role !== lastRole ? text(role) : EMPTY);
      lastRole = role;
    }
    return {
      role: "data",
      key: name,
      cells: [...lead, text(label(name)), num(s.n, INTEGER), num(s.mean, f), num(s.sd, f), num(s.min, f), num(s.max, f)],
    };
  });
  const sampleNote = d.sample === "listwise" ? t(dm.listwise, { n: d.nListwise }, lang) : w(dm.pairwise);
  const notes = lang === "en" ? [`${sampleNote} ${w(dm.sdNote)}`, ...(spec.notes ?? [])] : noteLines([sampleNote, w(dm.sdNote), ...(spec.notes ?? [])], lang);
  return makeTable(spec.title, [header], body, notes);
}
