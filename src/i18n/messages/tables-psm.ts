/** Wording of the PSM tables (src/report/psm-table.ts): method subtitles, the matching note, the balance table. */
import { defineMessages } from "../catalogue";

export const psmMessages = defineMessages({
  nn: { en: "Nearest neighbour", zh: "近邻匹配" },
  radius: { en: "Radius", zh: "半径匹配" },
  kernel: { en: "Kernel", zh: "核匹配" },
  note: {
    en: "Propensity-score matching (psmatch2 conventions; treatment {treat}; {per}); {methods}.",
    zh: "倾向得分匹配（遵循 psmatch2 的做法；处理变量为 {treat}；{per}）：{methods}",
  },
  rule: { en: "rule", zh: "规则" },
  perPooled: { en: "one pooled logit and matching over all {by}s", zh: "对全部{by}合并估计 Logit 模型并匹配" },
  perWithin: { en: "logit and matching within each {by}", zh: "在每个{by}内分别估计 Logit 模型并匹配" },
  perNone: { en: "logit propensity score", zh: "以 Logit 模型估计倾向得分" },
  methodSep: { en: "; ", zh: "；" },
  nnMethod: { en: "{label}: {k} neighbour(s){caliper}{replacement}", zh: "{label}：{k} 个近邻{caliper}{replacement}" },
  nnCaliper: { en: ", caliper {c}", zh: "，卡尺 {c}" },
  nnNoReplacement: { en: ", without replacement", zh: "，无放回" },
  radiusMethod: { en: "{label}: radius {c}", zh: "{label}：半径 {c}" },
  kernelMethod: { en: "{label}: {kernel} kernel, bandwidth {bw}", zh: "{label}：{kernel} 核函数，带宽 {bw}" },
  regressionUnweighted: { en: "Regressions on the matched observations (each matched row once).", zh: "回归基于匹配后的样本（每个匹配观测值计一次）" },
  regressionWeighted: { en: "Regressions on the matched observations, weighted by the matching weights.", zh: "回归基于匹配后的样本，以匹配权重加权" },

  // The balance table (pstest).
  variable: { en: "Variable", zh: "变量" },
  sample: { en: "Sample", zh: "样本" },
  meanTreated: { en: "Mean treated", zh: "处理组均值" },
  meanControl: { en: "Mean control", zh: "控制组均值" },
  pctBias: { en: "%bias", zh: "标准化偏差(%)" },
  pctReduct: { en: "%reduct |bias|", zh: "偏差减少(%)" },
  t: { en: "t", zh: "t 值" },
  pT: { en: "p>|t|", zh: "p 值" },
  varRatio: { en: "V(T)/V(C)", zh: "V(T)/V(C)" },
  unmatched: { en: "Unmatched", zh: "匹配前" },
  matched: { en: "Matched", zh: "匹配后" },
  pseudoR2: { en: "Pseudo R2", zh: "伪 R²" },
  lrChi2: { en: "LR chi2", zh: "LR 卡方" },
  pChi2: { en: "p>chi2", zh: "p 值" },
  meanBias: { en: "Mean bias", zh: "平均偏差" },
  medianBias: { en: "Med. bias", zh: "偏差中位数" },
  balanceNote: {
    en:
      "Balance as Stata pstest: U = all observations, M = matched (treated weight 1, controls their matching weight); %bias = standardised difference over the unmatched variances; " +
      "pseudo R2 and LR chi2 of a probit of the treatment on the covariates; B and R: Rubin's standardised difference and variance ratio of its index.",
    zh:
      "平衡性检验同 Stata pstest：匹配前为全部观测值，匹配后为匹配样本（处理组权重为 1，控制组为其匹配权重）；标准化偏差以匹配前的方差计算；" +
      "伪 R² 与 LR 卡方来自处理变量对协变量的 Probit 回归；B 与 R 为 Rubin 的倾向得分标准化差异与方差比",
  },
  matchedSample: { en: "Matched sample: {n} observations (sum of weights {w}).", zh: "匹配后样本：{n} 个观测值（权重之和 {w}）" },
});
