export * from "./dense";
export * from "./qr";
export * from "./compensated";
export * from "./tsqr";
export * from "./seminormal";
export * from "./double-double";
export * from "./dd-least-squares";
