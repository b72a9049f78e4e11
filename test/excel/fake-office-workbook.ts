/**
 * A small Excel workbook built from office-addin-mock objects, for the table writer and spec store
 * tests. Worksheets, ranges and borders are OfficeMockObjects (so a property read before load + sync
 * comes back as the mock's error string); writes queued on ranges are applied to a per-sheet cell
 * store when `context.sync()` runs, as Excel applies a batch at sync. Every range requested on a sheet
 * is logged, so a test can prove that a sheet was never touched.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRunner } from "../../src/excel/context";

export interface FakeCell {
  value: unknown;
  format: string;
}

export interface FakeBorder {
  row: number;
  col: number;
  cols: number;
  edge: string;
  style: unknown;
  weight: unknown;
}

interface PendingRange {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
  mock: any;
  edges: Map<string, any>;
  merged: boolean;
  cleared: boolean;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly borders: FakeBorder[] = [];
  readonly merges: { row: number; col: number; cols: number }[] = [];
  /** Every range requested on this sheet (including reads). */
  rangeRequests = 0;
  readonly mock: any;
  constructor(readonly book: FakeWorkbook, public name: string, readonly id: string) {
    const self = this;
    this.mock = book.register(
      new OfficeMockObject({
        name,
        id,
        visibility: "Visible",
        getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => self.range(r, c, nr, nc),
        getRange: () => self.range(0, 0, 1048576, 16384),
        getUsedRangeOrNullObject: () => self.usedRange(),
        activate: () => {
          book.active = self.name;
        },
      }),
    );
  }

  at(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** Values as a dense block of the used rows/cols. */
  values(): unknown[][] {
    let nr = 0;
    let nc = 0;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      nr = Math.max(nr, r + 1);
      nc = Math.max(nc, c + 1);
    }
    return Array.from({ length: nr }, (_, r) => Array.from({ length: nc }, (_, c) => this.at(r, c)?.value ?? ""));
  }

  private range(row: number, col: number, rows: number, cols: number): any {
    this.rangeRequests++;
    const edges = new Map<string, any>();
    const p: PendingRange = { sheet: this, row, col, rows, cols, mock: null, edges, merged: false, cleared: false };
    p.mock = this.book.register(
      new OfficeMockObject({
        format: {
          font: {},
          borders: {
            getItem: (edge: string) => {
              if (!edges.has(edge)) edges.set(edge, new OfficeMockObject({}));
              return edges.get(edge);
            },
          },
          autofitColumns: () => undefined,
        },
        merge: () => {
          p.merged = true;
        },
        unmerge: () => undefined,
        clear: () => {
          p.cleared = true;
        },
      }),
    );
    this.book.pending.push(p);
    return p.mock;
  }

  private usedRange(): any {
    const v = this.values();
    if (!v.length) {
      return nullRange();
    }
    const m: any = this.book.register(new OfficeMockObject({ values: v, rowCount: v.length, columnCount: v[0].length, rowIndex: 0, columnIndex: 0 }));
    m.isNullObject = false;
    return m;
  }
}

/** A null object: loads are allowed (as in Office.js), values stay empty. */
function nullRange(): any {
  const n: any = new OfficeMockObject({ values: [], rowCount: 0, columnCount: 0, rowIndex: 0, columnIndex: 0 });
  n.isNullObject = true;
  return n;
}

const isMockError = (v: unknown) => typeof v === "string" && /^Error, /.test(v);

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly pending: PendingRange[] = [];
  private readonly mocks: any[] = [];
  syncs = 0;
  active = "";
  private nextId = 1;
  readonly excel: any;

  constructor(sheets: { name: string; rows?: unknown[][] }[] = []) {
    for (const s of sheets) {
      const sh = this.addSheet(s.name);
      (s.rows ?? []).forEach((row, r) => row.forEach((v, c) => sh.cells.set(`${r},${c}`, { value: v, format: "General" })));
    }
    const book = this;
    this.excel = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            add: (name: string) => {
              if (book.find(name)) throw new Error(`A sheet named ${name} exists`);
              return book.addSheet(name).mock;
            },
            getItem: (name: string) => {
              const s = book.find(name);
              if (!s) throw new Error(`ItemNotFound: ${name}`);
              return s.mock;
            },
            getItemOrNullObject: (name: string) => {
              const s = book.find(name);
              if (s) {
                s.mock.isNullObject = false;
                return s.mock;
              }
              const n: any = new OfficeMockObject({
                id: "",
                name: "",
                getUsedRangeOrNullObject: () => nullRange(),
              });
              n.isNullObject = true;
              return n;
            },
          },
        },
        sync: async () => book.sync(),
      },
    });
  }

  register<T>(m: T): T {
    this.mocks.push(m);
    return m;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private addSheet(name: string): FakeSheet {
    const s = new FakeSheet(this, name, `{SHEET-${this.nextId++}}`);
    this.sheets.push(s);
    return s;
  }

  /** Applies the queued writes, then resolves loads (office-addin-mock's own sync). */
  async sync(): Promise<void> {
    this.syncs++;
    for (const p of this.pending.splice(0)) {
      const m = p.mock;
      if (p.cleared) {
        // Only the cells of the cleared range (getRange() is the whole sheet).
        const inside = (r: number, c: number) => r >= p.row && r < p.row + p.rows && c >= p.col && c < p.col + p.cols;
        for (const key of [...p.sheet.cells.keys()]) {
          const [r, c] = key.split(",").map(Number);
          if (inside(r, c)) p.sheet.cells.delete(key);
        }
        const keep = <T extends { row: number; col: number }>(a: T[]) => a.splice(0, a.length, ...a.filter((b) => !inside(b.row, b.col)));
        keep(p.sheet.borders);
        keep(p.sheet.merges);
      }
      const fmts = Array.isArray(m.numberFormat) ? m.numberFormat : null;
      const vals = Array.isArray(m.values) ? m.values : null;
      for (let r = 0; r < p.rows && (fmts || vals); r++) {
        for (let c = 0; c < p.cols; c++) {
          const key = `${p.row + r},${p.col + c}`;
          const cell = p.sheet.cells.get(key) ?? { value: "", format: "General" };
          if (fmts) cell.format = fmts[r][c];
          if (vals) cell.value = vals[r][c];
          p.sheet.cells.set(key, cell);
        }
      }
      if (p.merged) p.sheet.merges.push({ row: p.row, col: p.col, cols: p.cols });
      for (const [edge, b] of p.edges) p.sheet.borders.push({ row: p.row, col: p.col, cols: p.cols, edge, style: b.style, weight: b.weight });
    }
    for (const s of this.sheets) {
      const vis = s.mock.visibility;
      if (!isMockError(vis)) s.visibility = vis;
    }
    for (const m of this.mocks) await m.sync();
  }

  get run(): ExcelRunner {
    const ctx = this.excel.context;
    return <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(ctx as Excel.RequestContext);
  }
}

export interface FakeSheet {
  visibility?: string;
}
