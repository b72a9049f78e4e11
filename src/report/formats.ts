/**
 * Number formats of table cells. A format is data (decimals, literal prefix and suffix); writers turn
 * it into an Excel number format code (`excelFormat`) or text (`formatNumber`), so a starred estimate
 * stays a numeric cell: 0.135 with format 0.000"***" shows 0.135***; a t statistic -4.87 with the
 * parenthesis format shows (-4.87) (the minus goes inside the brackets, as the papers print it).
 */

export interface NumberFormat {
  readonly decimals: number;
  /** Literal text before the number (e.g. "(", "[", "{"). */
  readonly prefix: string;
  /** Literal text after the number (e.g. "***", ")"). */
  readonly suffix: string;
}

export function fixed(decimals: number, prefix = "", suffix = ""): NumberFormat {
  return { decimals, prefix, suffix };
}

export const INTEGER: NumberFormat = fixed(0);

export type Bracket = "paren" | "square" | "brace";
const BRACKETS: Readonly<Record<Bracket, readonly [string, string]>> = {
  paren: ["(", ")"],
  square: ["[", "]"],
  brace: ["{", "}"],
};

export function bracketed(decimals: number, bracket: Bracket): NumberFormat {
  const [open, close] = BRACKETS[bracket];
  return fixed(decimals, open, close);
}

/** Stars for p under descending levels [0.1, 0.05, 0.01]: one star per level with p < level. NaN: none. */
export function starsFor(p: number, levels: readonly number[]): string {
  if (!(p >= 0)) return "";
  let n = 0;
  for (const l of levels) if (p < l) n++;
  return "*".repeat(n);
}

function quote(lit: string): string {
  return lit === "" ? "" : `"${lit.replace(/"/g, '""')}"`;
}

function digits(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/**
 * Excel number format code. Two sections (positive/zero; negative) so the minus sign goes after the
 * prefix: "("0.00")";"(-"0.00")". Without a prefix a single section suffices.
 */
export function excelFormat(f: NumberFormat): string {
  const body = digits(f.decimals);
  if (f.prefix === "") return `${body}${quote(f.suffix)}`;
  return `${quote(f.prefix)}${body}${quote(f.suffix)};${quote(f.prefix + "-")}${body}${quote(f.suffix)}`;
}

/** The text Excel shows for `value` under `f` (round half away from zero, as Excel). */
export function formatNumber(value: number, f: NumberFormat): string {
  if (!Number.isFinite(value)) return "";
  const neg = value < 0;
  const abs = roundHalfAway(Math.abs(value), f.decimals).toFixed(f.decimals);
  return `${f.prefix}${neg ? "-" : ""}${abs}${f.suffix}`;
}

function roundHalfAway(x: number, d: number): number {
  const m = 10 ** d;
  // toPrecision(15) removes binary noise (2.675 stored as 2.67499999...) the way Excel's display does.
  return Math.round(Number((x * m).toPrecision(15))) / m;
}
