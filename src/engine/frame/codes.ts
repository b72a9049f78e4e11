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

/**
 * Codes of a frame column as encodeKeys(keyColumn(frame, name)) gives them, without the key strings
 * when the column is numeric: numbers are matched as numbers (String is one-to-one on doubles, and
 * 0 and -0 are one key either way), only the levels are written as text.
 */
export function columnCodes(column: { readonly numbers: Float64Array; readonly text: readonly (string | null)[] | null }): Codes {
  if (column.text) return encodeKeys(column.text);
  const v = column.numbers;
  const index = new Map<number, number>();
  const levels: string[] = [];
  const codes = new Int32Array(v.length);
  let last = NaN;
  let lastCode = -1;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) {
      codes[i] = -1;
      continue;
    }
    // Panels are usually sorted by id: a run of one key needs no lookup.
    if (x === last) {
      codes[i] = lastCode;
      continue;
    }
    let c = index.get(x);
    if (c === undefined) {
      c = levels.length;
      index.set(x, c);
      levels.push(String(x));
    }
    codes[i] = c;
    last = x;
    lastCode = c;
  }
  return { codes, levels };
}
