/**
 * An in-memory workbook implementing the Office.js Excel calls the add-in makes (test code only).
 *
 * Self-contained (no imports) so the e2e harness can transpile it into a browser script and jest tests
 * can import it. Semantics kept from Office.js where the add-in depends on them:
 * - properties must be `load`ed and the context `sync`ed before they are read (else it throws);
 * - every `sync` is one request: the JSON size of the values it loads and writes is its payload, logged
 *   in `requests`; a payload over `payloadLimit` (Excel on the web: 5 MB) throws
 *   RequestPayloadSizeLimitExceeded, as Excel does;
 * - `getOrNullObject` flavours return objects with `isNullObject`.
 * A sheet holds either sparse cells or a generator `(row, col) => value` (for a 1,048,575-row sheet
 * without the memory). Formatting calls (`range.format...`) are recorded, not rendered.
 */

export type MemCell = string | number | boolean | null;

export interface MemSheetInit {
  name: string;
  /** Rows of values starting at A1. */
  rows?: MemCell[][];
  /** Or a generated block of nrow x ncol starting at A1. */
  generate?: { nrow: number; ncol: number; cell: (r: number, c: number) => MemCell };
  visibility?: string;
}

export interface MemRequest {
  readonly bytes: number;
  readonly loads: number;
  readonly writes: number;
}

/** A native chart as the add-in built it (type, series bound to ranges, colours, labels); nothing is rendered. */
export interface MemChartState {
  type: string;
  /** The range the chart was created from. */
  source: string;
  title: string;
  legendVisible: boolean | undefined;
  hiddenLegendEntries: number[];
  position: string;
  axes: Record<string, Record<string, unknown>>;
  series: MemSeriesState[];
}

export interface MemSeriesState {
  name: string;
  chartType?: string;
  /** Addresses (on the chart's sheet) of the y values and the x values / categories. */
  values?: string;
  xValues?: string;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  fill?: string;
  line: Record<string, unknown>;
  dataLabels: Record<number, { text?: string; position?: string }>;
}

interface SheetState {
  name: string;
  charts: MemChartState[];
  cells: Map<number, Map<number, MemCell>>;
  generate?: MemSheetInit["generate"];
  visibility: string;
  formats: Map<string, unknown>;
  position: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** Same as src/report/grid.ts columnLetter: repeated because this file must stay import-free (see header). */
export function columnLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCell(a: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`bad address ${a}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class MemoryWorkbook {
  readonly sheets: SheetState[] = [];
  readonly tables = new Map<string, { sheet: string; r0: number; c0: number; nrow: number; ncol: number }>();
  readonly requests: MemRequest[] = [];
  /** Settings (Office.context.document.settings-like) and custom XML parts, for the spec store. */
  readonly settings = new Map<string, unknown>();
  readonly customXml: { id: string; xml: string }[] = [];
  payloadLimit = 5 * 1024 * 1024;
  /** Optional artificial latency per sync in ms, to look like a network round trip. */
  syncDelayMs = 0;
  activeSheet = "";
  selection = { r0: 0, c0: 0, nrow: 1, ncol: 1 };

  constructor(sheets: MemSheetInit[]) {
    for (const s of sheets) this.addSheet(s.name, s);
    this.activeSheet = this.sheets[0]?.name ?? "";
  }

  addSheet(name: string, init?: MemSheetInit): SheetState {
    if (this.sheet(name)) throw Object.assign(new Error(`A sheet named ${name} already exists.`), { code: "ItemAlreadyExists" });
    const s: SheetState = { name, charts: [], cells: new Map(), generate: init?.generate, visibility: init?.visibility ?? "Visible", formats: new Map(), position: this.sheets.length };
    init?.rows?.forEach((row, r) => row.forEach((v, c) => this.set(s, r, c, v)));
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get(s: SheetState, r: number, c: number): MemCell {
    const v = s.cells.get(r)?.get(c);
    if (v !== undefined) return v;
    if (s.generate && r < s.generate.nrow && c < s.generate.ncol) return s.generate.cell(r, c);
    return "";
  }

  set(s: SheetState, r: number, c: number, v: MemCell): void {
    let row = s.cells.get(r);
    if (!row) s.cells.set(r, (row = new Map()));
    if (v === "" || v === null) row.delete(c);
    else row.set(c, v);
  }

  /** Bounding box of the non-empty cells: [r0, c0, nrow, ncol], or null for an empty sheet. */
  usedBox(s: SheetState): [number, number, number, number] | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    if (s.generate) [r0, c0, r1, c1] = [0, 0, s.generate.nrow - 1, s.generate.ncol - 1];
    s.cells.forEach((row, r) => row.forEach((_v, c) => {
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }));
    return r1 < 0 ? null : [r0, c0, r1 - r0 + 1, c1 - c0 + 1];
  }

  /** Values of a block as a user would see them on the sheet (for assertions). */
  block(name: string, r0 = 0, c0 = 0, nrow?: number, ncol?: number): MemCell[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const box = this.usedBox(s);
    const nr = nrow ?? (box ? box[0] + box[2] - r0 : 0);
    const nc = ncol ?? (box ? box[1] + box[3] - c0 : 0);
    const out: MemCell[][] = [];
    for (let r = 0; r < nr; r++) {
      const row: MemCell[] = [];
      for (let c = 0; c < nc; c++) row.push(this.get(s, r0 + r, c0 + c));
      out.push(row);
    }
    return out;
  }

  /** The charts the add-in added to a sheet. */
  charts(name: string): MemChartState[] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.charts;
  }

  select(sheet: string, r0: number, c0: number, nrow: number, ncol: number): void {
    this.activeSheet = sheet;
    this.selection = { r0, c0, nrow, ncol };
  }

  addTable(name: string, sheet: string, r0: number, c0: number, nrow: number, ncol: number): void {
    this.tables.set(name, { sheet, r0, c0, nrow, ncol });
  }

  /** Excel.run over this workbook. */
  run = async <T>(batch: (ctx: any) => Promise<T>): Promise<T> => {
    const ctx = new MemContext(this);
    const out = await batch(ctx);
    await ctx.sync();
    return out;
  };

  /** The `Excel` namespace object the add-in sees. */
  excelNamespace(): any {
    return { run: this.run, BorderIndex: {}, BorderLineStyle: {}, SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } };
  }
}

type Pending = () => number;

class MemContext {
  readonly pendingLoads: Pending[] = [];
  readonly pendingWriteBytes: number[] = [];
  readonly workbook: any;
  constructor(readonly wb: MemoryWorkbook) {
    this.workbook = new MemWorkbookObj(this);
  }

  async sync(): Promise<void> {
    if (this.pendingLoads.length === 0 && this.pendingWriteBytes.length === 0) return;
    const loads = this.pendingLoads.splice(0);
    const writes = this.pendingWriteBytes.splice(0);
    let bytes = writes.reduce((a, b) => a + b, 0);
    for (const l of loads) bytes += l();
    this.wb.requests.push({ bytes, loads: loads.length, writes: writes.length });
    if (this.wb.syncDelayMs > 0) await new Promise((r) => setTimeout(r, this.wb.syncDelayMs));
    else await Promise.resolve();
    if (bytes > this.wb.payloadLimit) {
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    }
  }

  trackedObjects = { add(): void {}, remove(): void {} };
}

/** Records any formatting call and property assignment; returns itself for chained access. */
function recorder(log: Map<string, unknown>, prefix: string): any {
  const target = function () {} as any;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === "then") return undefined;
      if (prop === "load") return () => undefined;
      return recorder(log, `${prefix}.${String(prop)}`);
    },
    set(_t, prop, value) {
      log.set(`${prefix}.${String(prop)}`, value);
      return true;
    },
    apply(_t, _this, args) {
      log.set(`${prefix}()`, args);
      return recorder(log, `${prefix}(${args.map((a: unknown) => JSON.stringify(a)).join(",")})`);
    },
  });
}

class Loadable {
  protected loaded = new Set<string>();
  protected snapshot: Record<string, unknown> = {};
  constructor(protected readonly ctx: MemContext) {}
  protected props(): Record<string, () => unknown> {
    return {};
  }
  load(what?: string | string[] | Record<string, unknown>): this {
    const names = what === undefined ? Object.keys(this.props()) : typeof what === "string" ? what.split(",") : Array.isArray(what) ? what : Object.keys(what);
    this.ctx.pendingLoads.push(() => {
      // Office.js lets one load properties of a null object; they simply stay empty.
      if ((this as { isNullObject?: boolean }).isNullObject === true) return 0;
      let bytes = 0;
      const props = this.props();
      for (const raw of names) {
        const n = raw.trim().split("/")[0];
        if (!(n in props)) continue;
        const v = props[n]();
        this.snapshot[n] = v;
        this.loaded.add(n);
        bytes += JSON.stringify(v ?? null).length;
      }
      return bytes;
    });
    return this;
  }
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: The property '${name}' is not available. Call load() and context.sync() first.`);
    return this.snapshot[name] as T;
  }
}

class MemRange extends Loadable {
  constructor(ctx: MemContext, readonly s: { name: string } | null, readonly r0: number, readonly c0: number, readonly nr: number, readonly nc: number) {
    super(ctx);
  }
  private get st() {
    const s = this.s ? this.ctx.wb.sheet(this.s.name) : undefined;
    if (!s) throw new Error("ItemNotFound: the sheet of this range no longer exists.");
    return s;
  }
  get isNullObject(): boolean {
    return this.s === null;
  }
  protected override props(): Record<string, () => unknown> {
    return {
      address: () => `${quoteSheet(this.st.name)}!${columnLetter(this.c0)}${this.r0 + 1}${this.nr * this.nc > 1 ? `:${columnLetter(this.c0 + this.nc - 1)}${this.r0 + this.nr}` : ""}`,
      rowCount: () => this.nr,
      columnCount: () => this.nc,
      rowIndex: () => this.r0,
      columnIndex: () => this.c0,
      cellCount: () => this.nr * this.nc,
      values: () => this.ctx.wb.block(this.st.name, this.r0, this.c0, this.nr, this.nc),
      text: () => this.ctx.wb.block(this.st.name, this.r0, this.c0, this.nr, this.nc).map((r) => r.map((v) => String(v ?? ""))),
      numberFormat: () => this.grid((r, c) => (this.st.formats.get(`nf:${r}:${c}`) as string) ?? "General"),
      valueTypes: () => this.grid((r, c) => (typeof this.ctx.wb.get(this.st, r, c) === "number" ? "Double" : "String")),
    };
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.nr; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.nc; c++) row.push(f(this.r0 + r, this.c0 + c));
      out.push(row);
    }
    return out;
  }
  get address(): string { return this.read("address"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get cellCount(): number { return this.read("cellCount"); }
  get text(): string[][] { return this.read("text"); }
  get valueTypes(): string[][] { return this.read("valueTypes"); }
  get values(): MemCell[][] {
    return this.read("values");
  }
  set values(v: MemCell[][] | MemCell) {
    const grid = Array.isArray(v) ? v : [[v]];
    const single = !Array.isArray(v);
    if (!single && (grid.length !== this.nr || grid.some((row) => row.length !== this.nc))) {
      throw new Error(`InvalidArgument: values of ${grid.length}x${grid[0]?.length} do not fit a range of ${this.nr}x${this.nc}.`);
    }
    const st = this.st;
    for (let r = 0; r < this.nr; r++) for (let c = 0; c < this.nc; c++) this.ctx.wb.set(st, this.r0 + r, this.c0 + c, single ? grid[0][0] : grid[r][c]);
    this.ctx.pendingWriteBytes.push(JSON.stringify(v).length);
  }
  get numberFormat(): string[][] { return this.read("numberFormat"); }
  set numberFormat(v: string[][] | string) {
    const st = this.st;
    for (let r = 0; r < this.nr; r++) for (let c = 0; c < this.nc; c++) st.formats.set(`nf:${this.r0 + r}:${this.c0 + c}`, Array.isArray(v) ? v[r][c] : v);
    this.ctx.pendingWriteBytes.push(JSON.stringify(v).length);
  }
  set formulas(v: MemCell[][]) {
    this.values = v;
  }
  get format(): any {
    return recorder(this.st.formats, `fmt:${this.r0}:${this.c0}:${this.nr}:${this.nc}`);
  }
  get worksheet(): MemSheetObj {
    return new MemSheetObj(this.ctx, this.st.name);
  }
  getCell(r: number, c: number): MemRange {
    return new MemRange(this.ctx, this.s, this.r0 + r, this.c0 + c, 1, 1);
  }
  getRow(r: number): MemRange {
    return new MemRange(this.ctx, this.s, this.r0 + r, this.c0, 1, this.nc);
  }
  getColumn(c: number): MemRange {
    return new MemRange(this.ctx, this.s, this.r0, this.c0 + c, this.nr, 1);
  }
  getResizedRange(dr: number, dc: number): MemRange {
    return new MemRange(this.ctx, this.s, this.r0, this.c0, this.nr + dr, this.nc + dc);
  }
  getOffsetRange(dr: number, dc: number): MemRange {
    return new MemRange(this.ctx, this.s, this.r0 + dr, this.c0 + dc, this.nr, this.nc);
  }
  getSurroundingRegion(): MemRange {
    const box = this.ctx.wb.usedBox(this.st);
    if (!box) return new MemRange(this.ctx, this.s, this.r0, this.c0, 1, 1);
    return new MemRange(this.ctx, this.s, box[0], box[1], box[2], box[3]);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): MemRange {
    if (this.isNullObject) return new MemRange(this.ctx, null, 0, 0, 0, 0);
    const box = this.ctx.wb.usedBox(this.st);
    if (!box) return new MemRange(this.ctx, null, 0, 0, 0, 0);
    const r0 = Math.max(box[0], this.r0), c0 = Math.max(box[1], this.c0);
    const r1 = Math.min(box[0] + box[2], this.r0 + this.nr), c1 = Math.min(box[1] + box[3], this.c0 + this.nc);
    if (r1 <= r0 || c1 <= c0) return new MemRange(this.ctx, null, 0, 0, 0, 0);
    return new MemRange(this.ctx, this.s, r0, c0, r1 - r0, c1 - c0);
  }
  getUsedRange(valuesOnly?: boolean): MemRange {
    const r = this.getUsedRangeOrNullObject(valuesOnly);
    if (r.isNullObject) throw new Error("ItemNotFound: the range is empty.");
    return r;
  }
  merge(_across?: boolean): void {
    this.st.formats.set(`merge:${this.r0}:${this.c0}:${this.nr}:${this.nc}`, true);
  }
  unmerge(): void {
    for (const k of [...this.st.formats.keys()]) if (k.startsWith("merge:")) this.st.formats.delete(k);
  }
  clear(_applyTo?: string): void {
    const st = this.st;
    const inside = (r: number, c: number) => r >= this.r0 && r < this.r0 + this.nr && c >= this.c0 && c < this.c0 + this.nc;
    // Sparse: visit the cells that exist, not every address of a possibly whole-sheet range.
    st.cells.forEach((row, r) => row.forEach((_v, c) => inside(r, c) && row.delete(c)));
    for (const k of [...st.formats.keys()]) {
      const m = /^nf:(\d+):(\d+)$/.exec(k);
      if (m && inside(Number(m[1]), Number(m[2]))) st.formats.delete(k);
    }
    this.ctx.pendingWriteBytes.push(16);
  }
  select(): void {
    this.ctx.wb.select(this.st.name, this.r0, this.c0, this.nr, this.nc);
  }
  track(): this { return this; }
  untrack(): this { return this; }
}

class MemSheetObj extends Loadable {
  constructor(ctx: MemContext, private sheetName: string | null) {
    super(ctx);
  }
  private get st() {
    const s = this.sheetName ? this.ctx.wb.sheet(this.sheetName) : undefined;
    if (!s) throw new Error("ItemNotFound: no such sheet.");
    return s;
  }
  get isNullObject(): boolean {
    return this.sheetName === null || !this.ctx.wb.sheet(this.sheetName);
  }
  protected override props(): Record<string, () => unknown> {
    return { name: () => this.st.name, visibility: () => this.st.visibility, position: () => this.ctx.wb.sheets.indexOf(this.st), id: () => `{${this.st.name}}` };
  }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.st.name = v;
    this.sheetName = v;
  }
  get visibility(): string { return this.read("visibility"); }
  set visibility(v: string) { this.st.visibility = v; }
  get position(): number { return this.read("position"); }
  get id(): string { return this.read("id"); }
  get format(): any { return recorder(this.st.formats, "sheet"); }
  get charts(): MemCharts { return new MemCharts(this.ctx, () => this.st); }
  get tabColor(): string { return ""; }
  set tabColor(v: string) { this.st.formats.set("tabColor", v); }
  get freezePanes(): any { return recorder(this.st.formats, "freeze"); }
  get showGridlines(): boolean { return true; }
  set showGridlines(v: boolean) { this.st.formats.set("showGridlines", v); }
  getRangeByIndexes(r: number, c: number, nr: number, nc: number): MemRange {
    if (r < 0 || c < 0 || nr < 1 || nc < 1 || r + nr > MAX_ROWS || c + nc > MAX_COLS) throw new Error(`InvalidArgument: getRangeByIndexes(${r}, ${c}, ${nr}, ${nc}) is outside the sheet.`);
    return new MemRange(this.ctx, { name: this.st.name }, r, c, nr, nc);
  }
  getRange(address?: string): MemRange {
    if (!address) return new MemRange(this.ctx, { name: this.st.name }, 0, 0, MAX_ROWS, MAX_COLS);
    const local = address.includes("!") ? address.split("!")[1] : address;
    const [a, b] = local.split(":");
    const [r0, c0] = parseCell(a);
    const [r1, c1] = b ? parseCell(b) : [r0, c0];
    return new MemRange(this.ctx, { name: this.st.name }, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getCell(r: number, c: number): MemRange {
    return this.getRangeByIndexes(r, c, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): MemRange {
    return this.getRange().getUsedRange(valuesOnly);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemRange {
    // Evaluated lazily: on a null sheet the result is a null range, as in Office.js.
    if (this.isNullObject) return new MemRange(this.ctx, null, 0, 0, 0, 0);
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }
  activate(): void {
    this.ctx.wb.activeSheet = this.st.name;
  }
  delete(): void {
    const i = this.ctx.wb.sheets.indexOf(this.st);
    this.ctx.wb.sheets.splice(i, 1);
  }
}

function rangeAddress(r: MemRange): string {
  return `${columnLetter(r.c0)}${r.r0 + 1}:${columnLetter(r.c0 + r.nc - 1)}${r.r0 + r.nr}`;
}

function memSeries(st: MemSeriesState): any {
  return {
    set name(v: string) { st.name = v; },
    get name() { return st.name; },
    set chartType(v: string) { st.chartType = v; },
    set markerStyle(v: string) { st.markerStyle = v; },
    set markerSize(v: number) { st.markerSize = v; },
    set markerBackgroundColor(v: string) { st.markerBackgroundColor = v; },
    set markerForegroundColor(v: string) { st.markerForegroundColor = v; },
    setValues(r: MemRange) { st.values = rangeAddress(r); },
    setXAxisValues(r: MemRange) { st.xValues = rangeAddress(r); },
    format: { fill: { setSolidColor(c: string) { st.fill = c; } }, line: st.line },
    points: {
      getItemAt(i: number) {
        const label = (st.dataLabels[i] ??= {});
        return { set hasDataLabel(_v: boolean) {}, dataLabel: label };
      },
    },
  };
}

class MemCharts {
  constructor(private ctx: MemContext, private sheet: () => SheetState) {}
  add(type: string, source: MemRange, _seriesBy?: string): any {
    const state: MemChartState = { type, source: rangeAddress(source), title: "", legendVisible: undefined, hiddenLegendEntries: [], position: "", axes: {}, series: [] };
    const addSeries = (name: string) => {
      const st: MemSeriesState = { name, line: {}, dataLabels: {} };
      state.series.push(st);
      return memSeries(st);
    };
    const first = addSeries("Series1");
    state.series[0].values = state.source;
    this.sheet().charts.push(state);
    this.ctx.pendingWriteBytes.push(64);
    return {
      title: { set text(v: string) { state.title = v; } },
      legend: {
        set visible(v: boolean) { state.legendVisible = v; },
        legendEntries: { getItemAt: (i: number) => ({ set visible(v: boolean) { if (!v) state.hiddenLegendEntries.push(i); } }) },
      },
      series: { getItemAt: (i: number) => (i === 0 ? first : memSeries(state.series[i])), add: (name: string) => addSeries(name) },
      axes: { getItem: (t: string) => (state.axes[t] ??= { title: {} }) },
      setPosition(at: string) { state.position = at; },
    };
  }
}

class MemCollection<T> extends Loadable {
  constructor(ctx: MemContext, private list: () => T[]) {
    super(ctx);
  }
  protected override props(): Record<string, () => unknown> {
    return { items: () => this.list() };
  }
  get items(): T[] {
    return this.read("items");
  }
}

class MemWorksheets extends MemCollection<MemSheetObj> {
  constructor(ctx: MemContext) {
    super(ctx, () => ctx.wb.sheets.map((s) => {
      const o = new MemSheetObj(ctx, s.name);
      o.load();
      ctx.pendingLoads.pop()!();
      return o;
    }));
  }
  add(name?: string): MemSheetObj {
    const wb = this.ctx.wb;
    let n = name;
    if (!n) for (let i = 1; !n || wb.sheet(n); i++) n = `Sheet${i}`;
    wb.addSheet(n);
    this.ctx.pendingWriteBytes.push(n.length + 16);
    return new MemSheetObj(this.ctx, n);
  }
  getItem(name: string): MemSheetObj {
    if (!this.ctx.wb.sheet(name)) throw Object.assign(new Error(`ItemNotFound: no sheet named ${name}.`), { code: "ItemNotFound" });
    return new MemSheetObj(this.ctx, this.ctx.wb.sheet(name)!.name);
  }
  getItemOrNullObject(name: string): MemSheetObj {
    const s = this.ctx.wb.sheet(name);
    return new MemSheetObj(this.ctx, s ? s.name : null);
  }
  getActiveWorksheet(): MemSheetObj {
    return new MemSheetObj(this.ctx, this.ctx.wb.activeSheet);
  }
}

class MemTableObj {
  constructor(private ctx: MemContext, readonly name: string | null) {}
  get isNullObject(): boolean {
    return this.name === null;
  }
  getRange(): MemRange {
    const t = this.ctx.wb.tables.get(this.name!)!;
    return new MemRange(this.ctx, { name: t.sheet }, t.r0, t.c0, t.nrow, t.ncol);
  }
}

class MemTables extends MemCollection<{ name: string }> {
  constructor(ctx: MemContext) {
    super(ctx, () => [...ctx.wb.tables.keys()].map((name) => ({ name })));
  }
  getItemOrNullObject(name: string): MemTableObj {
    return new MemTableObj(this.ctx, this.ctx.wb.tables.has(name) ? name : null);
  }
  getItem(name: string): MemTableObj {
    if (!this.ctx.wb.tables.has(name)) throw new Error(`ItemNotFound: no table named ${name}.`);
    return new MemTableObj(this.ctx, name);
  }
}

class MemWorkbookObj {
  readonly worksheets: MemWorksheets;
  readonly tables: MemTables;
  constructor(private ctx: MemContext) {
    this.worksheets = new MemWorksheets(ctx);
    this.tables = new MemTables(ctx);
  }
  getSelectedRange(): MemRange {
    const s = this.ctx.wb.selection;
    return new MemRange(this.ctx, { name: this.ctx.wb.activeSheet }, s.r0, s.c0, s.nrow, s.ncol);
  }
  getActiveCell(): MemRange {
    const s = this.ctx.wb.selection;
    return new MemRange(this.ctx, { name: this.ctx.wb.activeSheet }, s.r0, s.c0, 1, 1);
  }
  get settings(): any {
    const wb = this.ctx.wb;
    const ctx = this.ctx;
    return {
      add(key: string, value: unknown) { wb.settings.set(key, value); ctx.pendingWriteBytes.push(JSON.stringify(value).length); },
      getItemOrNullObject(key: string) {
        const has = wb.settings.has(key);
        return { isNullObject: !has, value: wb.settings.get(key), load() { return this; }, delete() { wb.settings.delete(key); } };
      },
      getItem(key: string) {
        if (!wb.settings.has(key)) throw new Error(`ItemNotFound: setting ${key}`);
        return { value: wb.settings.get(key), load() { return this; }, delete() { wb.settings.delete(key); } };
      },
      load() { return this; },
      get items() { return [...wb.settings.entries()].map(([key, value]) => ({ key, value })); },
    };
  }
}
