/**
 * Chunked range reader against the in-memory workbook (test/e2e/memory-excel.ts), which logs every
 * request's payload the way Excel counts it (JSON of the values moved) and refuses requests over its limit.
 * Data: test/reference/data/grunfeld.csv (small block) and generated blocks (shape tests).
 */
import { join } from "path";
import { readDataRange, ReadCancelled, DataRangeError, listTables, payloadBytes } from "../../src/excel/range-reader";
import { MemoryWorkbook, MemCell } from "../e2e/memory-excel";
import { readCsvRows, REFERENCE } from "../support/reference";
import { frameFromCells } from "../../src/engine/frame";

function grunfeldRows(): MemCell[][] {
  const rows = readCsvRows(join(REFERENCE, "data", "grunfeld.csv"));
  return rows.map((r, i) => (i === 0 ? r : r.map((v) => (/^-?[\d.]+$/.test(v) ? Number(v) : v))));
}

describe("readDataRange", () => {
  test("reads the current region of the active cell with its header (grunfeld.csv)", async () => {
    const data = grunfeldRows();
    const wb = new MemoryWorkbook([{ name: "Data", rows: data }]);
    wb.select("Data", 5, 2, 1, 1);
    const res = await readDataRange(wb.run, { kind: "region" });
    expect(res.header).toEqual(data[0]);
    expect(res.nrow).toBe(data.length - 1);
    expect(res.rows).toEqual(data.slice(1));
    expect(res.sheet).toBe("Data");
    expect(res.address).toBe(`Data!A1:E${data.length}`);
  });

  test("a one-cell selection means the block around it; a multi-cell selection is trimmed to used cells", async () => {
    const data = grunfeldRows();
    const wb = new MemoryWorkbook([{ name: "Data", rows: data }]);
    wb.select("Data", 3, 3, 1, 1);
    expect((await readDataRange(wb.run, { kind: "selection" })).nrow).toBe(data.length - 1);
    wb.select("Data", 0, 0, 1048576, 3); // columns A:C selected
    const res = await readDataRange(wb.run, { kind: "selection" });
    expect(res.ncol).toBe(3);
    expect(res.nrow).toBe(data.length - 1);
    expect(res.rows![0]).toEqual(data[1].slice(0, 3));
  });

  test("reads an Excel table by name and lists tables", async () => {
    const data = grunfeldRows();
    const wb = new MemoryWorkbook([{ name: "Other", rows: [["x"]] }, { name: "Data", rows: data }]);
    wb.addTable("Grunfeld", "Data", 0, 0, 21, 5);
    expect(await listTables(wb.run)).toEqual(["Grunfeld"]);
    const res = await readDataRange(wb.run, { kind: "table", name: "Grunfeld" });
    expect(res.nrow).toBe(20);
    expect(res.rows).toEqual(data.slice(1, 21));
    await expect(readDataRange(wb.run, { kind: "table", name: "Nope" })).rejects.toThrow(DataRangeError);
  });

  test("a block with only a header is an error that says what is needed", async () => {
    const wb = new MemoryWorkbook([{ name: "S", rows: [["a", "b"]] }]);
    wb.select("S", 0, 0, 1, 2);
    await expect(readDataRange(wb.run, { kind: "selection" })).rejects.toThrow(/header row .* at least one data row/);
  });

  test("every request stays under the byte limit; chunks adapt to wide text cells", async () => {
    const ncol = 6;
    const nrow = 50000;
    const cell = (r: number, c: number): MemCell => (r === 0 ? `v${c}` : c === 0 ? `city number ${r} ${"x".repeat(r % 40)}` : r * 1.000123456789 + c);
    const wb = new MemoryWorkbook([{ name: "Big", generate: { nrow: nrow + 1, ncol, cell } }]);
    wb.select("Big", 0, 0, 1, 1);
    const limit = 200_000;
    wb.payloadLimit = limit;
    const progress: number[] = [];
    let seen = 0;
    const res = await readDataRange(wb.run, { kind: "selection" }, {
      maxRequestBytes: limit,
      onProgress: (p) => progress.push(p.rowsRead),
      onChunk: (rows, first) => {
        expect(first).toBe(seen);
        expect(rows[0][1]).toBe(cell(first + 1, 1));
        seen += rows.length;
      },
    });
    expect(seen).toBe(nrow);
    expect(res.rows).toBeNull();
    expect(progress[progress.length - 1]).toBe(nrow);
    expect(Math.max(...wb.requests.map((r) => r.bytes))).toBeLessThan(limit);
    expect(res.maxPayloadBytes).toBeLessThan(limit);
    expect(wb.requests.length).toBeGreaterThan(10);
  });

  test("a chunk Excel refuses as too large is halved and retried", async () => {
    // First rows short, later rows very long: the size learned from the first chunk underestimates.
    const cell = (r: number, c: number): MemCell => (r === 0 ? `c${c}` : r < 2000 ? r : "y".repeat(300));
    const wb = new MemoryWorkbook([{ name: "S", generate: { nrow: 6001, ncol: 4, cell } }]);
    wb.select("S", 0, 0, 1, 1);
    wb.payloadLimit = 400_000;
    const res = await readDataRange(wb.run, { kind: "region" }, { maxRequestBytes: 400_000 });
    expect(res.rows!.length).toBe(6000);
    expect(res.rows![5999][3]).toBe("y".repeat(300));
    expect(payloadBytes(res.rows!.slice(0, 1))).toBeGreaterThan(0);
  });

  test("cancelling stops the read between chunks", async () => {
    const wb = new MemoryWorkbook([{ name: "S", generate: { nrow: 100001, ncol: 5, cell: (r, c) => (r === 0 ? `c${c}` : r + c) } }]);
    wb.select("S", 0, 0, 1, 1);
    const ac = new AbortController();
    let chunks = 0;
    const p = readDataRange(wb.run, { kind: "region" }, { maxRequestBytes: 100_000, signal: ac.signal, onChunk: () => {
      if (++chunks === 3) ac.abort();
    } });
    await expect(p).rejects.toThrow(ReadCancelled);
    expect(chunks).toBe(3);
  });

  test("rows read in chunks give the same frame as the whole block (grunfeld.csv)", async () => {
    const data = grunfeldRows();
    const wb = new MemoryWorkbook([{ name: "Data", rows: data }]);
    wb.select("Data", 0, 0, 1, 1);
    const res = await readDataRange(wb.run, { kind: "region" }, { maxRequestBytes: 2000 });
    expect(frameFromCells([res.header as string[], ...res.rows!])).toEqual(frameFromCells(data));
  });
});
