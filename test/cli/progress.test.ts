/**
 * Issue 7, items 3 and 2: progress on stderr ("parsed N/M files", rewritten in place) only when
 * stderr is a terminal and without --quiet; `--workers N` and `--max-file-size SIZE` reach scan();
 * an empty folder says so and exits 0. No assertion here depends on how fast anything runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main, type CliIo, type CliScanOptions } from "../../src/cli/main.js";
import { scan } from "../../src/index.js";
import type { ScanResult } from "../../src/scan-result.js";
import { scanResult } from "../report/fixtures.js";

const DEMO = path.resolve(import.meta.dirname, "../../fixtures/demo");
const work = mkdtempSync(path.join(tmpdir(), "restorable-progress-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[], io: Partial<CliIo> = {}, fake?: (o: CliScanOptions) => Promise<ScanResult>) {
  const out: string[] = [];
  const err: string[] = [];
  const scanned: CliScanOptions[] = [];
  const code = await main(
    argv,
    { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: DEMO, env: {}, isTTY: false, ...io },
    fake
      ? {
          scan: async (o) => {
            scanned.push(o);
            return fake(o);
          },
        }
      : {},
  );
  return { code, stdout: out.join(""), stderr: err.join(""), writes: err, scanned };
}

describe("progress on stderr", () => {
  it("on a terminal: 'parsed N/M files' rewritten in place, ending at M/M, erased before the report", async () => {
    const r = await run(["scan", ".", "--fail-on", "none"], { stderrIsTTY: true });
    expect(r.code).toBe(0);
    const updates = r.writes.filter((w) => w.startsWith("\rparsed "));
    expect(updates.length).toBeGreaterThan(0);
    for (const w of updates) expect(w).toMatch(/^\rparsed \d+\/\d+ files$/);
    const counts = updates.map((w) => /(\d+)\/(\d+)/.exec(w)!.slice(1).map(Number) as [number, number]);
    const total = counts[0]![1];
    expect(counts.every(([, m]) => m === total)).toBe(true);
    expect(counts.map(([n]) => n)).toEqual([...counts.map(([n]) => n)].sort((a, b) => a - b));
    expect(counts.at(-1)).toEqual([total, total]);
    // The demo's Terraform and JSON inputs (YAML is read by the Kubernetes stage, not counted).
    const result = await scan({ paths: [DEMO], cwd: DEMO, env: {} });
    expect(total).toBe(result.stats.terraformFiles);
    // Erased at the end, and the report on stdout is the one a non-terminal run prints.
    expect(r.writes.at(-1)).toBe("\r\x1b[K");
    expect(r.stderr.replace(/\rparsed \d+\/\d+ files/g, "").replace("\r\x1b[K", "")).toBe("");
    const plain = await run(["scan", ".", "--fail-on", "none"]);
    expect(r.stdout).toBe(plain.stdout);
  });

  it("not a terminal: nothing on stderr, and scan() gets no progress callback", async () => {
    const r = await run(["scan", ".", "--fail-on", "none"], { stderrIsTTY: false }, async () => scanResult());
    expect(r.stderr).toBe("");
    expect(r.scanned[0]!.onProgress).toBeUndefined();
    const absent = await run(["scan", ".", "--fail-on", "none"], {}, async () => scanResult());
    expect(absent.scanned[0]!.onProgress).toBeUndefined();
  });

  it("--quiet on a terminal: no progress either", async () => {
    const r = await run(["scan", ".", "--fail-on", "none", "--quiet"], { stderrIsTTY: true });
    expect(r.stderr).toBe("");
  });

  it("writes every update scan() reports, and erases the line even when the scan fails", async () => {
    const r = await run(["scan", "."], { stderrIsTTY: true }, async (o) => {
      o.onProgress!(1, 3);
      o.onProgress!(3, 3);
      throw new Error("boom");
    });
    expect(r.code).toBe(3);
    expect(r.writes.slice(0, 3)).toEqual(["\rparsed 1/3 files", "\rparsed 3/3 files", "\r\x1b[K"]);
    expect(r.writes[3]).toMatch(/^restorable: internal error: boom/);
  });

  it("a scan that reports nothing leaves stderr untouched, even on a terminal", async () => {
    const r = await run(["scan", ".", "--fail-on", "none"], { stderrIsTTY: true }, async () => scanResult());
    expect(r.stderr).toBe("");
  });
});

describe("scan({ onProgress })", () => {
  it("counts each parsed file once and always reports the last one", async () => {
    const calls: [number, number][] = [];
    const result = await scan({ paths: [DEMO], cwd: DEMO, env: {}, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([result.stats.terraformFiles, result.stats.terraformFiles]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  });

  it("is never called when there is nothing to parse", async () => {
    const empty = path.join(work, "empty");
    mkdirSync(empty, { recursive: true });
    const calls: number[] = [];
    await scan({ paths: [empty], cwd: empty, env: {}, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([]);
  });
});

describe("--workers and --max-file-size", () => {
  it("--workers N reaches scan(); 0 is allowed (parse in the main thread)", async () => {
    for (const n of ["0", "2", "64"]) {
      const r = await run(["scan", ".", "--workers", n], {}, async () => scanResult());
      expect(r.scanned[0]!.workers).toBe(Number(n));
    }
    const none = await run(["scan", "."], {}, async () => scanResult());
    expect("workers" in none.scanned[0]!).toBe(false);
  });

  it.each(["-1", "x", "1.5", "65", ""])("--workers %j is a usage error (exit 2, one line)", async (n) => {
    const r = await run(["scan", ".", "--workers", n], {}, async () => scanResult());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.scanned).toHaveLength(0);
  });

  it.each([
    ["1048576", 1048576],
    ["512K", 512 * 1024],
    ["20M", 20 * 1024 * 1024],
    ["20MB", 20 * 1024 * 1024],
    ["1.5G", 1.5 * 1024 ** 3],
  ])("--max-file-size %s is %d bytes", async (text, bytes) => {
    const r = await run(["scan", ".", "--max-file-size", text], {}, async () => scanResult());
    expect(r.scanned[0]!.maxFileSize).toBe(bytes);
  });

  it.each(["0", "ten", "10X", "-5M"])("--max-file-size %j is a usage error", async (text) => {
    const r = await run(["scan", ".", "--max-file-size", text], {}, async () => scanResult());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-file-size/);
  });

  it("a file above --max-file-size is skipped with CFG-001 and the rest is still analysed", async () => {
    const dir = path.join(work, "sizes");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "big.tf"), `# ${"x".repeat(2048)}\nresource "aws_dynamodb_table" "big" {\n  name = "big"\n}\n`);
    writeFileSync(path.join(dir, "small.tf"), 'resource "aws_dynamodb_table" "small" {\n  name = "small"\n}\n');
    const r = await run(["scan", ".", "--max-file-size", "1K", "-f", "json", "--fail-on", "none"], { cwd: dir });
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string; location: { file: string }; message: string; subject: string }[] };
    expect(json.findings.filter((f) => f.ruleId === "CFG-001").map((f) => [f.location.file, f.message])).toEqual([["big.tf", expect.stringMatching(/above --max-file-size \(1024\); it was skipped/)]]);
    expect(json.findings.map((f) => f.subject)).toContain("aws_dynamodb_table.small");
    expect(json.findings.map((f) => f.subject)).not.toContain("aws_dynamodb_table.big");
    const raised = await run(["scan", ".", "--max-file-size", "1M", "-f", "json", "--fail-on", "none"], { cwd: dir });
    expect((JSON.parse(raised.stdout) as typeof json).findings.map((f) => f.subject)).toContain("aws_dynamodb_table.big");
  });
});

describe("an empty folder", () => {
  it("exits 0 and says that nothing was found", async () => {
    const empty = path.join(work, "nothing-here");
    mkdirSync(empty, { recursive: true });
    const r = await run(["scan", "."], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("restorable: no Terraform, Helm or Kubernetes files found in .; nothing was checked\n");
    expect(r.stdout).toMatch(/no findings/);
    const quiet = await run(["scan", ".", "--quiet"], { cwd: empty });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  });
});
