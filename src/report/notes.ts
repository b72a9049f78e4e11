/**
 * The note lines under a table: what the parentheses hold, the standard errors, the star levels, and
 * what second lines in brackets/braces hold. Words only; no statistics are computed here.
 */
import { RegressionResult } from "../engine/models/result";
import { ParenStat } from "./options";

/** "*** p<0.01, ** p<0.05, * p<0.1" for descending levels [0.1, 0.05, 0.01]. */
export function starNote(levels: readonly number[]): string {
  const parts: string[] = [];
  for (let i = levels.length - 1; i >= 0; i--) parts.push(`${"*".repeat(i + 1)} p<${levels[i]}`);
  return parts.join(", ");
}

/** The standard errors of a result, in words: "standard errors clustered by City". */
function vcovWords(r: RegressionResult, label: (name: string) => string): string {
  if (r.vcovType === "cluster") return `standard errors clustered by ${r.clusterVars.map(label).join(" and ")}`;
  if (r.vcovType === "hc1") return "heteroskedasticity-robust (HC1) standard errors";
  return "conventional (iid) standard errors";
}

/**
 * What the parentheses hold and which standard errors: "t statistics in parentheses; standard errors
 * clustered by City." or "Standard errors clustered by Firm in parentheses." (per column when they differ).
 */
export function parenNote(results: readonly RegressionResult[], paren: ParenStat, label: (name: string) => string): string {
  const words = results.map((r) => vcovWords(r, label));
  const distinct = [...new Set(words)];
  const se = distinct.length <= 1 ? distinct[0] ?? "standard errors" : distinct.map((w) => `${w} in column${cols(words, w)}`).join("; ");
  if (paren === "se") {
    return distinct.length <= 1 ? `${capital(se)} in parentheses.` : `Standard errors in parentheses: ${se}.`;
  }
  const statNames = new Set(results.map((r) => r.statName));
  const what = statNames.size === 1 && statNames.has("z") ? "z statistics" : statNames.size > 1 ? "t (z) statistics" : "t statistics";
  return `${what} in parentheses; ${se}.`;
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function cols(words: readonly string[], w: string): string {
  const idx = words.map((x, i) => (x === w ? i + 1 : 0)).filter((i) => i > 0);
  return `${idx.length > 1 ? "s" : ""} ${idx.map((i) => `(${i})`).join(", ")}`;
}
