/** Wording of the descriptive-statistics table (src/report/descriptives-table.ts); zh as paper 002's Table 2. */
import { defineMessages } from "../catalogue";

export const descriptivesMessages = defineMessages({
  variableType: { en: "Variable Type", zh: "变量类型" },
  variable: { en: "Variable", zh: "变量" },
  variables: { en: "Variables", zh: "变量" },
  n: { en: "N", zh: "样本量" },
  mean: { en: "Mean", zh: "均值" },
  sd: { en: "SD", zh: "标准差" },
  min: { en: "Min", zh: "最小值" },
  max: { en: "Max", zh: "最大值" },
  listwise: { en: "Statistics over the {n} observations where every variable is present.", zh: "统计量基于所有变量均不缺失的 {n} 个观测值" },
  pairwise: { en: "Each variable over its own non-missing observations.", zh: "各变量基于其自身的非缺失观测值" },
  sdNote: { en: "SD: standard deviation (n - 1 denominator).", zh: "标准差以 n − 1 为分母" },
});
