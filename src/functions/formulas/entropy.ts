/**
 * =NQP.ENTROPY(indicators, [directions], [output], [options], [groups], [layers])
 * Thin wrapper over engine/indices/entropy: parse, compute, spill.
 */
import { InputError } from "../../engine/frame/errors";
import { EntropyResult, entropyIndex, parseDirections, validateEntropyMethod } from "../../engine/indices/entropy";
import { isOmitted, numericRange, parseOptions } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, cellOut, flatCells, optionalGroups, scalarArg, spillColumns } from "../panel-args";

const OUTPUTS = ["scores", "weights", "normalized"] as const;
type EntropyOutput = (typeof OUTPUTS)[number];

const SCHEMA = {
  method: { kind: "choice", values: ["minmax", "shift"] },
  shift: { kind: "number" },
  drop_constant: { kind: "flag" },
} as const;

function parseOutput(arg: unknown): EntropyOutput {
  const v = scalarArg(arg);
  if (v === undefined) return "scores";
  const s = String(v).trim().toLowerCase();
  if (s === "normalised") return "normalized";
  if ((OUTPUTS as readonly string[]).includes(s)) return s as EntropyOutput;
  throw new InputError(`Argument output must be one of ${OUTPUTS.join(", ")}; got "${String(v)}".`);
}

/** Two columns of the indicators range with the same cells are one indicator given twice: refused. */
function assertNoRepeatedColumn(rc: { names: string[] }, cols: readonly Float64Array[]): void {
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      const x = cols[a];
      const y = cols[b];
      let same = true;
      for (let i = 0; i < x.length && same; i++) same = x[i] === y[i] || (x[i] !== x[i] && y[i] !== y[i]);
      if (same) {
        throw new InputError(
          `Argument indicators: column "${rc.names[b]}" repeats column "${rc.names[a]}" (the same value in every row); ` +
            `an indicator may appear once (it would be weighted twice).`,
        );
      }
    }
  }
}

/** The weights table: [group], indicator, [layer], e, d, w; then the row counts. */
function weightsTable(r: EntropyResult, layers: readonly string[] | undefined): (number | string)[][] {
  const grouped = r.fits[0].group !== null;
  const header = [...(grouped ? ["group"] : []), "indicator", ...(layers ? ["layer"] : []), "e", "d", "w"];
  const rows: (number | string)[][] = [header];
  for (const fit of r.fits) {
    r.names.forEach((name, j) => {
      rows.push([
        ...(grouped ? [fit.group as string] : []),
        name,
        ...(layers ? [layers[j]] : []),
        cellOut(fit.e[j]),
        cellOut(fit.d[j]),
        fit.weights[j],
      ]);
    });
  }
  const pad = (label: string, v: number) => [label, v, ...new Array(header.length - 2).fill("")];
  rows.push(pad("rows used", r.nUsed));
  rows.push(pad("rows without score", r.nRows - r.nUsed));
  return rows;
}

/**
 * Entropy-weight composite index (e.g. the NQP index): min-max normalisation pooled over all rows (or per group), entropy weights, score per row. Rows with a missing indicator get no score (blank).
 * @customfunction ENTROPY
 * @param indicators n x m block of indicators, one column each (a header row with names is optional).
 * @param [directions] One "+" or "-" (or 1 / -1) per indicator column, as a row or column; default all "+". Use "-" for cost indicators such as energy intensity.
 * @param [output] "scores" (default: one score per row; one extra column per layer), "weights" (table of indicator, e, d, w and the row counts) or "normalized" (the normalised matrix).
 * @param [options] Text such as "method=shift; shift=0.0001; drop_constant": method minmax (0 ln 0 = 0, default) or shift (add the constant after normalising); drop_constant drops constant indicators instead of an error.
 * @param [groups] Optional group column (e.g. year) to compute weights within each group; default pooled over all rows.
 * @param [layers] Optional row of criterion-layer labels, one per indicator: sub-index per layer plus the total.
 * @returns The scores, the weights table or the normalised matrix.
 */
export function entropy(indicators: any[][], directions?: any[][], output?: string, options?: any[][], groups?: any[][], layers?: any[][]): any[][] {
  return withExcelErrors("ENTROPY", () => {
    const rc = numericRange("indicators", indicators);
    const cols = allNumbers("indicators", rc);
    assertNoRepeatedColumn(rc, cols);
    const opts = parseOptions(options, SCHEMA);
    const out = parseOutput(output);
    const layerLabels = isOmitted(layers) ? undefined : flatCells("layers", layers).map((c) => String(c ?? "").trim());
    const r = entropyIndex(cols, rc.names, {
      directions: isOmitted(directions) ? undefined : parseDirections(flatCells("directions", directions), rc.names),
      method: opts.method === undefined ? undefined : validateEntropyMethod(String(opts.method)),
      shift: opts.shift as number | undefined,
      dropConstant: opts.drop_constant === true,
      groups: optionalGroups("groups", groups, rc.hasHeader, rc.nrow),
      layers: layerLabels,
      keepNormalised: out === "normalized",
    });
    if (out === "weights") return weightsTable(r, layerLabels);
    if (out === "normalized") return spillColumns(r.normalised!, rc.hasHeader ? rc.names : undefined);
    const header = rc.hasHeader ? ["score", ...r.layers.map((l) => l.label)] : undefined;
    return spillColumns([r.scores, ...r.layers.map((l) => l.scores)], header);
  });
}
