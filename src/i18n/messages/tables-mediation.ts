/** Notes of the mediation table (src/report/mediation-table.ts): what a*b, its SEs and the samples are. */
import { defineMessages } from "../catalogue";

export const mediationMessages = defineMessages({
  effect: {
    en:
      "Indirect effect a*b = a ({treat} in column (2)) x b ({mediator} in column (3)), its delta-method (Sobel) standard error in parentheses; " +
      "share mediated = a*b / c, c the {treat} coefficient in column (1).",
    zh: "间接效应 a×b = a（第(2)列 {treat} 的系数）× b（第(3)列 {mediator} 的系数），括号内为其 delta 方法（Sobel）标准误；中介效应占比 = a×b / c，c 为第(1)列 {treat} 的系数",
  },
  bootstrap: {
    en: "Bootstrap SE and {level} percentile interval of a*b: {reps} replications of a {how} (seed {seed}) on the sample of column (3){failed}.",
    zh: "a×b 的 Bootstrap 标准误与 {level} 百分位置信区间：在第(3)列样本上{how} {reps} 次（随机种子 {seed}）{failed}",
  },
  bootstrapCluster: { en: "cluster bootstrap by {label}", zh: "按{label}聚类重复抽样" },
  bootstrapRows: { en: "bootstrap of rows", zh: "按观测值重复抽样" },
  bootstrapFailed: { en: "; {n} replication(s) could not be estimated and are left out", zh: "，其中 {n} 次无法估计，未纳入" },
  ownSample: {
    en:
      "Column (2) uses the {aN} rows where {y} is also present (the common sample of the three equations), " +
      "not all {ownN} rows with {mediator}, {treat} and the controls that a mechanism regression of {mediator} uses{coef}.",
    zh: "第(2)列使用 {y} 也不缺失的 {aN} 个观测值（三个方程的共同样本），而非以 {mediator} 为被解释变量的机制回归所用的全部 {ownN} 个含 {mediator}、{treat} 与控制变量的观测值{coef}",
  },
  ownSampleCoef: { en: "; there the {treat} coefficient is {coef}", zh: "；在该样本中 {treat} 的系数为 {coef}" },
});
