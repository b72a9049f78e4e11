/**
 * Integer codes for grouping variables (panel ids, periods, clusters).
 * Codes are 0..nLevels-1 in order of first appearance; -1 marks a missing key.
 */
export interface Codes {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export function encodeKeys(keys: readonly (string | null)[]): Codes {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(k);
    if (c === undefined) {
      c = levels.length;
      index.set(k, c);
      levels.push(k);
    }
    codes[i] = c;
  }
  return { codes, levels };
}
