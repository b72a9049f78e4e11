/**
 * The note lines under a table: what the parentheses hold, the standard errors, the star levels, and
 * what second lines in brackets/braces hold. Words only; no statistics are computed here. English
 * tables print one sentence per line; Chinese tables one "注：1. ...；2. ...。" paragraph (paper 002).
 */
import { RegressionResult } from "../engine/models/result";
import { Lang, t } from "../i18n/catalogue";
import { tableMessages as m } from "../i18n/messages/tables";
import { ParenStat } from "./options";

/** A probability as a percentage without float noise: 0.1 -> "10%", 0.001 -> "0.1%". */
export function percent(p: number): string {
  return `${Number((p * 100).toPrecision(6))}%`;
}

/** "a、b与c" (zh) or "a, b and c" (en). */
export function listWords(items: readonly string[], lang: Lang, spaced = false): string {
  if (items.length <= 1) return items.join("");
  // zh: a space between 与 and a number ("5%与 1%"), as paper 002 prints it.
  const last = t(m.listLast, undefined, lang) + (spaced && lang === "zh" ? " " : "");
  return items.slice(0, -1).join(t(m.listSep, undefined, lang)) + last + items[items.length - 1];
}

/**
 * The star legend for descending levels [0.1, 0.05, 0.01]: "*** p<0.01, ** p<0.05, * p<0.1" (en);
 * "*、**与***分别表示在 10%、5%与 1%水平上显著" (zh).
 */
export function starNote(levels: readonly number[], lang: Lang = "en"): string {
  if (lang === "en") {
    const parts: string[] = [];
    for (let i = levels.length - 1; i >= 0; i--) parts.push(`${"*".repeat(i + 1)} p<${levels[i]}`);
    return parts.join(", ");
  }
  const stars = listWords(levels.map((_, i) => "*".repeat(i + 1)), lang);
  if (levels.length === 1) return t(m.starsOne, { stars, level: percent(levels[0]) }, lang);
  return t(m.starsMany, { stars, levels: listWords(levels.map(percent), lang, true) }, lang);
}

/** The standard errors of a result, in words: "standard errors clustered by City" / "城市层面聚类稳健标准误". */
function vcovWords(r: RegressionResult, label: (name: string) => string, lang: Lang): string {
  if (r.vcovType === "cluster") return t(m.seCluster, { vars: r.clusterVars.map(label).join(t(m.seClusterJoin, undefined, lang)) }, lang);
  if (r.vcovType === "hc1") return t(m.seHc1, undefined, lang);
  return t(m.seIid, undefined, lang);
}

/**
 * What the parentheses hold and which standard errors: "t statistics in parentheses; standard errors
 * clustered by City." or "Standard errors clustered by Firm in parentheses." (per column when they differ);
 * zh: "括号内为城市层面聚类稳健标准误的 t 值", "括号内数值为城市层面聚类稳健标准误".
 */
export function parenNote(results: readonly RegressionResult[], paren: ParenStat, label: (name: string) => string, lang: Lang = "en"): string {
  const words = results.map((r) => vcovWords(r, label, lang));
  const distinct = [...new Set(words)];
  const perColumn = (w: string) => {
    const idx = words.map((x, i) => (x === w ? i + 1 : 0)).filter((i) => i > 0);
    const cols = idx.map((i) => `(${i})`).join(lang === "zh" ? "、" : ", ");
    return t(m.inColumns, { words: w, s: idx.length > 1 ? "s" : "", cols }, lang);
  };
  const se = distinct.length <= 1 ? distinct[0] ?? t(m.seGeneric, undefined, lang) : distinct.map(perColumn).join(lang === "zh" ? "，" : "; ");
  if (paren === "se") {
    if (distinct.length > 1) return t(m.seInParensPerColumn, { se }, lang);
    return lang === "en" ? capital(t(m.seInParens, { se }, lang)) : t(m.seInParens, { se }, lang);
  }
  const statNames = new Set(results.map((r) => r.statName));
  const stat = statNames.size === 1 && statNames.has("z") ? m.zStat : statNames.size > 1 ? m.tzStat : m.tStat;
  return t(distinct.length > 1 ? m.statInParensPerColumn : m.statInParens, { stat: t(stat, undefined, lang), se }, lang);
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Trailing sentence punctuation of a note item (the zh block adds its own separators). */
function bare(s: string): string {
  return s.trim().replace(/[。．.；;，,\s]+$/u, "");
}

/**
 * The note lines of a table from its items. en: one line each, as given. zh: one paragraph
 * "注：1. 括号内…；2. *、**与***分别表示…。", the layout of paper 002's tables.
 */
export function noteLines(items: readonly string[], lang: Lang): string[] {
  if (lang === "en") return [...items];
  const kept = items.map(bare).filter((s) => s.length > 0);
  if (!kept.length) return [];
  return [`${t(m.notePrefix, undefined, lang)}${kept.map((s, i) => `${i + 1}. ${s}`).join("；")}。`];
}
