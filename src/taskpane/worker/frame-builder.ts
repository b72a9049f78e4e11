/**
 * Builds a Frame from data rows that arrive in chunks (the range reader's output), without ever holding
 * the whole block as cells: each column grows as a Float64Array, plus a text array only once a
 * non-numeric text cell appears. The result equals `frameFromCells([header, ...allRows])` (key text by
 * `keyText`: numbers and numeric text as `String(number)`, so "1.0" and 1 are one key).
 */
import { Cell, cellToNumber, keyText } from "../../engine/frame/missing";
import { Column, Frame } from "../../engine/frame/frame";
import { FrameError } from "../../engine/frame/errors";

interface Growing {
  numbers: Float64Array;
  text: (string | null)[] | null;
  firstTextRow: number;
  nMissing: number;
}

export class FrameBuilder {
  private readonly names: string[];
  private readonly cols: Growing[];
  private n = 0;

  constructor(header: readonly unknown[], expectedRows = 1024) {
    const seen = new Set<string>();
    this.names = header.map((h, j) => {
      const s = h === null || h === undefined ? "" : String(h).trim();
      if (s === "") throw new FrameError(`Column ${j + 1} has no name in the header row. Give every column a name in the first row of the data.`);
      if (seen.has(s)) throw new FrameError(`Column name "${s}" appears twice in the header row. Rename one of them.`);
      seen.add(s);
      return s;
    });
    const cap = Math.max(16, expectedRows);
    this.cols = this.names.map(() => ({ numbers: new Float64Array(cap), text: null, firstTextRow: -1, nMissing: 0 }));
  }

  get nrow(): number {
    return this.n;
  }

  append(rows: readonly (readonly Cell[])[]): void {
    const need = this.n + rows.length;
    for (const c of this.cols) {
      if (c.numbers.length < need) {
        const grown = new Float64Array(Math.max(need, c.numbers.length * 2));
        grown.set(c.numbers.subarray(0, this.n));
        c.numbers = grown;
      }
    }
    for (let j = 0; j < this.cols.length; j++) {
      const c = this.cols[j];
      for (let r = 0; r < rows.length; r++) {
        const i = this.n + r;
        const v = rows[r][j];
        const x = cellToNumber(v);
        if (x === undefined) {
          c.numbers[i] = NaN;
          if (c.firstTextRow < 0) {
            c.firstTextRow = i;
            c.text = new Array(i);
            for (let k = 0; k < i; k++) c.text[k] = Number.isNaN(c.numbers[k]) ? null : String(c.numbers[k]);
          }
        } else {
          c.numbers[i] = x;
          if (Number.isNaN(x)) c.nMissing++;
        }
        if (c.text) c.text.push(keyText(v, x));
      }
    }
    this.n = need;
  }

  build(): Frame {
    const columns = new Map<string, Column>();
    this.names.forEach((name, j) => {
      const c = this.cols[j];
      columns.set(name, { name, numbers: c.numbers.slice(0, this.n), text: c.text, firstTextRow: c.firstTextRow, nMissing: c.nMissing });
    });
    return { nrow: this.n, names: this.names, columns };
  }
}
