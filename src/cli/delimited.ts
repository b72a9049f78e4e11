/**
 * Delimited text files for the command line (.csv, .tsv, .txt): bytes -> text -> rows of strings.
 *
 * Encoding: UTF-8 (with or without BOM); UTF-16 LE/BE with a BOM, or without one when every other byte
 * is 0 (Excel's "Unicode text"); otherwise GBK when the bytes are not UTF-8 but read as GBK with the
 * high bytes in pairs (Chinese statistical-yearbook exports). Anything else is refused with the line
 * of the first byte that is not UTF-8, asking for "CSV UTF-8".
 *
 * Delimiter: tab for .tsv/.txt. For .csv a comma, unless the header line has semicolons and no commas
 * (European Excel's "CSV", which uses ";" because "," is the decimal mark): then ";" and, in that file,
 * numbers written with a decimal comma are read as numbers: "3,14" -> 3.14, "1.234,5" -> 1234.5 and
 * "1.234" -> 1234 (that Excel writes "." only as a thousands separator). Documented in src/cli/README.md.
 */
import { InputError } from "../engine/frame/errors";

/** Parses CSV text into rows of strings. Blank lines are skipped; fields are not trimmed. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  // Where the open quoted field started: physical line (1-based) and row index (0 = header).
  let line = 1;
  let quoteLine = 0;
  let quoteRow = 0;
  let quoteCol = 0;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
      quoteRow = rows.length;
      quoteCol = row.length + 1;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      endRow();
      line++;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) {
    const where = quoteRow === 0 ? "the header row" : `data row ${quoteRow}`;
    throw new InputError(
      `The file ends inside a quoted field: the " that opens field ${quoteCol} of ${where} (line ${quoteLine} of the file) is never closed. ` +
        `Close the quote or remove it.`,
    );
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gbk";

/** 1-based line of byte offset `at` (counting "\n" bytes; UTF-16 files are decoded before this matters). */
function lineOfByte(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte sequence that is not valid UTF-8, or -1. */
function firstBadUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * GBK: every byte >= 0x81 starts a pair whose second byte is 0x40..0xFE (not 0x7F). Chinese text has
 * both bytes high (GB2312 0xA1..0xFE), while a Latin-1 or Windows-1252 file has lone high bytes before
 * ASCII letters; require at least 90% of the pairs to be high-high.
 */
function looksGbk(buf: Uint8Array): boolean {
  let pairs = 0;
  let highHigh = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return false;
    const t = buf[i + 1];
    if (t === undefined || t < 0x40 || t === 0x7f || t === 0xff) return false;
    pairs++;
    if (t >= 0x81) highHigh++;
    i++;
  }
  return pairs > 0 && highHigh >= 0.9 * pairs;
}

/** Which encoding the bytes are in (see file header), or an InputError naming the file and line. */
export function detectEncoding(buf: Uint8Array, file: string): Encoding {
  if (buf[0] === 0xff && buf[1] === 0xfe) return "utf-16le";
  if (buf[0] === 0xfe && buf[1] === 0xff) return "utf-16be";
  if (buf.length >= 4) {
    // No BOM: ASCII in UTF-16 has a zero in every other byte.
    let zeroOdd = 0;
    let zeroEven = 0;
    const m = Math.min(buf.length, 4096) & ~1;
    for (let i = 0; i < m; i += 2) {
      if (buf[i] === 0) zeroEven++;
      if (buf[i + 1] === 0) zeroOdd++;
    }
    if (zeroOdd >= 0.4 * (m / 2) && zeroEven === 0) return "utf-16le";
    if (zeroEven >= 0.4 * (m / 2) && zeroOdd === 0) return "utf-16be";
  }
  const bad = firstBadUtf8(buf);
  if (bad < 0) return "utf-8";
  if (looksGbk(buf)) return "gbk";
  throw new InputError(
    `${file} is not UTF-8 text: line ${lineOfByte(buf, bad)} has the byte 0x${buf[bad].toString(16).toUpperCase()} ` +
      `(the file may be Windows-1252/Latin-1 or another legacy encoding). Save it as "CSV UTF-8" ` +
      `(Excel: File > Save As > CSV UTF-8) and try again.`,
  );
}

/** The file's bytes as text, by the detected encoding (BOM removed). */
export function decodeText(buf: Uint8Array, file: string): { text: string; encoding: Encoding } {
  const encoding = detectEncoding(buf, file);
  let text = new TextDecoder(encoding).decode(buf);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** Counts of `c` outside double quotes in the first line of text. */
function countInHeader(text: string, c: string): number {
  let quoted = false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === c) count++;
  }
  return count;
}

/** The delimiter of a .csv: ";" when the header line has semicolons and no commas, else ",". */
export function detectDelimiter(text: string): "," | ";" {
  return countInHeader(text, ",") === 0 && countInHeader(text, ";") > 0 ? ";" : ",";
}

const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;
const THOUSANDS_DOTS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** In a semicolon-delimited file: numbers with a decimal comma (and "." thousands separators) as plain decimals. */
export function decimalCommaToPoint(rows: string[][]): string[][] {
  const hasDecimalComma = rows.some((r, i) => i > 0 && r.some((f) => DECIMAL_COMMA.test(f.trim())));
  if (!hasDecimalComma) return rows;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < r.length; j++) {
      const f = r[j].trim();
      if (DECIMAL_COMMA.test(f)) r[j] = f.replace(",", ".");
      else if (THOUSANDS_DOTS.test(f)) r[j] = f.replace(/\./g, "").replace(",", ".");
    }
  }
  return rows;
}

/** Reads delimited bytes into rows of strings (see file header): `tab` for .tsv/.txt. */
export function parseDelimited(buf: Uint8Array, file: string, tab: boolean): string[][] {
  const { text } = decodeText(buf, file);
  if (tab) return parseCsv(text, "\t");
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  return delimiter === ";" ? decimalCommaToPoint(rows) : rows;
}
