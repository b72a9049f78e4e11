/** Wording of the boosted-trees importance table (src/report/boosting-table.ts). */
import { defineMessages } from "../catalogue";

export const boostingMessages = defineMessages({
  feature: { en: "Feature", zh: "特征变量" },
  meanAbsShap: { en: "Mean |SHAP|", zh: "平均 |SHAP|" },
  gain: { en: "Gain", zh: "增益" },
  cover: { en: "Cover", zh: "覆盖度" },
  splits: { en: "Splits", zh: "分裂次数" },
  trees: { en: "Trees", zh: "树的数量" },
  rows: { en: "Rows", zh: "样本量" },
  rmse: { en: "Train RMSE", zh: "训练集 RMSE" },
  r2: { en: "Train R2", zh: "训练集 R²" },
  base: { en: "Base value", zh: "基准值" },
  settings: {
    en: "Gradient-boosted trees (xgboost reg:squarederror, {method}): {trees} trees, depth {depth}, learning rate {eta}, subsample {subsample}, colsample {colsample}, seed {seed}.",
    zh: "梯度提升树（xgboost reg:squarederror，{method}）：{trees} 棵树，最大深度 {depth}，学习率 {eta}，行抽样比例 {subsample}，列抽样比例 {colsample}，随机种子 {seed}",
  },
  shapNote: {
    en: "Mean |SHAP| = mean over rows of the absolute TreeSHAP value (path-dependent, as xgboost pred_contribs); gain and cover are averages over the feature's splits.",
    zh: "平均 |SHAP| 为各观测值 TreeSHAP 值（路径依赖算法，同 xgboost pred_contribs）绝对值的均值；增益与覆盖度为该特征各次分裂的平均值",
  },
  constant: { en: "Constant (never split): {names}.", zh: "取值不变（从未分裂）的特征：{names}" },
  noY: { en: "{n} of {total} rows have no {y} and are not used.", zh: "{total} 个观测值中有 {n} 个缺少 {y}，未纳入" },
});
