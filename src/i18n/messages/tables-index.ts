/** Wording of the index tables (src/report/index-tables.ts): entropy weights, resilience by period. */
import { defineMessages } from "../catalogue";

export const indexTableMessages = defineMessages({
  indicator: { en: "Indicator", zh: "指标" },
  layer: { en: "Layer", zh: "维度" },
  direction: { en: "Direction", zh: "方向" },
  entropy: { en: "Entropy e", zh: "信息熵 e" },
  weight: { en: "Weight w", zh: "权重 w" },
  layerRow: { en: "Layer {label}", zh: "维度：{label}" },
  rowsScored: { en: "Rows scored", zh: "计算得分的观测值" },
  entropyTitle: { en: "Entropy weights of {name}", zh: "{name} 的熵值法权重" },
  minmax: { en: "min-max normalisation", zh: "极差标准化" },
  minmaxShift: { en: "min-max normalisation shifted by {shift}", zh: "极差标准化并平移 {shift}" },
  entropyNote: {
    en: "Entropy weight method ({method}), pooled over all rows with every indicator present; the score {name} = sum of w x normalised indicator.",
    zh: "熵值法（{method}），基于所有指标均不缺失的全部观测值合并计算；得分 {name} = Σ w × 标准化指标",
  },
  missingNote: { en: "{n} row(s) lack an indicator and get no score.", zh: "{n} 个观测值缺少指标，未计算得分" },
  dropped: { en: "Dropped as constant: {names}.", zh: "取值不变而剔除的指标：{names}" },
  period: { en: "Period", zh: "时期" },
  nationalGrowth: { en: "National growth G", zh: "全国增长率 G" },
  meanOf: { en: "Mean {name}", zh: "{name} 均值" },
  n: { en: "N", zh: "N" },
  resilienceTitle: { en: "Resilience {name}", zh: "经济韧性 {name}" },
  resilienceNote: { en: "Martin sensitivity index {name} = (g_it - G_t)/|G_t|; G_t from {source}.", zh: "Martin 敏感度指数 {name} = (g_it − G_t)/|G_t|；G_t 来自{source}" },
  sourceColumn: { en: "the national column", zh: "全国数据列" },
  sourceTotal: { en: "the cross-sectional total", zh: "截面加总" },
  resilienceMissing: { en: "{n} row(s) have no {name} (first period, or a missing previous year).", zh: "{n} 个观测值没有 {name}（首期或上一年缺失）" },
});
