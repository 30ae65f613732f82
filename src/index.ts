/** `import { scan } from "restorable"`: findings, the backup-scope inventory and the graph. */
export { scan, toolVersion } from "./scan.js";
export type { ScanOptions, ScanResult, ScanFileSystem, InventoryEntry, ScanStats } from "./scan-result.js";
export type { Finding, RuleMeta, Level } from "./rules/types.js";
export type * from "./graph/types.js";
export { UsageError } from "./errors.js";
export { formatReport, toSarif, type ReportFormat, type ReportOptions } from "./report/index.js";
