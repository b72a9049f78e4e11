export * from "./groups";
export * from "./components";
export * from "./fixed-effects";
