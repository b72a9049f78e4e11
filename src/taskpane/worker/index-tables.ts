/** The index builders' output tables now live in the report layer (table language included). */
export { entropyWeightsTable, resilienceTable } from "../../report/index-tables";
