/**
 * Min and max of data-sized arrays by a loop: `Math.min(...a)` passes every element as an argument and
 * overflows the call stack from about 1e5 elements (a 1,048,575-row Excel column), so src/ never spreads
 * data into a call.
 */

/** Smallest and largest non-NaN value (Infinity / -Infinity when there is none). */
export function extent(a: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Largest value of f over the items (`init` when there are none). */
export function maxBy<T>(items: readonly T[], f: (item: T) => number, init = -Infinity): number {
  let m = init;
  for (const item of items) {
    const v = f(item);
    if (v > m) m = v;
  }
  return m;
}
