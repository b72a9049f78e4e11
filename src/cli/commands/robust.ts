/**
 * `nqp robust`: the robustness battery from one baseline spec; every flag given adds one variant
 * (column). --json prints {"baseline": <nqp fe JSON>, "variants": [{"label", "variant" (the steps, re-runnable),
 * "changes": {winsor, rows_outside_period, rows_dropped_by_group, added_columns}, "hidden_terms", "result": <nqp fe JSON>}]}.
 */
import { fitLinear } from "../../engine/models/linear";
import { prepareVariant, RobustnessVariant } from "../../engine/models/robustness";
import { CliError, ParsedArgs, VCOV_FLAG, getBool, getList, getString } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, sampleNote, toJson } from "../output";
import { feJson, feSpec } from "./fe";

function parsePeriod(s: string): { from?: number; to?: number } {
  const m = /^\s*(\d*)\s*[:-]\s*(\d*)\s*$/.exec(s);
  if (!m || (m[1] === "" && m[2] === "")) throw new CliError(`--period must look like 2013:2019, 2015: or :2019; got "${s}".`);
  return { from: m[1] === "" ? undefined : Number(m[1]), to: m[2] === "" ? undefined : Number(m[2]) };
}

function parseDrop(s: string): { column: string; values: string[] } {
  const eq = s.indexOf("=");
  if (eq <= 0 || eq === s.length - 1) throw new CliError(`--drop must look like COLUMN=V1,V2 (e.g. municipality=1); got "${s}".`);
  return { column: s.slice(0, eq).trim(), values: s.slice(eq + 1).split(",").map((v) => v.trim()).filter((v) => v !== "") };
}

/** The variants the flags ask for, in a fixed order. */
export function variantsFromFlags(a: ParsedArgs): RobustnessVariant[] {
  const out: RobustnessVariant[] = [];
  const w = getList(a, "winsor");
  if (w) {
    const p = (a.flags["winsor-p"] as number | undefined) ?? 0.01;
    out.push({ steps: [{ kind: "winsorize", vars: w, lower: p, upper: 1 - p }] });
  }
  const period = getString(a, "period");
  if (period) out.push({ steps: [{ kind: "period", ...parsePeriod(period) }] });
  const drop = getString(a, "drop");
  if (drop) out.push({ steps: [{ kind: "dropGroups", ...parseDrop(drop) }] });
  const altY = getString(a, "alt-y");
  if (altY) out.push({ steps: [{ kind: "replaceOutcome", y: altY }] });
  const altX = getString(a, "alt-x");
  if (altX) out.push({ steps: [{ kind: "replaceRegressor", x: altX }] });
  if (getBool(a, "trends")) out.push({ steps: [{ kind: "unitTrends" }] });
  const lag = a.flags.lag as number | undefined;
  if (lag !== undefined) out.push({ steps: [{ kind: "lagRegressor", lag }] });
  if (out.length === 0) throw new CliError("Ask for at least one variant: --winsor, --period, --drop, --alt-y, --alt-x, --trends or --lag.");
  return out;
}

export const command: CliCommand = {
  name: "robust",
  summary: "Robustness battery: winsorise, sub-period, drop groups, replace outcome/regressor, unit trends, lagged regressor.",
  usage:
    "nqp robust --data FILE --y Y --x D,CONTROLS --id ID --time YEAR [--fe ID,YEAR] [--cluster ID] [--vcov ...] [--treat D] " +
    "[--winsor VARS [--winsor-p 0.01]] [--period FROM:TO] [--drop COLUMN=V1,V2] [--alt-y Y2] [--alt-x D2] [--trends] [--lag K] [--json]",
  flags: {
    data: { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" },
    y: { type: "string", column: true, meta: "Y", required: true, description: "dependent variable" },
    x: { type: "list", meta: "D,A,B", required: true, description: "regressors, the key regressor first (or name it with --treat)" },
    id: { type: "string", column: true, meta: "ID", required: true, description: "panel unit column (lags, trends)" },
    time: { type: "string", column: true, meta: "YEAR", required: true, description: "numeric time column (period, lags, trends)" },
    treat: { type: "string", column: true, meta: "D", description: "key regressor (default: the first of --x)" },
    fe: { type: "list", meta: "ID,YEAR", description: "fixed effects to absorb" },
    cluster: { type: "list", meta: "ID", description: "cluster variable(s)" },
    vcov: VCOV_FLAG,
    "keep-singletons": { type: "boolean", description: "keep singleton FE groups" },
    winsor: { type: "list", meta: "A,B", description: "variant: winsorise these variables (cutoffs over all their values)" },
    "winsor-p": { type: "number", meta: "P", description: "winsorising fraction per tail (default 0.01: 1st/99th percentiles)" },
    period: { type: "string", meta: "FROM:TO", description: "variant: keep FROM <= time <= TO (either side may be empty)" },
    drop: { type: "string", meta: "COL=V1,V2", description: "variant: drop rows whose COL is one of the values" },
    "alt-y": { type: "string", column: true, meta: "Y2", description: "variant: another outcome" },
    "alt-x": { type: "string", column: true, meta: "D2", description: "variant: another key regressor" },
    trends: { type: "boolean", description: "variant: unit-specific linear trends" },
    lag: { type: "number", meta: "K", description: "variant: key regressor lagged K periods" },
    json: { type: "boolean", description: "print one JSON object (NaN -> null)" },
  },
  details: [
    "Example (Table 5 of the papers: 1/99 winsorising, without the four municipalities, UR as outcome;",
    "nqp_paper.csv from the nqp lag example):",
    "  nqp robust --data nqp_paper.csv --y ER --x NQP,GDP,FTE,BOOK,OPEN,FEF --id city_id --time year --fe city_id,year \\",
    "      --cluster city_id --winsor ER,NQP,GDP,FTE,BOOK,OPEN,FEF --drop municipality=1 --alt-y UR --json",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const spec = feSpec(a);
    const variants = variantsFromFlags(a);
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const ctx = { panel: { id: getString(a, "id")!, time: getString(a, "time")! }, treat: getString(a, "treat") };
    const baseline = fitLinear(frame, spec);
    const runs = variants.map((v) => {
      const p = prepareVariant(frame, spec, ctx, v);
      return { p, result: fitLinear(p.frame, p.spec) };
    });
    if (getBool(a, "json")) {
      io.out(
        toJson({
          baseline: feJson(baseline),
          variants: runs.map(({ p, result }) => ({
            label: p.label,
            variant: p.variant,
            treat: p.treat,
            changes: {
              winsor: Object.fromEntries(Object.entries(p.changes.winsor).map(([k, c]) => [k, { lower: c.lower, upper: c.upper, n: c.n, n_below: c.nBelow, n_above: c.nAbove }])),
              rows_outside_period: p.changes.rowsOutsidePeriod,
              rows_dropped_by_group: p.changes.rowsDroppedByGroup,
              added_columns: p.changes.addedColumns,
            },
            hidden_terms: p.hiddenTerms,
            result: feJson(result),
          })),
        }) + "\n",
      );
      return 0;
    }
    const treat = ctx.treat ?? spec.x[0];
    const row = (label: string, r: typeof baseline, t: string) => {
      const i = r.terms.indexOf(t);
      return [label, t, r.n, r.coef[i], r.se[i], formatP(r.p[i])];
    };
    const notes = [
      `Baseline: ${sampleNote(baseline)}`,
      ...runs.map(({ p, result }) => {
        const c = p.changes;
        const what = [
          ...Object.entries(c.winsor).map(([v, w]) => `${v} cut at [${formatNumber(w.lower)}, ${formatNumber(w.upper)}] (${w.nBelow} below, ${w.nAbove} above)`),
          ...(c.rowsOutsidePeriod > 0 ? [`${c.rowsOutsidePeriod} rows outside the period removed`] : []),
          ...Object.entries(c.rowsDroppedByGroup).map(([v, k]) => `${k} rows with value ${v} removed`),
        ];
        return `${p.label}: ${[...what, sampleNote(result)].join("; ")}`;
      }),
    ];
    io.out(
      formatTable(["model", "key regressor", "N", "coef", "se", "p"], [row("Baseline", baseline, treat), ...runs.map(({ p, result }) => row(p.label, result, p.treat))]) +
        "\n" + notes.join("\n") + "\n",
    );
    return 0;
  },
};
