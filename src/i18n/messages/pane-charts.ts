/** Task pane: the Draw chart row (chart choice, colour feature, group lines) and its messages. */
import { defineMessages } from "../catalogue";

export const paneCharts = defineMessages({
  drawChart: { en: "Draw chart", zh: "绘制图表" },
  drawTitle: { en: "A native Excel chart on a new sheet, with its numbers beside it", zh: "在新工作表上绘制原生 Excel 图表，数据写在图旁" },
  chartLabel: { en: "Chart", zh: "图表" },
  colourFeature: { en: "Colour by", zh: "着色特征" },
  colourNone: { en: "(none)", zh: "（无）" },
  groupBy: { en: "Lines by group", zh: "按组分线" },
  groupNone: { en: "(one line: all rows)", zh: "（一条线：全部行）" },
  chartWritten: { en: "Chart drawn", zh: "图表已绘制" },
  chartWrittenText: { en: 'The chart and its data are on the new sheet "{sheet}".', zh: "图表及其数据位于新工作表“{sheet}”。" },
  // chart choices
  coefStepwise: { en: "Coefficient plot (columns)", zh: "系数图（各列）" },
  coefGroups: { en: "Coefficient plot (groups)", zh: "系数图（各组）" },
  weightsBar: { en: "Index weights (bar)", zh: "指标权重（条形图）" },
  trendByYear: { en: "Trend by year", zh: "逐年趋势" },
  shapSummary: { en: "SHAP summary (beeswarm)", zh: "SHAP 汇总图（蜂群图）" },
  shapBar: { en: "SHAP importance (bar)", zh: "SHAP 重要性（条形图）" },
  shapDependence: { en: "SHAP dependence: {feature}", zh: "SHAP 依赖图：{feature}" },
  moranScatter: { en: "Moran scatter ({period})", zh: "Moran 散点图（{period}）" },
  lisaMap: { en: "LISA cluster map ({period})", zh: "LISA 聚类图（{period}）" },
  valueMap: { en: "Map of {variable} ({period})", zh: "{variable} 分布图（{period}）" },
  // chart titles
  coefTitle: { en: "Coefficient on {x} across the columns", zh: "{x} 的系数（各列）" },
  groupsTitle: { en: "Coefficient on {x} by {by}", zh: "{x} 的系数（按 {by} 分组）" },
  weightsTitle: { en: "Entropy weights of {index}", zh: "{index} 的熵权" },
  trendTitle: { en: "{variable} by {time}", zh: "{variable} 随 {time} 的变化" },
  trendGroupTitle: { en: "{variable} by {time} and {group}", zh: "{variable} 随 {time} 的变化（按 {group} 分组）" },
  moranTitle: { en: "Moran scatter plot of {variable}, {period}", zh: "{variable} 的 Moran 散点图（{period}）" },
  lisaTitle: { en: "LISA clusters of {variable}, {period}", zh: "{variable} 的 LISA 聚类（{period}）" },
  mapTitle: { en: "{variable}, {period}", zh: "{variable}（{period}）" },
  moranNote: { en: "Global Moran's I = {I} (z = {z}, p = {p}, normality); W: {weights}.", zh: "全局 Moran's I = {I}（z = {z}，p = {p}，正态假设）；权重：{weights}。" },
  // the robustness column of the alternative-outcome check
  altOutcomeColumn: { en: "Alternative outcome: {y}", zh: "替换被解释变量：{y}" },
});
