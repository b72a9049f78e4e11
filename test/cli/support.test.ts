/** CLI building blocks: CSV parsing, flag parsing, JSON/text output, and the real process (bin/nqp.js). */
import { spawnSync } from "child_process";
import { join } from "path";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { excelValueToCell, parseCsv, readDataFile } from "../../src/cli/data";
import { CliError, FlagSpec, parseArgv } from "../../src/cli/argv";
import { formatNumber, formatP, formatTable, toJson } from "../../src/cli/output";
import { REFERENCE } from "../support/reference";

describe("parseCsv", () => {
  test("quotes, escaped quotes, delimiters and newlines inside quotes, CRLF, BOM, blank lines", () => {
    const text = '\ufeffname,note,x\r\n"Xi\'an","a, b",1\r\n\r\n"say ""hi""","two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      ["name", "note", "x"],
      ["Xi'an", "a, b", "1"],
      ['say "hi"', "two\nlines", ""],
    ]);
  });
  test("last line without newline; tab delimiter", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a\tb\n1\t2\n", "\t")).toEqual([["a", "b"], ["1", "2"]]);
  });
  test("an unclosed quote is an error", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/);
  });
  test("a row with more or fewer fields than the header is an error naming the row (columns would shift silently)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-csv-"));
    try {
      writeFileSync(join(dir, "wide.csv"), "x,y\n1,2\n3,4,5\n");
      writeFileSync(join(dir, "short.csv"), "x,y\n1\n3,4\n");
      await expect(readDataFile("wide.csv", dir)).rejects.toThrow(/^wide\.csv: data row 2 has 3 field\(s\) but the header has 2/);
      await expect(readDataFile("short.csv", dir)).rejects.toThrow(/^short\.csv: data row 1 has 1 field\(s\) but the header has 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("excelValueToCell: formula results, errors, rich text, dates", () => {
  expect(excelValueToCell({ formula: "A1*2", result: 4 })).toBe(4);
  expect(excelValueToCell({ error: "#N/A" })).toBe("#N/A");
  expect(excelValueToCell({ richText: [{ text: "Bei" }, { text: "jing" }] })).toBe("Beijing");
  expect(excelValueToCell(new Date(Date.UTC(2020, 0, 2)))).toBe("2020-01-02");
  expect(excelValueToCell(null)).toBeNull();
});

describe("parseArgv", () => {
  const spec: FlagSpec = {
    data: { type: "string", required: true, description: "" },
    x: { type: "list", description: "" },
    vcov: { type: "string", values: ["iid", "hc1"], description: "" },
    json: { type: "boolean", description: "" },
    level: { type: "number", description: "" },
  };
  test("--name value, --name=value, switches, lists, numbers", () => {
    const a = parseArgv(["--data", "f.csv", "--x=a, b,c", "--json", "--level", "0.9"], spec);
    expect(a.flags).toEqual({ data: "f.csv", x: ["a", "b", "c"], json: true, level: 0.9 });
  });
  test("errors", () => {
    expect(() => parseArgv(["--data", "f", "--nope"], spec)).toThrow(CliError);
    expect(() => parseArgv(["--data", "f", "--nope"], spec)).toThrow(/Unknown option --nope\. Options: --data, --x, --vcov, --json, --level, --help\./);
    expect(() => parseArgv([], spec)).toThrow(/Missing required option --data/);
    expect(() => parseArgv(["--data"], spec)).toThrow(/--data needs a value/);
    expect(() => parseArgv(["--data", "f", "--vcov", "hc3"], spec)).toThrow(/one of iid, hc1; got "hc3"/);
    expect(() => parseArgv(["--data", "f", "--level", "x"], spec)).toThrow(/must be a number/);
  });
  test("--help skips the required check", () => {
    expect(parseArgv(["--help"], spec).flags.help).toBe(true);
  });
});

describe("output", () => {
  test("toJson: NaN and Infinity become null, typed arrays become arrays", () => {
    expect(toJson({ a: NaN, b: [1, Infinity], c: new Float64Array([0.5, NaN]), d: "x" })).toBe('{"a":null,"b":[1,null],"c":[0.5,null],"d":"x"}');
  });
  test("formatNumber / formatP", () => {
    expect(formatNumber(200)).toBe("200");
    expect(formatNumber(0.117715855)).toBe("0.117716");
    expect(formatNumber(1.5e-7)).toBe("1.50000e-7");
    expect(formatNumber(NaN)).toBe(".");
    expect(formatP(3e-9)).toBe("<0.0001");
    expect(formatP(0.04321)).toBe("0.0432");
  });
  test("formatTable aligns labels left and numbers right", () => {
    const t = formatTable(["term", "coef"], [["a", 1.5], ["long_name", -20]]);
    expect(t).toBe(["term          coef", "------------------", "a          1.50000", "long_name      -20", ""].join("\n"));
  });
});

describe("the nqp process (bin/nqp.js)", () => {
  const bin = join(__dirname, "../../bin/nqp.js");
  test("success: exit 0 and JSON on stdout", () => {
    const r = spawnSync(process.execPath, [bin, "fe", "--data", join(REFERENCE, "data", "grunfeld.csv"), "--y", "inv", "--x", "value", "--json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).n).toBe(200);
  });
  test("error: exit 2, message on stderr, nothing on stdout", () => {
    const r = spawnSync(process.execPath, [bin, "fe", "--data", "missing.csv", "--y", "inv", "--x", "value"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^nqp: Data file not found: missing\.csv/);
  });
});
