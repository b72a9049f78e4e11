/**
 * Wording of regression-style publication tables (src/report): header, indicator and statistic rows,
 * the note on parentheses and stars. The Chinese entries follow the Chinese journals' tables (seed paper
 * 002, Table 3: 变量, 控制变量 / 年份固定效应 / 城市固定效应 是/否, 常数项, N, R², a single "注：1. ...；2. ..." note).
 * Words only; the builders choose the entries from the table options (t vs SE, clustering, star levels).
 */
import { defineMessages } from "../catalogue";

export const tableMessages = defineMessages({
  variables: { en: "Variables", zh: "变量" },
  constant: { en: "Constant", zh: "常数项" },
  controls: { en: "Controls", zh: "控制变量" },
  yes: { en: "Y", zh: "是" },
  no: { en: "N", zh: "否" },
  omitted: { en: "(omitted)", zh: "(省略)" },
  notApplicable: { en: "n.a.", zh: "不适用" },
  /** An FE indicator row: "City FE" / "城市固定效应". */
  feRow: { en: "{label} FE", zh: "{label}固定效应" },
  firstStage: { en: "First stage", zh: "第一阶段" },
  secondStage: { en: "Second stage", zh: "第二阶段" },

  // Statistic rows (stat-rows.ts).
  statN: { en: "N", zh: "N" },
  statR2: { en: "R-squared", zh: "R²" },
  statR2Within: { en: "Within R-squared", zh: "组内 R²" },
  statR2Adj: { en: "Adjusted R-squared", zh: "调整 R²" },
  statClusters: { en: "Clusters", zh: "聚类数" },
  statRmse: { en: "Root MSE", zh: "均方根误差" },
  statPsmMatched: { en: "Matched observations", zh: "匹配样本量" },
  statKpF: { en: "KP rk Wald F", zh: "Kleibergen-Paap rk Wald F 统计量" },
  statKpLm: { en: "KP rk LM", zh: "Kleibergen-Paap rk LM 统计量" },
  statCdF: { en: "Cragg-Donald Wald F", zh: "Cragg-Donald Wald F 统计量" },
  statFirstF: { en: "First-stage F", zh: "第一阶段 F 统计量" },
  statHansenJ: { en: "Hansen J", zh: "Hansen J 统计量" },
  statSobel: { en: "Sobel z", zh: "Sobel 检验 z 值" },
  statIndirect: { en: "Indirect effect a*b", zh: "间接效应 a×b" },
  statIndirectBootSe: { en: "Bootstrap SE of a*b", zh: "a×b 的 Bootstrap 标准误" },
  statIndirectCiLow: { en: "Bootstrap CI of a*b, lower", zh: "a×b 的 Bootstrap 置信区间下限" },
  statIndirectCiHigh: { en: "Bootstrap CI of a*b, upper", zh: "a×b 的 Bootstrap 置信区间上限" },
  statIndirectCiLowLevel: { en: "Bootstrap {level} CI, lower", zh: "Bootstrap {level} 置信区间下限" },
  statIndirectCiHighLevel: { en: "Bootstrap {level} CI, upper", zh: "Bootstrap {level} 置信区间上限" },
  statShareMediated: { en: "Share mediated (a*b/c)", zh: "中介效应占比 (a×b/c)" },
  statF: { en: "F", zh: "F 统计量" },
  statGroupDiff: { en: "Group difference", zh: "组间系数差异" },
  statLoglik: { en: "Log-likelihood", zh: "对数似然值" },
  statPseudoR2: { en: "Pseudo R-squared", zh: "伪 R²" },
  statPseudoR2Within: { en: "Pseudo within R-squared", zh: "组内伪 R²" },
  /** Second lines of statistic rows, for the notes. */
  pNote: { en: "p-values in square brackets", zh: "方括号内为 p 值" },
  stockYogoNote: { en: "Stock-Yogo 10% maximal IV size critical values in braces", zh: "花括号内为 Stock-Yogo 检验 10% 水平的临界值" },

  // The note on what the parentheses hold (notes.ts).
  seCluster: { en: "standard errors clustered by {vars}", zh: "{vars}层面聚类稳健标准误" },
  seClusterJoin: { en: " and ", zh: "和" },
  seHc1: { en: "heteroskedasticity-robust (HC1) standard errors", zh: "异方差稳健标准误" },
  seIid: { en: "conventional (iid) standard errors", zh: "普通标准误" },
  seGeneric: { en: "standard errors", zh: "标准误" },
  inColumns: { en: "{words} in column{s} {cols}", zh: "第{cols}列为{words}" },
  seInParens: { en: "{se} in parentheses.", zh: "括号内数值为{se}" },
  seInParensPerColumn: { en: "Standard errors in parentheses: {se}.", zh: "括号内数值为标准误：{se}" },
  statInParens: { en: "{stat} in parentheses; {se}.", zh: "括号内为{se}的 {stat}" },
  statInParensPerColumn: { en: "{stat} in parentheses; {se}.", zh: "括号内为 {stat}，其中{se}" },
  tStat: { en: "t statistics", zh: "t 值" },
  zStat: { en: "z statistics", zh: "z 值" },
  tzStat: { en: "t (z) statistics", zh: "t (z) 值" },
  /**
   * zh: "*、**与***分别表示在 10%、5%与 1%水平上显著" (paper 002's wording). English tables print the
   * legend "*** p<0.01, ** p<0.05, * p<0.1" instead (notes.ts); these en entries are the plain sentence.
   */
  starsOne: { en: "{stars} significant at {level}", zh: "{stars}表示在 {level}水平上显著" },
  starsMany: { en: "{stars} significant at {levels} respectively", zh: "{stars}分别表示在 {levels}水平上显著" },
  listSep: { en: ", ", zh: "、" },
  listLast: { en: " and ", zh: "与" },
  /** The Chinese note block: "注：" then numbered items. */
  notePrefix: { en: "Notes: ", zh: "注：" },
});

/**
 * Usual panel units by variable stem (lower case, "_id"/"_code" dropped), for FE rows and the
 * clustering note of Chinese tables when the user gave no label: city_id -> 城市 (城市固定效应).
 */
export const panelWordMessages = defineMessages({
  city: { en: "City", zh: "城市" },
  year: { en: "Year", zh: "年份" },
  time: { en: "Time", zh: "时间" },
  period: { en: "Period", zh: "时期" },
  month: { en: "Month", zh: "月份" },
  quarter: { en: "Quarter", zh: "季度" },
  prov: { en: "Province", zh: "省份" },
  province: { en: "Province", zh: "省份" },
  county: { en: "County", zh: "县域" },
  region: { en: "Region", zh: "地区" },
  country: { en: "Country", zh: "国家" },
  firm: { en: "Firm", zh: "企业" },
  stkcd: { en: "Firm", zh: "企业" },
  industry: { en: "Industry", zh: "行业" },
  ind: { en: "Industry", zh: "行业" },
});

/** The spatial panel table (src/report/spatial-table.ts). */
export const spatialTableMessages = defineMessages({
  direct: { en: "Direct effect: {x}", zh: "直接效应：{x}" },
  indirect: { en: "Indirect effect: {x}", zh: "间接效应：{x}" },
  total: { en: "Total effect: {x}", zh: "总效应：{x}" },
  note: {
    en: "Maximum likelihood; standard errors from the observed information matrix; effects (SAR, SDM) by the delta method.",
    zh: "极大似然估计；标准误基于观测信息矩阵；SAR、SDM 的效应分解及其标准误采用 delta 方法",
  },
});
