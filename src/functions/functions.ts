/**
 * Custom-functions entry. webpack bundles this file together with every file in ./formulas/
 * (read from the folder at build time), and custom-functions-metadata-plugin appends a
 * `CustomFunctions.associate(id, fn)` call for each `@customfunction` it finds there.
 * Nothing needs to be registered here: add a formula by adding a file to ./formulas/.
 */
export {};
