/**
 * One benchmark scan in a fresh process: scan(), SARIF written to a temporary file, then one JSON
 * line with the wall time (from the process's start, Node start-up included), peak RSS and counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatReport } from "../report/index.js";
import { scan } from "../scan.js";

const dir = process.argv[2]!;
const workers = process.argv.indexOf("--workers");
const options = workers >= 0 ? { workers: Number(process.argv[workers + 1]) } : {};
const result = await scan({ paths: [dir], cwd: dir, env: {}, ...options });
const out = mkdtempSync(path.join(tmpdir(), "restorable-bench-sarif-"));
writeFileSync(path.join(out, "scan.sarif"), formatReport(result, "sarif"));
rmSync(out, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    wallMs: performance.now(),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: result.findings.length,
    files: result.stats.files,
  }) + "\n",
);
