export * from "./small-sample";
export * from "./sandwich";
