/**
 * The streaming typed CSV reader (src/cli/typed-csv.ts) against the row reader it replaces for
 * readDataFile (delimited.ts parseDelimited + checkWidths + frameFromCells, which stays the reference):
 * same Frame (names, numbers bit for bit, key texts, first text row, missing counts) or the same
 * error, for tricky inputs read in blocks of every small size (so that fields, quotes, "" and CRLF
 * straddle block ends). Number conversion is checked against Number() on random decimal strings.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseDelimited } from "../../src/cli/delimited";
import { checkWidths, readDataFile } from "../../src/cli/data";
import { parseDelimitedStream, readDelimitedFrame } from "../../src/cli/typed-csv";
import { parseAsciiNumber } from "../../src/cli/ascii-number";
import { progressReporter, setProgressSink } from "../../src/cli/read-progress";
import { Frame, frameFromCells } from "../../src/engine/frame";
import { InputError } from "../../src/engine/frame/errors";

function reference(buf: Buffer, tab: boolean): Frame | string {
  try {
    const rows = checkWidths(parseDelimited(buf, "t.csv", tab), "t.csv");
    if (rows.length < 2) throw new InputError("t.csv needs a header row and at least one data row.");
    return frameFromCells(rows);
  } catch (e) {
    return (e as Error).message;
  }
}

function streamed(buf: Buffer, tab: boolean, blockBytes: number): Frame | string {
  try {
    let pos = 0;
    const frame = parseDelimitedStream(
      (b, at, length) => {
        const n = Math.min(length, buf.length - pos);
        buf.copy(b, at, pos, pos + n);
        pos += n;
        return n;
      },
      buf.length, "t.csv", tab, { blockBytes },
    );
    return frame ?? "not utf-8";
  } catch (e) {
    return (e as Error).message;
  }
}

function plain(f: Frame | string): unknown {
  if (typeof f === "string") return f;
  return {
    nrow: f.nrow,
    names: f.names,
    columns: f.names.map((n) => {
      const c = f.columns.get(n)!;
      // Object.is distinguishes -0 and keeps NaN equal to NaN.
      return { numbers: Array.from(c.numbers, (x) => (Object.is(x, -0) ? "-0" : x)), text: c.text, firstTextRow: c.firstTextRow, nMissing: c.nMissing };
    }),
  };
}

const CASES: [string, string | Buffer, boolean?][] = [
  ["plain", "a,b\n1,2\n3,4\n"],
  ["no final newline, CRLF, lone CR", "a,b\r\n1,2\r3,4\r\n5,6"],
  ["quotes, escaped quotes, newlines in quotes", 'id,name,v\n1,"Smith, J",2.5\n2,"say ""hi""",3\n3,"two\r\nlines",-0\n'],
  ["quote after text is literal, text after a closing quote appends", 'a,b\nx"y,"ab"cd\n"",""""\n'],
  ["blank lines and a quoted empty line are skipped", '\n\na,b\n\n1,2\n""\n3,4\n\n'],
  ["whitespace-only line is a row", "a,b\n1,2\n \n"],
  ["missing tokens, spaces, signs, exponents", "a,b,c\n NA ,.,+1.5e3\nn/a,#N/A,-.5\nNULL,nan,1E-2\n#DIV/0!, ,5.\n"],
  ["mixed numeric and text ids (key text of numbers)", "id,x\n1,1\n1.0,2\nA7,3\n007,4\n,5\n A7 ,6\n"],
  ["text in a numeric column, first text row", "x,y\n1,2\n3,oops\n4,\n"],
  ["non-finite cells stay as numbers (refused later by name and row)", "x,y\n1e309,-1e309\nInfinity,2\n"],
  ["long mantissas and large exponents", "x\n0.12345678901234567\n123456789012345678901\n1e-320\n4.9e-324\n1.7976931348623157e308\n0.1e23\n9007199254740993\n"],
  ["UTF-8 BOM, text with high bytes, non-ASCII spaces", "\ufeffcity,gdp\n上海,1.5\n\u00a0Zürich\u00a0,2\n"],
  ["semicolon with decimal commas (European Excel)", 'city;gdp;share\r\nA;1.234,5;0,25\r\nB;"2,5";-,5\r\nC;1.234;3\r\n'],
  ["semicolon without decimal commas keeps dots", "a;b\n1.5;2\n1.234;x\n1.234,5;y\n"],
  ["semicolon: thousands before the first decimal comma", "a;b\n1.234;1.234,5\n2.000.000;x\n3,5;4\n"],
  ["comma file keeps semicolons in quotes", 'a,b\n"1;2",1.234\n'],
  ["header only", "a,b\n"],
  ["empty file", ""],
  ["wide row", "x,y\n1,2\n3,4,5\n"],
  ["short row", "x,y\n1\n3,4\n"],
  ["unclosed quote names the row, field and line", 'a,b\n1,2\n3,"open\n4,5\n'],
  ["unclosed quote in the header", '"a\nb,c\n'],
  ["unclosed quote wins over a short row", 'a,b\n1\n"x\n'],
  ["empty header name", "a,,c\n1,2,3\n"],
  ["duplicate header", "a,a\n1,2\n"],
  ["latin-1 refused with its line", Buffer.from("city,gdp\nZurich,1\nMálaga,2\n", "latin1")],
  ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("city,gdp\n上海,1.5\n", "utf16le")])],
  ["GBK", Buffer.concat([Buffer.from("city,gdp\n"), Buffer.from([0xc9, 0xcf, 0xba, 0xa3]), Buffer.from(",1.5\n")])],
  ["tab-delimited", "a\tb\n1,5\t2\n", true],
  ["in-pass number shapes", "a,b,c\n5.,-0,+3\n007,-,1e2\n12abc,1234567890123456,123456789012345\n-0.000,.5,0.000000000000001\n"],
];

/** A random file mixing every cell kind the readers distinguish, for a larger differential check. */
function randomCsv(seed: number, rows: number, semicolon: boolean): string {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const kinds = [
    () => String(Math.floor(rand() * 1000)),
    () => (rand() * 200 - 100).toFixed(Math.floor(rand() * 8)),
    () => String(rand() * 1e6),
    () => pick(["", " ", "NA", ".", "#N/A", "null", "n/a"]),
    () => pick(["A7", "Shanghai", "上海", "Zürich", "x y"]),
    () => `"${pick(["a,b", 'say ""hi""', "two\nlines", "3", "", "a;b"])}"`,
    () => pick(["1e309", "-1e-400", "1.5E+3", "+7", "-.25", "12,5", "1.234", "1.234,5"]),
  ];
  const d = semicolon ? ";" : ",";
  const lines = ["id" + d + "a" + d + "b" + d + "c"];
  for (let i = 0; i < rows; i++) {
    const cells = [String(Math.floor(i / 3))];
    for (let j = 0; j < 3; j++) cells.push(pick(kinds)());
    lines.push(cells.join(d).replace(semicolon ? /^$/ : /,(?=[^"]*$)/, (m) => m));
    if (rand() < 0.02) lines.push("");
  }
  return lines.join(rand() < 0.5 ? "\n" : "\r\n") + (rand() < 0.5 ? "\n" : "");
}

describe("typed CSV reader = row reader + frameFromCells", () => {
  for (const [name, input, tab] of CASES) {
    test(name, () => {
      const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input;
      let want = reference(buf, tab ?? false);
      const blocks = [1, 2, 3, 4, 5, 7, 11, 64, 1 << 22];
      for (const block of blocks) {
        let got = streamed(buf, tab ?? false, block);
        if (got === "not utf-8") {
          // The whole-file path: what readDelimitedFrame does next.
          const dir = mkdtempSync(join(tmpdir(), "nqp-typed-"));
          writeFileSync(join(dir, "t.csv"), buf);
          try {
            got = readDelimitedFrame(join(dir, "t.csv"), "t.csv", tab ?? false);
          } catch (e) {
            got = (e as Error).message;
          }
          if (typeof want === "string") want = want.replace(/^t\.csv/, "t.csv");
        }
        expect([block, plain(got)]).toEqual([block, plain(want)]);
      }
    });
  }
});

describe("typed CSV reader on random files", () => {
  for (const [seed, semicolon] of [[1, false], [2, false], [3, true], [4, true]] as const) {
    test(`seed ${seed}${semicolon ? ", semicolon" : ""}`, () => {
      const buf = Buffer.from(randomCsv(seed, 3000, semicolon), "utf8");
      const want = plain(reference(buf, false));
      for (const block of [13, 4096, 1 << 22]) expect([block, plain(streamed(buf, false, block))]).toEqual([block, want]);
    });
  }
});

describe("bytes -> number", () => {
  test("agrees with Number() bit for bit on random decimal text", () => {
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rand() * 18);
      let text = (rand() < 0.3 ? "-" : "") + Array.from({ length: digits }, () => Math.floor(rand() * 10)).join("");
      const point = Math.floor(rand() * (digits + 1));
      if (rand() < 0.8) text = text.slice(0, text.length - point) + "." + text.slice(text.length - point);
      if (rand() < 0.3) text += "e" + (rand() < 0.5 ? "-" : "") + Math.floor(rand() * 40);
      const b = Buffer.from(text);
      const x = parseAsciiNumber(b, 0, b.length);
      const want = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Object.is(x, want)) throw new Error(`${text}: ${x} != ${want}`);
    }
  });
});

describe("readDataFile on a delimited file", () => {
  test("gives the same frame as the rows and reuses it once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-typed-"));
    writeFileSync(join(dir, "p.csv"), "id,year,y\nA,2001,1.5\nB,2001,NA\n");
    const f = await readDataFile("p.csv", dir);
    expect(plain(f)).toEqual(plain(frameFromCells([["id", "year", "y"], ["A", "2001", "1.5"], ["B", "2001", "NA"]])));
  });
});

describe("progress on large files", () => {
  test("one stderr line in ten-percent steps above 10 MB, nothing for small files or without a sink", () => {
    let err = "";
    setProgressSink((t) => (err += t));
    try {
      expect(progressReporter("small.csv", 10 * 1024 * 1024)).toBeUndefined();
      const p = progressReporter("big.csv", 68e6)!;
      p.onBlock(4e6, 68e6);
      p.onBlock(34e6, 68e6);
      p.onBlock(68e6, 68e6);
      p.close();
      expect(err).toBe("nqp: reading big.csv (68 MB): 10% 20% 30% 40% 50% 60% 70% 80% 90% 100%\n");
      err = "";
      const q = progressReporter("bad.csv", 20e6)!;
      q.onBlock(4e6, 20e6);
      q.close();
      expect(err).toBe("nqp: reading bad.csv (20 MB): 10% 20%\n");
    } finally {
      setProgressSink(undefined);
    }
    expect(progressReporter("big.csv", 68e6)).toBeUndefined();
  });
});
