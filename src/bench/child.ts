/**
 * One benchmark scan in a fresh process, as a user runs it: the bundled CLI (lib/bundle/cli.js, what
 * `npx restorable` loads; the unbundled modules when it is absent) with `scan DIR -f sarif -o FILE`,
 * then one JSON line with the wall time (from the process's start, Node start-up included), peak
 * RSS and the number of results.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";

const dir = process.argv[2]!;
const workers = process.argv.indexOf("--workers");
const out = mkdtempSync(path.join(tmpdir(), "restorable-bench-sarif-"));
const sarif = path.join(out, "scan.sarif");
const { main } = (await import("../bundle/cli.js" as string).catch(() => import("../cli/main.js"))) as typeof import("../cli/main.js");
let stderr = "";
const status = await main(["scan", dir, "--fail-on", "none", "-f", "sarif", "-o", sarif, ...(workers >= 0 ? ["--workers", process.argv[workers + 1]!] : [])], {
  stdout: process.stdout,
  stderr: new Writable({
    write(chunk, _encoding, done) {
      stderr += String(chunk);
      done();
    },
  }),
  cwd: dir,
  env: {},
  isTTY: false,
});
const wallMs = performance.now();
if (status !== 0) {
  process.stderr.write(stderr);
  process.exit(1);
}
const log = JSON.parse(readFileSync(sarif, "utf8")) as { runs: { results: unknown[] }[] };
rmSync(out, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    wallMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: log.runs[0]!.results.length,
  }) + "\n",
);
