/**
 * A workbook of office-addin-mock objects for the chart writer: the worksheets collection (loaded
 * through the mock, so a read before load + sync fails) and, on the sheets it adds, the chart surface
 * the writer uses (charts.add, series with markers / fill / line / data labels, axes, legend entries),
 * every write and every property set recorded for the assertions.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface MockSeries {
  name: string;
  chartType?: string;
  values?: string;
  x?: string;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  fill?: string;
  line: { color?: string; weight?: number };
  points: { hasDataLabel?: boolean; dataLabel: { text?: string; position?: string } }[];
}

export interface MockChart {
  type: string;
  source: string;
  title: { text?: string };
  legend: { visible?: boolean; hidden: number[] };
  axes: Record<string, { title: { text?: string }; minimum?: number; maximum?: number; majorUnit?: number; tickLabelPosition?: string }>;
  at?: string;
  all: MockSeries[];
}

export function chartBook(existing: string[]) {
  const log = { loads: [] as string[], added: [] as string[], writes: [] as { sheet: string; r: number; c: number; values: unknown[][] }[], charts: [] as MockChart[] };
  const sheet = (name: string) => {
    const charts = {
      add: (type: string, range: { address: string }) => {
        const all: MockSeries[] = [];
        const mk = (n: string) => {
          const points: MockSeries["points"] = [];
          const s: any = {
            name: n,
            line: {},
            points,
            setValues: (r: { address: string }) => (s.values = r.address),
            setXAxisValues: (r: { address: string }) => (s.x = r.address),
            format: { fill: { setSolidColor: (c: string) => (s.fill = c) }, line: {} },
          };
          s.format.line = s.line;
          s.points = Object.assign(points, { getItemAt: (i: number) => (points[i] ??= { dataLabel: {} }) });
          all.push(s);
          return s;
        };
        mk("Series1");
        const legend = { visible: undefined as boolean | undefined, hidden: [] as number[], legendEntries: { getItemAt: (i: number) => ({ set visible(v: boolean) { if (!v) legend.hidden.push(i); } }) } };
        const axes: MockChart["axes"] = {};
        const ch: any = {
          type,
          source: range.address,
          title: {},
          legend,
          axes: { getItem: (t: string) => (axes[t] ??= { title: {} }) },
          setPosition: (p: string) => (ch.at = p),
          series: { getItemAt: (i: number) => all[i], add: mk },
          all,
        };
        log.charts.push({ get type() { return ch.type; }, get source() { return ch.source; }, title: ch.title, legend, axes, get at() { return ch.at; }, all } as MockChart);
        return ch;
      },
    };
    return {
      name,
      charts,
      activate: () => undefined,
      getRange: (address: string) => ({ address }),
      getRangeByIndexes: (r: number, c: number) => {
        const rg: any = {};
        Object.defineProperty(rg, "values", { set: (v: unknown[][]) => log.writes.push({ sheet: name, r, c, values: v }) });
        return rg;
      },
    };
  };
  const mock = new OfficeMockObject({
    workbook: { worksheets: { items: existing.map((n) => ({ name: n })), add: (n: string) => (log.added.push(n), sheet(n)), load: (what: string) => log.loads.push(what) } },
    sync: async () => undefined,
  });
  // office-addin-mock turns arrays into objects: put the sheet list back as the array Office.js returns.
  (mock as any).workbook.worksheets.items = existing.map((n) => ({ name: n }));
  const run = <T>(batch: (ctx: any) => Promise<T>) => batch(mock as any);
  /** The cells written at (row, col) of the new sheet, as one block per write. */
  const block = (c: number) => log.writes.filter((w) => w.c === c).flatMap((w) => w.values);
  return { run, log, block };
}
