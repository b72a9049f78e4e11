/**
 * The engine side of the task pane, in-process: chunked loading builds the same frame as the whole
 * block, the data profile finds the panel id/time columns, and jobs run through the message protocol.
 * Data: test/reference/data/nqp_cities.csv (+ reference NQP/ER via test/support/reference.ts).
 * Expected weights: test/reference/expected/nqp_entropy.json (minmax_zero), to 1e-10 relative.
 */
import { join } from "path";
import { frameFromCells, Cell } from "../../src/engine/frame";
import { FrameBuilder } from "../../src/taskpane/worker/frame-builder";
import { profileFrame } from "../../src/taskpane/worker/profile";
import { EngineClient, EngineError, inProcessPort } from "../../src/taskpane/worker/client";
import { nqpCitiesWithIndices, readCase, readCsvRows, REFERENCE, relErr } from "../support/reference";
import type { EntropySpec } from "../../src/taskpane/worker/protocol";

const OPTIONS = { paren: "t" as const, decimals: 3 };

function loadInto(client: EngineClient, cells: Cell[][], chunk = 500) {
  client.beginLoad(cells[0], cells.length - 1);
  for (let i = 1; i < cells.length; i += chunk) client.appendRows(cells.slice(i, i + chunk));
  return client.endLoad();
}

describe("FrameBuilder", () => {
  test("chunks give the frame of the whole block (nqp_cities.csv with NQP/ER)", () => {
    const cells = nqpCitiesWithIndices();
    const b = new FrameBuilder(cells[0], 10);
    for (let i = 1; i < cells.length; i += 777) b.append(cells.slice(i, i + 777));
    expect(b.build()).toEqual(frameFromCells(cells));
  });

  test("a column that turns to text late keeps earlier numbers as text keys", () => {
    const b = new FrameBuilder(["a"]);
    b.append([[1], [""]]);
    b.append([["x"], [2]]);
    const f = b.build();
    const col = f.columns.get("a")!;
    expect(col.text).toEqual(["1", null, "x", "2"]);
    expect(col.firstTextRow).toBe(2);
    expect(col.nMissing).toBe(1);
  });

  test("header problems are input errors that say how to fix them", () => {
    expect(() => new FrameBuilder(["a", ""])).toThrow(/Column 2 has no name/);
    expect(() => new FrameBuilder(["a", "a"])).toThrow(/appears twice/);
  });
});

describe("profileFrame", () => {
  test("finds city_id and year in nqp_cities.csv, types and missing counts", () => {
    const cells = nqpCitiesWithIndices();
    const p = profileFrame(frameFromCells(cells));
    expect(p.nrow).toBe(cells.length - 1);
    expect(p.idColumn).toBe("city_id");
    expect(p.timeColumn).toBe("year");
    const v = new Map(p.variables.map((x) => [x.name, x]));
    expect(v.get("city_name")!.type).toBe("text");
    expect(v.get("NQP")!.type).toBe("numeric");
    // ER is undefined in the first year of every city (reference nqp_martin_er.csv has empty cells there).
    const er = readCsvRows(join(REFERENCE, "expected", "nqp_martin_er.csv"));
    const j = er[0].indexOf("ER");
    expect(v.get("ER")!.nMissing).toBe(er.slice(1).filter((r) => r[j] === "").length);
  });

  test("without telling names, a year-valued column and a repeating text column are found", () => {
    const cells: Cell[][] = [["unit", "period", "v"]];
    for (const u of ["a", "b", "c"]) for (const t of [2001, 2002]) cells.push([u, t, Math.random()]);
    const p = profileFrame(frameFromCells(cells));
    expect(p.timeColumn).toBe("period");
    expect(p.idColumn).toBe("unit");
  });
});

describe("EngineClient (in-process host)", () => {
  test("loads in chunks, answers with the profile, runs the entropy index (nqp_entropy weights)", async () => {
    const ref = readCase("nqp_entropy");
    const client = new EngineClient(inProcessPort());
    const cells = readCsvRows(join(REFERENCE, "data", "nqp_cities.csv")) as Cell[][];
    const profile = await loadInto(client, cells);
    expect(profile.idColumn).toBe("city_id");
    const negative = new Set<string>(ref.spec.negative_attribute);
    const spec: EntropySpec = {
      kind: "entropy",
      indicators: ref.spec.indicators.map((name: string) => ({ name, direction: negative.has(name) ? -1 : 1, layer: "" })),
      method: "minmax",
      outName: "NQP",
    };
    const progress: number[] = [];
    const out = await client.run(spec, OPTIONS, (p) => progress.push(p.done)).result;
    expect(out.kind).toBe("entropy");
    const weights = ref.results.minmax_zero.weights;
    const rows = out.table.rows.filter((r) => r.role === "data");
    expect(rows.length).toBe(ref.spec.indicators.length);
    for (const r of rows) {
      const cell = r.cells[4];
      expect(cell.kind).toBe("number");
      const expected = Array.isArray(weights) ? weights[ref.spec.indicators.indexOf(r.key)] : weights[r.key];
      expect(relErr((cell as { value: number }).value, expected)).toBeLessThan(1e-10);
    }
    expect(out.columns![0].name).toBe("NQP");
    expect(out.columns![0].values.length).toBe(cells.length - 1);
  });

  test("a text column chosen as a number is an input error naming the variable and rows", async () => {
    const client = new EngineClient(inProcessPort());
    await loadInto(client, nqpCitiesWithIndices());
    const run = client.run({ kind: "describe", vars: ["GDP", "city_name"], sample: "pairwise" }, OPTIONS);
    await expect(run.result).rejects.toThrow(EngineError);
    await expect(run.result).rejects.toThrow(/variable "city_name" must be numeric, but 3124 of its 3124 rows hold text/);
  });

  test("running before any data is loaded says what to do", async () => {
    const client = new EngineClient(inProcessPort());
    await expect(client.run({ kind: "describe", vars: ["x"], sample: "pairwise" }, OPTIONS).result).rejects.toThrow(/No data are loaded/);
  });
});

describe("EngineClient cancel", () => {
  test("a job that ignores the cancel message is stopped by restarting the worker; data must be reloaded", async () => {
    const posted: string[] = [];
    let restarts = 0;
    const port = {
      post: (m: { type: string }) => void posted.push(m.type),
      onMessage: () => undefined,
      restart: () => void restarts++,
    };
    const client = new EngineClient(port, 20);
    const run = client.run({ kind: "describe", vars: ["x"], sample: "pairwise" }, OPTIONS);
    run.cancel();
    await expect(run.result).rejects.toThrow(/The run was stopped\. Nothing was written; the data will be read again/);
    expect(posted).toEqual(["run", "cancel"]);
    expect(restarts).toBe(1);
    expect(client.needsReload).toBe(true);
  });
});
