export * from "./missing";
export * from "./errors";
export * from "./frame";
export * from "./codes";
