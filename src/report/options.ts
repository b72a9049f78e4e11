/**
 * Presentation options of a publication table, validated once at the boundary (string-literal unions
 * with one validator each; the error lists the allowed values).
 */
import { InputError } from "../engine/frame";
import { LANGS, Lang } from "../i18n/catalogue";

/** What the parentheses under an estimate hold. */
export type ParenStat = "t" | "se";
export const PAREN_STATS: readonly ParenStat[] = ["t", "se"];

/** Which R-squared the default statistic rows show. */
export type R2Choice = "within" | "overall" | "both" | "none";
export const R2_CHOICES: readonly R2Choice[] = ["within", "overall", "both", "none"];

export interface TableOptions {
  /** t statistics or standard errors in parentheses (default "t", as the seed papers). */
  readonly paren: ParenStat;
  /** Decimals of the estimates (default 3). */
  readonly decimals: number;
  /** Decimals inside the parentheses (default 2 for t, `decimals` for SE). */
  readonly parenDecimals: number;
  /** Significance levels for one, two, three stars, descending (default [0.1, 0.05, 0.01]). */
  readonly starLevels: readonly number[];
  /** Which R-squared row the default statistics show (default "overall", as reghdfe's R-squared). */
  readonly r2: R2Choice;
  /** Wording and layout of titles, labels, notes: English or a Chinese journal's (default "en"). */
  readonly language: Lang;
}

export const DEFAULT_STAR_LEVELS: readonly number[] = [0.1, 0.05, 0.01];

function pick<T extends string>(what: string, allowed: readonly T[], raw: unknown): T {
  const v = String(raw).trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`Unknown ${what} "${String(raw)}". Allowed: ${allowed.join(", ")}.`);
}

function decimalsOf(what: string, raw: unknown, dflt: number): number {
  if (raw === undefined || raw === null) return dflt;
  const d = Number(raw);
  if (!Number.isInteger(d) || d < 0 || d > 10) throw new InputError(`${what} must be a whole number from 0 to 10, got "${String(raw)}".`, "num");
  return d;
}

export function validateParenStat(raw: unknown): ParenStat {
  return pick("parenthesis statistic", PAREN_STATS, raw);
}

export function validateR2Choice(raw: unknown): R2Choice {
  return pick("R-squared choice", R2_CHOICES, raw);
}

export function validateTableLanguage(raw: unknown): Lang {
  return pick("table language", LANGS, raw);
}

/** Star levels: 1 to 3 probabilities in (0, 1), any order; returned descending (one star first). */
export function validateStarLevels(raw: unknown): number[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 3) {
    throw new InputError(`Star levels must be a list of 1 to 3 p-value thresholds, e.g. [0.1, 0.05, 0.01].`);
  }
  const levels = raw.map(Number);
  for (const l of levels) {
    if (!(l > 0 && l < 1)) throw new InputError(`Star level ${String(l)} is not a probability strictly between 0 and 1.`, "num");
  }
  const sorted = [...levels].sort((a, b) => b - a);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new InputError(`Star level ${sorted[i]} is listed twice.`, "num");
  }
  return sorted;
}

/** Fills defaults and validates every option; `raw` may come from JSON or the task pane. */
export function tableOptions(raw: Partial<Record<keyof TableOptions, unknown>> = {}): TableOptions {
  const paren = raw.paren === undefined ? "t" : validateParenStat(raw.paren);
  const decimals = decimalsOf("Decimals", raw.decimals, 3);
  return {
    paren,
    decimals,
    parenDecimals: decimalsOf("Decimals in parentheses", raw.parenDecimals, paren === "t" ? 2 : decimals),
    starLevels: raw.starLevels === undefined ? DEFAULT_STAR_LEVELS : validateStarLevels(raw.starLevels),
    r2: raw.r2 === undefined ? "overall" : validateR2Choice(raw.r2),
    language: raw.language === undefined ? "en" : validateTableLanguage(raw.language),
  };
}
