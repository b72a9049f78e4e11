/**
 * ivreg2 `partial()`: Frisch-Waugh-Lovell partialling of some included exogenous regressors (often the
 * constant and dummy sets, i.e. fixed effects) out of y, the endogenous regressors, the remaining
 * included exogenous regressors and the excluded instruments. The partialled regressors are no longer
 * reported; their count (including the constant), `partialCount` = ivreg2 e(partial_ct), is the
 * small-sample df to pass to the kernel as `sdofminus` (or 0 for ivreg2 `nopartialsmall`).
 * Shapes: n rows; matrices n x k column-major.
 */
import { InputError } from "../frame/errors";
import { IvColumns } from "./ivreg2";
import { projector, residualize, selectColumns } from "./project";

export interface Partialled {
  readonly columns: IvColumns;
  /** Number of linearly independent partialled regressors, including the constant (e(partial_ct)). */
  readonly partialCount: number;
  readonly partialled: readonly string[];
}

/** `names` lists included exogenous regressors (may be "_cons"); `["_all"]` partials all of them. */
export function partialOut(d: IvColumns, names: readonly string[]): Partialled {
  const { n } = d;
  const all = names.length === 1 && names[0] === "_all";
  const idx = all ? d.exogNames.map((_, j) => j) : names.map((nm) => {
    const j = d.exogNames.indexOf(nm);
    if (j < 0) throw new InputError(`partial(): "${nm}" is not an included exogenous regressor (${d.exogNames.join(", ") || "none"}).`);
    return j;
  });
  const keep = d.exogNames.map((_, j) => j).filter((j) => !idx.includes(j));
  const p = projector(selectColumns(d.exog, n, idx), n, idx.length);
  const rank = p.qr ? p.qr.rank : 0;
  return {
    columns: {
      ...d,
      y: residualize(p, d.y, 1),
      endog: residualize(p, d.endog, d.endogNames.length),
      exog: residualize(p, selectColumns(d.exog, n, keep), keep.length),
      exogNames: keep.map((j) => d.exogNames[j]),
      excluded: residualize(p, d.excluded, d.excludedNames.length),
    },
    partialCount: rank,
    partialled: idx.map((j) => d.exogNames[j]),
  };
}
