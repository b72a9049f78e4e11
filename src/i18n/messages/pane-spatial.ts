/** Task pane: the spatial panel model form (SAR / SEM / SDM with two-way FE) and its checks. */
import { defineMessages } from "../catalogue";

export const paneSpatial = defineMessages({
  kindLabel: { en: "Spatial panel (SAR / SEM / SDM)", zh: "空间面板（SAR / SEM / SDM）" },
  kindHelp: {
    en: "Spatial lag, error and Durbin models with unit and time FE (quasi-ML); direct, indirect and total effects; Moran scatter and LISA map.",
    zh: "含个体与时间固定效应的空间滞后、误差与杜宾模型（准极大似然）；直接、间接与总效应；Moran 散点图与 LISA 聚类图。",
  },
  y: { en: "Dependent variable (y)", zh: "被解释变量 (y)" },
  x: { en: "Regressors", zh: "解释变量" },
  xHint: { en: "The first one's direct, indirect and total effects are shown.", zh: "表中给出第一个解释变量的直接、间接与总效应。" },
  models: { en: "Models (one column each)", zh: "模型（每个一列）" },
  lat: { en: "Latitude", zh: "纬度" },
  lon: { en: "Longitude", zh: "经度" },
  weights: { en: "Spatial weights", zh: "空间权重" },
  knn: { en: "k nearest neighbours", zh: "k 近邻" },
  idw: { en: "Inverse distance", zh: "反距离" },
  k: { en: "Neighbours k", zh: "近邻数 k" },
  power: { en: "Distance power", zh: "距离幂次" },
  cutoff: { en: "Cutoff (km, 0 = none)", zh: "截断距离（公里，0 = 不截断）" },
  weightsHint: { en: "Great-circle distance from latitude and longitude; row-standardised.", zh: "由经纬度计算球面距离；行标准化。" },
  leeYu: { en: "Lee-Yu bias correction", zh: "Lee-Yu 偏误修正" },
  leeYuHint: { en: "Off: the uncorrected estimator (labelled in the table).", zh: "关闭：未修正估计量（表中注明）。" },
  panelHint: { en: "Panel id and time come from the Data section; the panel must be balanced.", zh: "个体与时间变量取自“数据”部分；面板须为平衡面板。" },
  // checks before the run
  needY: { en: "Choose the dependent variable.", zh: "请选择被解释变量。" },
  needX: { en: "Choose at least one regressor.", zh: "请至少选择一个解释变量。" },
  yInX: { en: '"{y}" is the dependent variable; remove it from the regressors.', zh: "“{y}”是被解释变量，请从解释变量中移除。" },
  needModel: { en: "Choose at least one of SAR, SEM and SDM.", zh: "请至少选择 SAR、SEM、SDM 中的一个。" },
  needPanel: { en: "The spatial panel models need the panel id and the time variable (Data section).", zh: "空间面板模型需要个体与时间变量（见“数据”部分）。" },
  needCoords: { en: "Choose the latitude and longitude columns: the weights are built from them.", zh: "请选择纬度和经度列：空间权重由其构建。" },
  sameCoords: { en: "Latitude and longitude must be two different columns.", zh: "纬度和经度必须是两个不同的列。" },
  badK: { en: "The number of neighbours k must be a whole number of at least 1.", zh: "近邻数 k 必须是不小于 1 的整数。" },
  badPower: { en: "The distance power must be greater than 0.", zh: "距离幂次必须大于 0。" },
  badCutoff: { en: "The cutoff must be 0 (none) or a distance in km greater than 0.", zh: "截断距离必须为 0（不截断）或大于 0 的公里数。" },
  // the run
  periodsLeftOut: {
    en: "{time} {periods}: no row has every variable, left out (e.g. the first year of a growth rate).",
    zh: "{time} {periods}：没有任何一行具备全部变量，已剔除（例如增长率的首年）。",
  },
  summary: { en: "{models} on {n} units x {T} periods (N = {N}); W: {weights}.", zh: "{models}，{n} 个个体 × {T} 期（N = {N}）；权重：{weights}。" },
  tableTitle: { en: "Spatial panel models of {y}", zh: "{y} 的空间面板模型" },
});
