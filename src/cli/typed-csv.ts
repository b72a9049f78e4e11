/**
 * Delimited files (.csv, .tsv, .txt) read straight into a Frame's typed columns in one streaming pass:
 * the file is read in 4 MB blocks, each field's bytes become a number without an intermediate string
 * (ascii-number.ts), text cells are interned by their bytes (byte-intern.ts), and no row objects are
 * made. The rules are those of delimited.ts + frameFromCells, which stay the reference (and the reader
 * of readDataRows): quotes, blank lines, BOMs, delimiter and decimal-comma detection, missing tokens,
 * key text of mixed numeric/text columns, and the same errors in the same order.
 *
 * Encodings: the pass assumes UTF-8 and checks the bytes of every text cell it decodes; a UTF-16 start
 * (BOM or zero bytes) or a byte that is not UTF-8 sends the file to the whole-file path (decodeText:
 * UTF-16/GBK decoded, anything else refused with its line), whose text is then parsed by the same code.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "fs";
import { Column, Frame, headerNames } from "../engine/frame/frame";
import { cellToNumber } from "../engine/frame/missing";
import { InputError } from "../engine/frame/errors";
import { decodeText, detectDelimiter } from "./delimited";
import { numberShape, parseAsciiNumber } from "./ascii-number";
import { ByteIntern } from "./byte-intern";

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const POINT = 46;
/** Exact powers of ten for the in-pass number reader (at most 15 fraction digits). */
const POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));
export const BLOCK_BYTES = 1 << 22;

const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;
const THOUSANDS_DOTS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** Called after each block with the bytes read so far and the file's size. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

/** A distinct text cell: its key text, its number (NaN missing, undefined text) and, in a semicolon file, its decimal-comma reading. */
interface TextEntry {
  readonly str: string;
  readonly x: number | undefined;
  /** 0: plain; 1: a decimal comma ("3,14"); 2: "." thousands groups ("1.234", "1.234,5"). */
  readonly kind: 0 | 1 | 2;
  readonly conv: number;
}

/** Raised inside the pass when bytes are not UTF-8: the caller restarts on the whole-file path. */
class NotUtf8 extends Error {}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether bytes [s, e) are valid UTF-8 (the same test as delimited.ts's firstBadUtf8). */
function validUtf8(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > e) return false;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

function hasHighByte(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** Bytes [s, e) as text, refusing bytes that are not UTF-8. */
function decodeField(b: Buffer, s: number, e: number): string {
  if (!hasHighByte(b, s, e)) return b.toString("latin1", s, e);
  if (!validUtf8(b, s, e)) throw new NotUtf8();
  return b.toString("utf8", s, e);
}

/** The parser's state between blocks: only whole fields change it, so an unfinished field is re-read with the next block. */
class TypedDelimitedParser {
  /** Where the next consume starts in its buffer (past the BOMs in the first block). */
  start = 0;
  private readonly header: string[] = [];
  private width = -1;
  private nums: Float64Array[] = [];
  private texts: ((string | null)[] | null)[] = [];
  private firstText: number[] = [];
  private missing: number[] = [];
  private cap = 0;
  /** Data rows completed. */
  nrow = 0;
  /** Index of the row being read among non-blank rows (0 = header), its next field, the physical line. */
  private row = 0;
  private col = 0;
  private line = 1;
  private badRow = -1;
  private badCount = 0;
  private hasDecimalComma = false;
  /** Semicolon file, cells with "." thousands groups seen before the first decimal comma: (column, row, value) to apply if one appears. */
  private fixups: number[] = [];
  private readonly intern = new ByteIntern<TextEntry>();
  private readonly numKeys = new Map<number, string>();
  private scratch = Buffer.allocUnsafe(1 << 16);

  constructor(
    private readonly delim: number,
    private readonly file: string,
  ) {}

  private get semicolon(): boolean {
    return this.delim === SEMICOLON;
  }

  /** Room for `rows` data rows (an estimate from the first block; rows past it grow the columns). */
  reserve(rows: number): void {
    if (this.width < 0 || rows <= this.cap) return;
    for (let j = 0; j < this.width; j++) {
      const grown = new Float64Array(rows);
      // Row nrow may be part-read (a block ended inside it): keep its cells too.
      grown.set(this.nums[j].subarray(0, this.nrow + 1));
      this.nums[j] = grown;
    }
    this.cap = rows;
  }

  /**
   * Reads the fields of b[start, len); returns the offset of the first field that is not complete in
   * this block (len when none): the caller moves those bytes to the front and appends the next block.
   */
  consume(b: Buffer, len: number, eof: boolean): number {
    const d = this.delim;
    const plainNumbers = d !== SEMICOLON;
    let i = this.start;
    while (i < len) {
      const fs = i;
      let c = b[i];
      if (plainNumbers && this.row > 0 && this.col < this.width && c !== QUOTE) {
        // The common cell, read in the same pass that finds its end: [-]digits[.digits] of at most 15
        // digits, then the delimiter or a line break. Anything else (or a block end) falls through to
        // the general path, which starts again at fs.
        let j = i;
        const neg = c === 45;
        if (neg) j++;
        let m = 0;
        const intStart = j;
        while (j < len) {
          c = b[j];
          if (c < 48 || c > 57) break;
          m = m * 10 + (c - 48);
          j++;
        }
        let nd = j - intStart;
        let nFrac = 0;
        if (j < len && c === POINT) {
          j++;
          const fracStart = j;
          while (j < len) {
            c = b[j];
            if (c < 48 || c > 57) break;
            m = m * 10 + (c - 48);
            j++;
          }
          nFrac = j - fracStart;
          nd += nFrac;
        }
        if (nd > 0 && nd <= 15 && j < len && (c === d || c === LF || (c === CR && (j + 1 < len || eof)))) {
          const v = nFrac === 0 ? m : m / POW10[nFrac];
          const col = this.col++;
          this.nums[col][this.nrow] = neg ? -v : v;
          const t = this.texts[col];
          if (t !== null) t.push(this.numKey(neg ? -v : v));
          if (c === d) {
            i = j + 1;
            continue;
          }
          this.endRow();
          i = j + (c === CR && b[j + 1] === LF ? 2 : 1);
          this.line++;
          continue;
        }
        c = b[i];
      }
      let src: Buffer = b;
      let s = fs;
      let e: number;
      let lines = 0;
      if (c === QUOTE) {
        if (this.scratch.length < len) this.scratch = Buffer.allocUnsafe(Math.max(len, 2 * this.scratch.length));
        const sc = this.scratch;
        let q = 0;
        let quoted = true;
        let qLine = this.line;
        let qCol = this.col + 1;
        i++;
        for (;;) {
          if (i >= len) {
            if (!eof) return fs;
            if (quoted) {
              if (!validUtf8(sc, 0, q)) throw new NotUtf8();
              const where = this.row === 0 ? "the header row" : `data row ${this.row}`;
              throw new InputError(
                `The file ends inside a quoted field: the " that opens field ${qCol} of ${where} (line ${qLine} of the file) is never closed. ` +
                  `Close the quote or remove it.`,
              );
            }
            break;
          }
          c = b[i];
          if (quoted) {
            if (c === QUOTE) {
              if (i + 1 >= len && !eof) return fs;
              if (b[i + 1] === QUOTE) {
                sc[q++] = QUOTE;
                i += 2;
              } else {
                quoted = false;
                i++;
              }
            } else {
              if (c === LF) lines++;
              else if (c === CR) {
                if (i + 1 >= len && !eof) return fs;
                if (b[i + 1] !== LF) lines++;
              }
              sc[q++] = c;
              i++;
            }
          } else if (c === d || c === LF || c === CR) {
            break;
          } else if (c === QUOTE && q === 0) {
            quoted = true;
            qLine = this.line + lines;
            qCol = this.col + 1;
            i++;
          } else {
            sc[q++] = c;
            i++;
          }
        }
        src = sc;
        s = 0;
        e = q;
      } else {
        while (i < len) {
          c = b[i];
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i === len && !eof) return fs;
        e = i;
      }
      // b[i] ends the field: the delimiter, a line break, or the end of the file (i === len).
      if (i < len && b[i] === CR && i + 1 >= len && !eof) return fs;
      this.line += lines;
      if (i < len && b[i] === d) {
        this.field(src, s, e);
        i++;
        continue;
      }
      if (this.col > 0 || e > s) {
        this.field(src, s, e);
        this.endRow();
      }
      if (i < len) {
        i += b[i] === CR && b[i + 1] === LF ? 2 : 1;
        this.line++;
      }
    }
    return len;
  }

  private field(src: Buffer, s: number, e: number): void {
    if (this.row === 0) {
      this.header.push(decodeField(src, s, e));
      this.col++;
      return;
    }
    const col = this.col++;
    if (col >= this.width) {
      decodeField(src, s, e);
      return;
    }
    this.cell(col, src, s, e);
  }

  private endRow(): void {
    if (this.row === 0) {
      this.width = this.header.length;
      this.cap = 1024;
      for (let j = 0; j < this.width; j++) {
        this.nums.push(new Float64Array(this.cap));
        this.texts.push(null);
        this.firstText.push(-1);
        this.missing.push(0);
      }
    } else {
      if (this.col !== this.width && this.badRow < 0) {
        this.badRow = this.row;
        this.badCount = this.col;
      }
      for (let j = this.col; j < this.width; j++) this.putMissing(j, this.nrow);
      this.nrow++;
      if (this.nrow === this.cap) this.reserve(Math.ceil(this.cap * 1.5));
    }
    this.row++;
    this.col = 0;
  }

  private cell(col: number, src: Buffer, s: number, e: number): void {
    while (s < e && isSpace(src[s])) s++;
    while (e > s && isSpace(src[e - 1])) e--;
    const row = this.nrow;
    if (s === e) {
      this.putMissing(col, row);
      return;
    }
    const x = parseAsciiNumber(src, s, e);
    if (x === x) {
      if (this.semicolon && numberShape.thousands) this.putThousands(col, row, x, thousandsValue(src, s, e), "");
      else this.putNumber(col, row, x);
      return;
    }
    let entry = this.intern.get(src, s, e);
    if (entry === undefined) {
      entry = this.textEntry(src, s, e);
      this.intern.add(src, s, e, entry);
    }
    if (entry.kind === 1) {
      this.hasDecimalComma = true;
      this.putNumber(col, row, entry.conv);
      return;
    }
    if (entry.kind === 2) {
      this.putThousands(col, row, entry.x, entry.conv, entry.str);
      return;
    }
    this.putEntry(col, row, entry.x, entry.str);
  }

  private textEntry(src: Buffer, s: number, e: number): TextEntry {
    const str = hasHighByte(src, s, e) ? decodeField(src, s, e).trim() : src.toString("latin1", s, e);
    const x = cellToNumber(str);
    if (this.semicolon) {
      if (DECIMAL_COMMA.test(str)) return { str, x, kind: 1, conv: cellToNumber(str.replace(",", ".")) as number };
      if (THOUSANDS_DOTS.test(str)) return { str, x, kind: 2, conv: cellToNumber(str.replace(/\./g, "").replace(",", ".")) as number };
    }
    return { str, x, kind: 0, conv: NaN };
  }

  /** A cell with "." thousands groups: `conv` once the file has shown a decimal comma, else `x` now and `conv` later if it does. */
  private putThousands(col: number, row: number, x: number | undefined, conv: number, str: string): void {
    if (this.hasDecimalComma) {
      this.putNumber(col, row, conv);
      return;
    }
    this.fixups.push(col, row, conv);
    this.putEntry(col, row, x, str);
  }

  private putEntry(col: number, row: number, x: number | undefined, str: string): void {
    if (x === undefined) {
      this.nums[col][row] = NaN;
      let t = this.texts[col];
      if (t === null) t = this.startText(col, row);
      t.push(str);
      if (this.firstText[col] < 0) this.firstText[col] = row;
    } else if (Number.isNaN(x)) this.putMissing(col, row);
    else this.putNumber(col, row, x);
  }

  private putNumber(col: number, row: number, x: number): void {
    this.nums[col][row] = x;
    const t = this.texts[col];
    if (t !== null) t.push(this.numKey(x));
  }

  private putMissing(col: number, row: number): void {
    this.nums[col][row] = NaN;
    this.missing[col]++;
    const t = this.texts[col];
    if (t !== null) t.push(null);
  }

  /** The first text cell of a column: the key texts of the rows above it (numbers or missing). */
  private startText(col: number, row: number): (string | null)[] {
    const t: (string | null)[] = [];
    const v = this.nums[col];
    for (let i = 0; i < row; i++) t.push(Number.isNaN(v[i]) ? null : this.numKey(v[i]));
    this.texts[col] = t;
    return t;
  }

  /** A number's key text, String(x) as keyText gives it; the strings of recent values are reused. */
  private numKey(x: number): string {
    let k = this.numKeys.get(x);
    if (k === undefined) {
      k = String(x);
      if (this.numKeys.size < 65536) this.numKeys.set(x, k);
    }
    return k;
  }

  /** The Frame, or the first error of the file in the order the row reader reports them. */
  finish(): Frame {
    if (this.badRow > 0) {
      throw new InputError(
        `${this.file}: data row ${this.badRow} has ${this.badCount} field(s) but the header has ${this.width}. Check for an unquoted delimiter in a value or a missing field.`,
      );
    }
    if (this.nrow < 1) throw new InputError(`${this.file} needs a header row and at least one data row.`);
    if (this.hasDecimalComma) this.applyFixups();
    const names = headerNames(this.header);
    const n = this.nrow;
    const columns = new Map<string, Column>();
    names.forEach((name, j) => {
      const v = this.nums[j];
      // Trim the estimate's slack: a view when it is small, a copy when growth left much unused.
      const numbers = v.length === n ? v : v.length - n <= n / 16 ? v.subarray(0, n) : v.slice(0, n);
      this.nums[j] = numbers;
      const text = this.firstText[j] >= 0 ? this.texts[j] : null;
      columns.set(name, { name, numbers, text, firstTextRow: this.firstText[j], nMissing: this.missing[j] });
    });
    return { nrow: n, names, columns };
  }

  /** A decimal comma appeared: the earlier thousands cells take their converted values; text state is recomputed. */
  private applyFixups(): void {
    const f = this.fixups;
    const touched = new Set<number>();
    for (let k = 0; k < f.length; k += 3) {
      const col = f[k];
      const row = f[k + 1];
      this.nums[col][row] = f[k + 2];
      const t = this.texts[col];
      if (t !== null) t[row] = this.numKey(f[k + 2]);
      touched.add(col);
    }
    for (const col of touched) this.recount(col);
  }

  private recount(col: number): void {
    const v = this.nums[col];
    const t = this.texts[col];
    let first = -1;
    let missing = 0;
    for (let i = 0; i < this.nrow; i++) {
      if (!Number.isNaN(v[i])) continue;
      if (t !== null && t[i] !== null) {
        if (first < 0) first = i;
      } else missing++;
    }
    this.firstText[col] = first;
    this.missing[col] = missing;
    if (first < 0) this.texts[col] = null;
  }
}

/** The integer a `d{1,3}.ddd` field spells without its dot ("1.234" -> 1234). */
function thousandsValue(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  let neg = false;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === 45) neg = true;
    else if (c !== POINT && c !== 43) v = v * 10 + (c - 48);
  }
  return neg ? -v : v;
}

/** A source of bytes: fills buf[at, at + length) and returns how many bytes it wrote (0 at the end). */
export type ByteSource = (buf: Buffer, at: number, length: number) => number;

/** Fills buf from `at` until it is full or the source ends; returns the new length and whether it ended. */
function fill(read: ByteSource, buf: Buffer, at: number): { len: number; eof: boolean } {
  let len = at;
  while (len < buf.length) {
    const got = read(buf, len, buf.length - len);
    if (got === 0) return { len, eof: true };
    len += got;
  }
  return { len, eof: false };
}

/** The delimiter from the first line of b (after the BOMs): delimited.ts's rule, on bytes; undefined when the line is not complete yet. */
function delimiterOfHeader(b: Buffer, start: number, len: number, eof: boolean): number | undefined {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (let i = start; i < len; i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) return commas === 0 && semicolons > 0 ? SEMICOLON : COMMA;
    else if (!quoted && c === COMMA) commas++;
    else if (!quoted && c === SEMICOLON) semicolons++;
  }
  if (!eof) return undefined;
  return commas === 0 && semicolons > 0 ? SEMICOLON : COMMA;
}

/** UTF-16 as detectEncoding sees it: a BOM, or zeros in every other byte of the first 4 KB. */
function looksUtf16(b: Buffer, len: number): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return len >= 2;
  if (len < 4) return false;
  let zeroOdd = 0;
  let zeroEven = 0;
  const m = Math.min(len, 4096) & ~1;
  for (let i = 0; i < m; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  return (zeroOdd >= 0.4 * (m / 2) && zeroEven === 0) || (zeroEven >= 0.4 * (m / 2) && zeroOdd === 0);
}

/** Number of leading UTF-8 BOMs to skip: the decoder's, decodeText's and parseCsv's (at most three). */
function bomBytes(b: Buffer, len: number, max: number): number {
  let at = 0;
  for (let k = 0; k < max && at + 3 <= len && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf; k++) at += 3;
  return at;
}

/**
 * Reads delimited bytes from `read` (totalBytes long, for the row estimate and progress) into a Frame;
 * `tab` for .tsv/.txt. Returns undefined when the bytes are not UTF-8 (the caller takes the whole-file path).
 */
export function parseDelimitedStream(
  read: ByteSource, totalBytes: number, file: string, tab: boolean,
  options: { blockBytes?: number; progress?: ReadProgress } = {},
): Frame | undefined {
  let buf = Buffer.allocUnsafe(Math.max(16, Math.min(options.blockBytes ?? BLOCK_BYTES, totalBytes + 1)));
  let { len, eof } = fill(read, buf, 0);
  if (looksUtf16(buf, len)) return undefined;
  const bom = bomBytes(buf, len, 3);
  let delim: number | undefined = tab ? TAB : undefined;
  while (delim === undefined) {
    delim = delimiterOfHeader(buf, bom, len, eof);
    if (delim === undefined) {
      const grown = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(grown, 0, 0, len);
      buf = grown;
      ({ len, eof } = fill(read, buf, len));
    }
  }
  const parser = new TypedDelimitedParser(delim, file);
  parser.start = bom;
  let done = 0;
  let first = true;
  try {
    for (;;) {
      const used = parser.consume(buf, len, eof);
      done += used;
      options.progress?.(done, totalBytes);
      if (eof) break;
      if (first && used > 0) {
        parser.reserve(Math.ceil((parser.nrow * totalBytes) / used * 1.02) + 16);
        first = false;
      }
      parser.start = 0;
      const rest = len - used;
      if (rest === buf.length) {
        // One field longer than the buffer: double it.
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, used, len);
        buf = grown;
      } else buf.copyWithin(0, used, len);
      ({ len, eof } = fill(read, buf, rest));
    }
  } catch (e) {
    if (e instanceof NotUtf8) return undefined;
    throw e;
  }
  return parser.finish();
}

/** Parses decoded text (the whole-file path: UTF-16, GBK) with the same parser. */
export function parseDelimitedText(text: string, file: string, tab: boolean): Frame {
  const delim = tab ? TAB : detectDelimiter(text) === ";" ? SEMICOLON : COMMA;
  const bytes = Buffer.from(text, "utf8");
  const parser = new TypedDelimitedParser(delim, file);
  parser.start = bomBytes(bytes, bytes.length, 1);
  parser.consume(bytes, bytes.length, true);
  return parser.finish();
}

/** Reads a delimited file (see file header) into a Frame; `file` is the name used in messages. */
export function readDelimitedFrame(path: string, file: string, tab: boolean, progress?: ReadProgress): Frame {
  const fd = openSync(path, "r");
  let frame: Frame | undefined;
  try {
    const size = fstatSync(fd).size;
    frame = parseDelimitedStream((buf, at, length) => readSync(fd, buf, at, length, null), size, file, tab, { progress });
  } finally {
    closeSync(fd);
  }
  if (frame) return frame;
  const { text } = decodeText(readFileSync(path), file);
  return parseDelimitedText(text, file, tab);
}
