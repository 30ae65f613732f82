import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type CliIo, type CliScanOptions, main } from "../../src/cli/main.js";
import { UsageError } from "../../src/errors.js";
import { findingFingerprint } from "../../src/report/common.js";
import { formatSarif } from "../../src/report/sarif.js";
import type { Finding } from "../../src/rules/types.js";
import type { ScanResult } from "../../src/scan-result.js";
import { FINDINGS, scanResult } from "../report/fixtures.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const work = mkdtempSync(join(tmpdir(), "restorable-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  scanned: CliScanOptions[];
}

function fakeIo(overrides: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    cwd: work,
    env: {},
    isTTY: false,
    ...overrides,
  };
}

async function cli(argv: string[], scan: (o: CliScanOptions) => Promise<ScanResult> = async () => scanResult(), io = fakeIo()): Promise<Run> {
  const scanned: CliScanOptions[] = [];
  const code = await main(argv, io, {
    scan: async (options) => {
      scanned.push(options);
      return scan(options);
    },
  });
  return { code, stdout: io.out.join(""), stderr: io.err.join(""), scanned };
}

function only(...findings: Finding[]): () => Promise<ScanResult> {
  return async () => scanResult({ findings });
}

const [ret, , mon, suppressed] = FINDINGS as [Finding, Finding, Finding, Finding];
const note: Finding = { ...mon, level: "note", ruleId: "MON-001" };

beforeEach(() => {
  mkdirSync(join(work, "infra"), { recursive: true });
  writeFileSync(join(work, "infra", "main.tf"), "");
});

describe("exit codes", () => {
  it("0 without findings, 1 with an error finding (default --fail-on error)", async () => {
    expect((await cli(["scan", "infra"], only())).code).toBe(0);
    expect((await cli(["scan", "infra"], only(ret))).code).toBe(1);
    expect((await cli(["scan", "infra"], only(mon))).code).toBe(0);
  });

  it("follows --fail-on thresholds", async () => {
    expect((await cli(["scan", "--fail-on", "warning", "infra"], only(mon))).code).toBe(1);
    expect((await cli(["scan", "--fail-on", "warning", "infra"], only(note))).code).toBe(0);
    expect((await cli(["scan", "--fail-on", "note", "infra"], only(note))).code).toBe(1);
    expect((await cli(["scan", "--fail-on", "none", "infra"], only(ret, mon, note))).code).toBe(0);
  });

  it("never counts suppressed findings", async () => {
    const suppressedError: Finding = { ...ret, suppression: { kind: "external", justification: "accepted risk" } };
    expect((await cli(["scan", "--fail-on", "note", "infra"], only(suppressed, suppressedError))).code).toBe(0);
  });

  it("does not count findings of the --baseline, which stay in the SARIF as unchanged", async () => {
    const baselineFile = join(work, "baseline.sarif");
    writeFileSync(baselineFile, formatSarif(scanResult({ findings: [ret] })));
    const run = await cli(["scan", "-f", "sarif", "--baseline", baselineFile, "infra"], only(ret));
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout).runs[0].results as { baselineState: string; partialFingerprints: Record<string, string> }[];
    expect(results).toHaveLength(1);
    expect(results[0]!.baselineState).toBe("unchanged");
    expect(results[0]!.partialFingerprints["restorable/v1"]).toBe(findingFingerprint(ret));
    expect((await cli(["scan", "--baseline", baselineFile, "infra"], only(ret, FINDINGS[1]!))).code).toBe(1);
  });

  it("counts unknowns as notes only with --report-unknown", async () => {
    const withUnknowns = async () => scanResult({ findings: [] });
    expect((await cli(["scan", "--fail-on", "note", "infra"], withUnknowns)).code).toBe(0);
    expect((await cli(["scan", "--fail-on", "note", "--report-unknown", "infra"], withUnknowns)).code).toBe(1);
  });

  it("2 with one line on stderr for a UsageError thrown by scan", async () => {
    const run = await cli(["scan", "infra"], async () => {
      throw new UsageError(".restorable.yml:3: unknown class treasury; define it under classes:");
    });
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "restorable: .restorable.yml:3: unknown class treasury; define it under classes:\n" });
  });

  it("3 for any other exception: one line, no stack, and how to report it", async () => {
    const run = await cli(["scan", "infra"], async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'region')");
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "restorable: internal error: Cannot read properties of undefined (reading 'region'). Please report it at https://github.com/restorable/restorable/issues with --debug output.\n",
    );
  });

  it("3 with the stack only under --debug", async () => {
    const run = await cli(["scan", "--debug", "infra"], async () => {
      throw new Error("boom");
    });
    expect(run.code).toBe(3);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("restorable: internal error: boom. Please report it at https://github.com/restorable/restorable/issues with --debug output.");
    expect(lines[1]).toBe("Error: boom");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[2]).toMatch(/^\s+at /);
  });

  it("3, not silence, when the scan returns garbage or a reporter fails", async () => {
    const run = await cli(["scan", "infra"], async () => undefined as unknown as ScanResult);
    expect(run.code).toBe(3);
    expect(run.stderr.split("\n")).toHaveLength(2);
    const unknownRule = await cli(["scan", "-f", "sarif", "infra"], only({ ...ret, ruleId: "NOPE-1" }));
    expect(unknownRule.code).toBe(3);
    expect(unknownRule.stdout).toBe("");
  });

  it("3 also for a thrown non-Error value", async () => {
    const run = await cli(["scan", "infra"], async () => {
      throw "weird";
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^restorable: internal error: weird\. Please report it at /);
  });
});

describe("usage errors (exit 2, one line naming the problem and the fix, scan never called)", () => {
  const cases: [string[], string][] = [
    [["scan", "--fail-on", "high"], 'restorable: --fail-on must be one of error, warning, note, none (got "high")'],
    [["scan", "-f", "xml"], 'restorable: --format must be one of text, json, sarif, markdown (got "xml")'],
    [["scan", "--var", "region"], 'restorable: --var must be NAME=VALUE (got "region"); write it as --var region=eu-west-1'],
    [["scan", "--var", "=x"], 'restorable: --var must be NAME=VALUE (got "=x"); write it as --var region=eu-west-1'],
    [["scan", "--frobnicate"], 'restorable: unknown option --frobnicate; run "restorable --help" for the options'],
    [["scan", "--format"], 'restorable: -f, --format <value> needs a value; run "restorable --help" for the options'],
    [["scan", "missing-dir"], "restorable: PATH missing-dir does not exist; pass an existing file or folder (or - for standard input)"],
    [["scan", "--root", "nowhere"], "restorable: --root nowhere is not a folder; pass the folder that report paths are relative to"],
    [["scan", "--config", "nope.yml", "infra"], "restorable: --config nope.yml is not a readable file; check the path"],
    [["scan", "--var-file", "prod.tfvars", "infra"], "restorable: --var-file prod.tfvars is not a readable file; check the path"],
    [["scan", "--now", "tomorrow"], 'restorable: --now must be a date such as 2026-06-30 or 2026-06-30T12:00:00Z (got "tomorrow")'],
    [["scan", "--baseline", "old.sarif", "infra"], "restorable: cannot read --baseline old.sarif (ENOENT); pass a SARIF file from an earlier scan"],
    [["lint"], 'restorable: unknown command "lint"; use "restorable scan [PATH...]" (run "restorable --help" for the options)'],
    [[], 'restorable: missing command; use "restorable scan [PATH...]" (run "restorable --help" for the options)'],
    [["scan", "-o", "no/such/dir/out.sarif", "infra"], `restorable: cannot write --output ${join(work, "no/such/dir/out.sarif")}: folder ${join(work, "no/such/dir")} does not exist; create it or choose another path`],
  ];
  for (const [argv, message] of cases) {
    it(`${argv.join(" ") || "(no arguments)"}`, async () => {
      const run = await cli(argv);
      expect(run).toEqual({ code: 2, stdout: "", stderr: `${message}\n`, scanned: [] });
    });
  }

  it("a baseline that is not SARIF", async () => {
    writeFileSync(join(work, "bad.sarif"), "{not json");
    const run = await cli(["scan", "--baseline", "bad.sarif", "infra"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^restorable: --baseline bad.sarif is not valid JSON \(.*\); pass a SARIF file written by "restorable scan -f sarif"\n$/);
  });

  it("a bad SOURCE_DATE_EPOCH", async () => {
    const run = await cli(["scan", "infra"], undefined, fakeIo({ env: { SOURCE_DATE_EPOCH: "yesterday" } }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('restorable: SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "yesterday"); fix or unset it, or pass --now\n');
  });
});

describe("-o FILE", () => {
  it("writes the whole report atomically and prints nothing", async () => {
    const out = join(work, "report.sarif");
    const run = await cli(["scan", "-f", "sarif", "-o", "report.sarif", "infra"], only(ret));
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(formatSarif(scanResult({ findings: [ret] })));
    expect(readdirSync(work).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves no file, not even a partial one, when the scan throws", async () => {
    const out = join(work, "never.json");
    for (const error of [new Error("boom"), new UsageError("bad config")]) {
      const run = await cli(["scan", "-f", "json", "-o", out, "infra"], async () => {
        throw error;
      });
      expect(run.code).toBe(error instanceof UsageError ? 2 : 3);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(work).filter((f) => f.includes("never"))).toEqual([]);
  });

  it("keeps the previous report when the new one cannot be built", async () => {
    const out = join(work, "kept.sarif");
    writeFileSync(out, "previous");
    const run = await cli(["scan", "-f", "sarif", "-o", out, "infra"], only({ ...ret, ruleId: "NOPE-1" }));
    expect(run.code).toBe(3);
    expect(readFileSync(out, "utf8")).toBe("previous");
  });

  it("fails fast, before scanning, on an unwritable folder or a directory", async () => {
    const dir = join(work, "readonly");
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o500);
    try {
      const isRoot = process.getuid?.() === 0;
      const run = await cli(["scan", "-o", join(dir, "out.txt"), "infra"], only());
      if (isRoot) {
        // root may write anywhere; the cases below still check fail-fast.
        expect(run.code).toBe(0);
      } else {
        expect(run).toMatchObject({ code: 2, stdout: "", scanned: [] });
        expect(run.stderr).toBe(`restorable: cannot write --output ${join(dir, "out.txt")}: permission denied; choose a writable path\n`);
        expect(readdirSync(dir)).toEqual([]);
      }
    } finally {
      chmodSync(dir, 0o700);
    }
    const underFile = await cli(["scan", "-o", "infra/main.tf/out.txt", "infra"]);
    expect(underFile).toMatchObject({ code: 2, scanned: [], stdout: "" });
    expect(underFile.stderr).toBe(`restorable: cannot write --output ${join(work, "infra/main.tf/out.txt")}: ${join(work, "infra/main.tf")} is not a folder; choose another path\n`);
    const asDir = await cli(["scan", "-o", "infra", "infra"]);
    expect(asDir).toMatchObject({ code: 2, scanned: [], stderr: `restorable: cannot write --output ${join(work, "infra")}: it is a directory; give a file name\n` });
  });
});

describe("options reach scan()", () => {
  it("passes paths, cwd, root, excludes, var files, vars, config, env and now", async () => {
    writeFileSync(join(work, "prod.tfvars"), "");
    writeFileSync(join(work, "cfg.yml"), "");
    const io = fakeIo({ env: { TF_VAR_region: "eu-west-1" } });
    const run = await cli(
      [
        "scan",
        "infra",
        "-",
        "--root",
        ".",
        "--exclude",
        "**/.terraform/**",
        "--exclude",
        "tmp/**",
        "--var-file",
        "prod.tfvars",
        "--var",
        "region=eu-west-1",
        "--var",
        "tags={a=\"b=c\"}",
        "--config",
        "cfg.yml",
        "--now",
        "2026-06-30",
        "--report-unknown",
      ],
      only(),
      io,
    );
    expect(run.code).toBe(0);
    expect(run.scanned).toEqual([
      {
        paths: ["infra", "-"],
        cwd: work,
        root: work,
        exclude: ["**/.terraform/**", "tmp/**"],
        varFiles: [join(work, "prod.tfvars")],
        vars: [
          ["region", "eu-west-1"],
          ["tags", '{a="b=c"}'],
        ],
        env: { TF_VAR_region: "eu-west-1" },
        configFile: join(work, "cfg.yml"),
        now: new Date("2026-06-30T00:00:00Z"),
        reportUnknown: true,
      },
    ]);
  });

  it("defaults PATH to . and takes now from SOURCE_DATE_EPOCH", async () => {
    const run = await cli(["scan"], only(), fakeIo({ env: { SOURCE_DATE_EPOCH: "1700000000" } }));
    expect(run.scanned[0]!.paths).toEqual(["."]);
    expect(run.scanned[0]!.now).toEqual(new Date(1_700_000_000_000));
  });
});

describe("output on stdout", () => {
  it("text by default, coloured only on a TTY without --no-color or NO_COLOR", async () => {
    expect((await cli(["scan", "infra"], only(ret))).stdout).not.toContain("\u001b[");
    expect((await cli(["scan", "infra"], only(ret), fakeIo({ isTTY: true }))).stdout).toContain("\u001b[31merror");
    expect((await cli(["scan", "--no-color", "infra"], only(ret), fakeIo({ isTTY: true }))).stdout).not.toContain("\u001b[");
    expect((await cli(["scan", "infra"], only(ret), fakeIo({ isTTY: true, env: { NO_COLOR: "1" } }))).stdout).not.toContain("\u001b[");
    expect((await cli(["scan", "infra"], only(ret), fakeIo({ env: { FORCE_COLOR: "1" } }))).stdout).toContain("\u001b[");
  });

  it("json, sarif and markdown with -f / --format", async () => {
    expect(JSON.parse((await cli(["scan", "-f", "json", "infra"])).stdout).reportVersion).toBe(1);
    expect(JSON.parse((await cli(["scan", "--format", "sarif", "infra"])).stdout).version).toBe("2.1.0");
    expect((await cli(["scan", "--format=markdown", "infra"])).stdout).toMatch(/^## restorable 0\.1\.0\n/);
  });

  it("--quiet prints only what fails the gate", async () => {
    const run = await cli(["scan", "--quiet", "infra"], only(mon));
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("--version prints the package version and --help the usage", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "", scanned: [] });
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("restorable scan [options] [PATH...]");
    for (const flag of ["--format", "--output", "--config", "--var-file", "--var ", "--fail-on", "--baseline", "--root", "--exclude", "--report-unknown", "--now", "--quiet", "--no-color", "--debug", "--version", "--help"]) {
      expect(help.stdout).toContain(flag);
    }
    expect((await cli(["scan", "--help"])).stdout).toBe(help.stdout);
  });
});

describe("pre-commit and --changed: only findings in the change print and gate", () => {
  const [, cov] = FINDINGS as [Finding, Finding];

  it("pre-commit scans the whole project under the cwd, whatever files it is given", async () => {
    const r = await cli(["pre-commit", "envs/prod/backup.tf"], only(ret, cov, mon));
    expect(r.scanned.map((o) => o.paths)).toEqual([["."]]);
    expect(r.scanned[0]?.cwd).toBe(work);
  });

  it("a finding on db.tf whose related location is the changed backup.tf prints and blocks", async () => {
    const r = await cli(["pre-commit", "envs/prod/backup.tf"], only(ret, cov, mon));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("RET-001");
    expect(r.stdout).toContain("MON-001");
    expect(r.stdout).not.toContain("COV-001");
    expect(r.stderr).toBe('restorable: findings in or related to 1 changed file; 1 more elsewhere in the project (run "restorable scan" to see them)\n');
  });

  it("an error finding outside the change neither prints nor blocks", async () => {
    const r = await cli(["pre-commit", "envs/prod/network.tf", "README.md"], only(ret, cov));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("aws_dynamodb_table.orders");
    expect(r.stdout).toContain("no findings");
  });

  it("takes the options a hook's args add before the file names", async () => {
    const r = await cli(["pre-commit", "--fail-on", "warning", "-q", "envs/prod/backup.tf"], only(mon, cov));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("MON-001");
    expect(r.stderr).toBe("");
  });

  it("without file names gates every finding (a manual run)", async () => {
    const r = await cli(["pre-commit"], only(cov));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("COV-001");
    expect(r.stderr).toBe("");
  });

  it("with --root, scans that folder and matches the given files relative to it", async () => {
    const atRoot: Finding = { ...cov, location: { ...cov.location, file: "db.tf" } };
    const r = await cli(["pre-commit", "--root", "infra", "infra/db.tf"], only(atRoot));
    expect(r.scanned.map((o) => o.paths)).toEqual([["infra"]]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("COV-001");
  });

  it("scan --changed filters the same way; paths are relative to the cwd and may be repeated", async () => {
    const r = await cli(["scan", "infra", "--changed", "./envs/prod/db.tf", "--changed", "elsewhere.tf"], only(ret, cov, mon));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("COV-001");
    expect(r.stdout).toContain("RET-001");
    expect((await cli(["scan", "infra", "--changed", "elsewhere.tf"], only(ret, cov))).code).toBe(0);
  });

  it("keeps every result in SARIF (an upload without them would close their alerts) but gates only the change", async () => {
    const r = await cli(["scan", "infra", "--format", "sarif", "--changed", "elsewhere.tf"], only(ret, cov));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { runs: { results: unknown[] }[] }).runs[0]?.results).toHaveLength(2);
  });

  it("filters JSON output to the change", async () => {
    const r = await cli(["scan", "infra", "--format", "json", "--changed", "envs/prod/backup.tf"], only(ret, cov));
    expect(r.stdout).toContain("RET-001");
    expect(r.stdout).not.toContain("COV-001");
  });

  it("rejects --changed on pre-commit (the files are its arguments)", async () => {
    const r = await cli(["pre-commit", "--changed", "a.tf"]);
    expect(r.code).toBe(2);
    expect(r.scanned).toEqual([]);
  });
});

describe("pre-commit with a changed configuration", () => {
  const [, cov] = FINDINGS as [Finding, Finding];

  it("gates every finding when .restorable.yml at the scan root is among the files", async () => {
    const r = await cli(["pre-commit", ".restorable.yml"], only(cov));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("COV-001");
  });

  it("gates every finding when the --config file is among the files", async () => {
    writeFileSync(join(work, "policy.yml"), "{}\n");
    const r = await cli(["pre-commit", "--config", "policy.yml", "./policy.yml"], only(cov));
    expect(r.code).toBe(1);
    expect((await cli(["pre-commit", "--config", "policy.yml", "other.tf"], only(cov))).code).toBe(0);
  });
});
