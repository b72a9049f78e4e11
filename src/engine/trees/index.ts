export * from "./spec";
export * from "./data";
export * from "./tree";
export * from "./model";
export * from "./booster";
export * from "./treeshap";
export * from "./importance";
export * from "./xgb-json";
