export * from "./dense";
export * from "./qr";
export * from "./compensated";
