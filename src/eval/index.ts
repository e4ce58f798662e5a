export { DatasetError } from "./dataset-error.js";
export { type EvalEvent, type EvalReport, type EvaluateOptions, evaluate } from "./evaluate.js";
export { type Ledger, type LedgerItem, openLedger } from "./ledger.js";
export { loadDataset } from "./load-dataset.js";
export type { Problem } from "./problem.js";
export { type ReportInput, renderReport } from "./report/render-report.js";
export { type StrategySummary, summarize, type TokenPrices } from "./summarize.js";
export { type SummaryCells, summaryCells } from "./summary-cells.js";
