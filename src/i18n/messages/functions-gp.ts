/** Messages of =NQP.GP and =NQP.GEOSHAPLEY (src/functions/formulas/gp.ts, src/functions/gp-args.ts). */
import { defineMessages } from "../catalogue";

export const functionsGp = defineMessages({
  singleColumn: { en: "Argument {arg} must be a single column but has {n}.", zh: "参数 {arg} 必须是单列，但有 {n} 列。" },
  headerMismatch: {
    en: "y {yHas} a header row but {arg} {argHas}: select all ranges with or all without headers.",
    zh: "y {yHas}标题行，但 {arg} {argHas}：请让所有区域都带或都不带标题行。",
  },
  has: { en: "has", zh: "有" },
  hasNo: { en: "has no", zh: "没有" },
  hasOne: { en: "has one", zh: "有标题行" },
  doesNot: { en: "does not", zh: "没有标题行" },
  blankCell: {
    en: "Argument {arg} (column \"{column}\") is blank in data row {row}: GP regression needs a value in every row; remove the row or fill the cell.",
    zh: "参数 {arg}（列“{column}”）在第 {row} 个数据行为空：高斯过程回归要求每行都有值；请删除该行或填写该单元格。",
  },
  textCell: {
    en: "Argument {arg} (column \"{column}\") holds \"{value}\" in data row {row}: it must be a number.",
    zh: "参数 {arg}（列“{column}”）在第 {row} 个数据行为“{value}”：必须是数字。",
  },
  badPairs: {
    en: "Option {option}: expected name=value pairs separated by spaces (or commas in a two-column options range); cannot read \"{part}\".",
    zh: "选项 {option}：应为以空格分隔的 name=value 对（在两列选项区域中可用逗号分隔）；无法读取“{part}”。",
  },
  badBounds: {
    en: "Option bounds: expected name=lo:hi pairs separated by spaces; cannot read \"{part}\".",
    zh: "选项 bounds：应为以空格分隔的 name=lo:hi 对；无法读取“{part}”。",
  },
  needRows: { en: "GP regression needs at least {min} data rows; got {n}.", zh: "高斯过程回归至少需要 {min} 个数据行；实际为 {n}。" },
  // Spill labels
  hyperparameter: { en: "hyperparameter", zh: "超参数" },
  value: { en: "value", zh: "值" },
  gradient: { en: "d loglik / d log", zh: "d loglik / d log" },
  loglik: { en: "log marginal likelihood", zh: "对数边际似然" },
  nRows: { en: "n", zh: "样本量" },
  jitter: { en: "jitter", zh: "对角抖动" },
  kernel: { en: "kernel", zh: "核函数" },
  note: { en: "note", zh: "说明" },
  mean: { en: "mean", zh: "后验均值" },
  sd: { en: "sd", zh: "后验标准差" },
  sdY: { en: "sd_y", zh: "sd_y" },
  component: { en: "component", zh: "成分" },
  meanAbs: { en: "mean |phi|", zh: "mean |phi|" },
  meanPhi: { en: "mean phi", zh: "mean phi" },
  base: { en: "base", zh: "基准值" },
  geo: { en: "geo", zh: "geo" },
  prediction: { en: "prediction", zh: "预测值" },
  baseValue: { en: "base value", zh: "基准值" },
  method: { en: "method", zh: "方法" },
  feature: { en: "feature", zh: "特征" },
  nonGeo: { en: "non-geo", zh: "非区位部分" },
  geoPart: { en: "geo", zh: "区位部分" },
  total: { en: "total", zh: "合计" },
  explainedRows: { en: "explained rows", zh: "解释的行数" },
  background: { en: "background rows", zh: "背景行数" },
});
