/** Issue 11 (bad input round 2) at the command line: CSV dialects and encodings, repeated columns. */
import { join } from "path";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { parseCsv, readDataFile, readDataRows } from "../../src/cli/data";
import { numericColumn, keyColumn } from "../../src/engine/frame";
import { runCli, writeCsv } from "../support/cli";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-bad2-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("semicolon-delimited CSV with decimal commas (European Excel)", () => {
  test("is read as ';' with 3,14 -> 3.14, 1.234,5 -> 1234.5 and 1.234 -> 1234", async () => {
    writeFileSync(join(dir, "eu.csv"), 'city;gdp;share\r\nA;1.234,5;0,25\r\nB;"2,5";-,5\r\nC;1.234;3\r\n');
    const f = await readDataFile("eu.csv", dir);
    expect(f.names).toEqual(["city", "gdp", "share"]);
    expect(Array.from(numericColumn(f, "gdp"))).toEqual([1234.5, 2.5, 1234]);
    expect(Array.from(numericColumn(f, "share"))).toEqual([0.25, -0.5, 3]);
  });

  test("a comma file keeps its commas; a semicolon file without decimal commas keeps its dots", async () => {
    writeFileSync(join(dir, "plain.csv"), "a;b\n1.5;2\n");
    expect(Array.from(numericColumn(await readDataFile("plain.csv", dir), "a"))).toEqual([1.5]);
    writeFileSync(join(dir, "comma.csv"), 'a,b\n"1;2",1.234\n');
    expect(await readDataRows("comma.csv", dir)).toEqual([["a", "b"], ["1;2", "1.234"]]);
  });
});

describe("unclosed quote", () => {
  test("names the data row, field and line where the quoted field starts", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(/the " that opens field 2 of data row 2 \(line 3 of the file\) is never closed/);
    expect(() => parseCsv('"a\nb,c\n')).toThrow(/field 1 of the header row \(line 1/);
  });
});

describe("encodings", () => {
  const text = "city,gdp\n上海,1.5\n城市,2\n";
  test("UTF-16 LE and BE with a BOM, and LE without one, are decoded", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(dir, "le.csv"), le);
    writeFileSync(join(dir, "be.csv"), be);
    writeFileSync(join(dir, "le-nobom.csv"), Buffer.from(text, "utf16le"));
    for (const f of ["le.csv", "be.csv", "le-nobom.csv"]) {
      const fr = await readDataFile(f, dir);
      expect(keyColumn(fr, "city")).toEqual(["上海", "城市"]);
      expect(Array.from(numericColumn(fr, "gdp"))).toEqual([1.5, 2]);
    }
  });

  test("GBK (Chinese yearbook exports) is decoded", async () => {
    // 上海 = C9 CF BA A3, 城市 = B3 C7 CA D0 in GBK.
    const bytes = Buffer.concat([
      Buffer.from("city,gdp\n"), Buffer.from([0xc9, 0xcf, 0xba, 0xa3]), Buffer.from(",1.5\n"),
      Buffer.from([0xb3, 0xc7, 0xca, 0xd0]), Buffer.from(",2\n"),
    ]);
    writeFileSync(join(dir, "gbk.csv"), bytes);
    expect(keyColumn(await readDataFile("gbk.csv", dir), "city")).toEqual(["上海", "城市"]);
  });

  test("another legacy encoding (Latin-1) is refused naming the line", async () => {
    writeFileSync(join(dir, "latin1.csv"), Buffer.from("city,gdp\nZurich,1\nMálaga,2\n", "latin1"));
    await expect(readDataFile("latin1.csv", dir)).rejects.toThrow(/latin1\.csv is not UTF-8 text: line 3 has the byte 0xE1.*CSV UTF-8/);
  });
});

describe("nqp entropy --cols a,a,b", () => {
  test("refuses the repeated column, naming it", async () => {
    const file = join(dir, "ent.csv");
    writeCsv(file, [["a", "b"], [1, 3], [2, 1], [4, 2]]);
    const r = await runCli(["entropy", "--data", file, "--cols", "a,a,b"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Indicator "a" is given twice/);
  });
});
