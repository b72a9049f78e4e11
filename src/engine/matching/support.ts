/**
 * Common support (psmatch2 `common`, ATT): treated whose score lies strictly below the controls'
 * minimum or strictly above their maximum are off support; a treated equal to the min or max stays.
 * Controls are never trimmed for the ATT. For the ATU the roles swap (pass 1 - treat).
 *
 * Shapes: ps, treat over the estimation sample (length m); returns support (1/0) of length m.
 */
export function commonSupport(ps: ArrayLike<number>, treat: ArrayLike<number>, common: boolean): Uint8Array {
  const m = ps.length;
  const support = new Uint8Array(m).fill(1);
  if (!common) return support;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < m; i++) {
    if (treat[i] === 0) {
      if (ps[i] < lo) lo = ps[i];
      if (ps[i] > hi) hi = ps[i];
    }
  }
  for (let i = 0; i < m; i++) if (treat[i] === 1 && (ps[i] < lo || ps[i] > hi)) support[i] = 0;
  return support;
}
