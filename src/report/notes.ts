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

function vcovWords(r: RegressionResult, label: (name: string) => string): string {
  if (r.vcovType === "cluster") {
    const by = r.clusterVars.map(label).join(" and ");
    return `standard errors clustered by ${by}`;
  }
  if (r.vcovType === "hc1") return "heteroskedasticity-robust (HC1) standard errors";
  return "conventional (iid) standard errors";
}

/** "t statistics in parentheses; standard errors clustered by City." (per column when they differ). */
export function parenNote(results: readonly RegressionResult[], paren: ParenStat, label: (name: string) => string): string {
  const statNames = new Set(results.map((r) => r.statName));
  const what = paren === "se" ? "Standard errors" : statNames.size === 1 && statNames.has("z") ? "z statistics" : statNames.size > 1 ? "t (z) statistics" : "t statistics";
  const words = results.map((r) => vcovWords(r, label));
  const distinct = [...new Set(words)];
  let se: string;
  if (distinct.length <= 1) se = distinct[0] ?? "";
  else se = distinct.map((w) => `${w} in column${cols(words, w)}`).join("; ");
  return se ? `${what} in parentheses; ${se}.` : `${what} in parentheses.`;
}

function cols(words: readonly string[], w: string): string {
  const idx = words.map((x, i) => (x === w ? i + 1 : 0)).filter((i) => i > 0);
  return `${idx.length > 1 ? "s" : ""} ${idx.map((i) => `(${i})`).join(", ")}`;
}
