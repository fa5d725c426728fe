// The public surface of the text analysis. Everything here is pure: no I/O, no
// Node-only APIs, safe in the browser, the server and the CLI alike.
export type { AnalysisResult, Bound, Direction, Discrepancy, FigureFrame, LedgerFigure, LedgerGroup, Quantity, QuantityKind, Sentence, TimeRelation } from "./types";
export { segmentSentences } from "./segment";
export { extractQuantities } from "./quantities";
export { findDiscrepancies, frameKey, valuesAgree } from "./discrepancies";
export { buildFrames } from "./frames";
export { figureLedger } from "./ledger";
export { detectLanguage, directionOf } from "./language";
export { analyze, analyzeWithin, type AnalysisLimits, type AnalysisOverrun, type AnalyzeOptions } from "./analyze";
export { formatReport, type ReportOptions } from "./report";
export { isSafeOffset, quoteSelector, toCodePointOffset } from "./offsets";
export { isBoilerplateLine } from "./boilerplate";
