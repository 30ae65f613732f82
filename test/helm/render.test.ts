/** --helm-render with a fake `helm` on PATH: no test needs the real helm. */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/index.js";
import { ledgerStatefulSet, project } from "./helpers.js";

const RENDERED = `---\n# Source: ledger/templates/statefulset.yaml\n${ledgerStatefulSet()}`;

/** A folder holding an executable `helm` that records its arguments and prints `stdout` (or fails). */
function fakeHelm(stdout: string, exitCode = 0): { bin: string; args: string } {
  const bin = mkdtempSync(path.join(tmpdir(), "restorable-fake-helm-"));
  const args = path.join(bin, "args.txt");
  const body = exitCode === 0 ? `cat <<'EOF'\n${stdout}EOF\n` : `echo "Error: chart requires kubeVersion >= 1.99" >&2\nexit ${exitCode}\n`;
  writeFileSync(path.join(bin, "helm"), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${args}'\nexport PATH=/usr/bin:/bin\n${body}`);
  chmodSync(path.join(bin, "helm"), 0o755);
  return { bin, args };
}

const CHART = { "charts/ledger/Chart.yaml": "apiVersion: v2\nname: ledger\nversion: 0.3.0\n", "charts/ledger/values.yaml": "replicas: 1\n", "charts/ledger/values-prod.yaml": "replicas: 3\n" };

describe("--helm-render", () => {
  it("renders each chart folder release with helm template, values files in order, no network flags", async () => {
    const dir = project(CHART);
    const helm = fakeHelm(RENDERED);
    const result = await scan({ paths: [dir], cwd: dir, env: { PATH: helm.bin }, helmRender: true });
    expect(result.findings.filter((f) => f.ruleId === "CFG-001")).toEqual([]);
    const args = readFileSync(helm.args, "utf8").trim().split("\n");
    // The last variant rendered is values-prod.yaml.
    expect(args).toEqual(["template", "ledger", path.join(dir, "charts/ledger"), "--namespace", "default", "--skip-tests", "-f", path.join(dir, "charts/ledger/values-prod.yaml")]);
    expect(args).not.toContain("--dependency-update");
    const ledger = result.components.filter((c) => c.component.provider === "kubernetes");
    expect(ledger.length).toBeGreaterThan(0);
    // Rendered objects are placed at the template their # Source: comment names.
    expect(ledger.every((c) => c.component.location.file === "charts/ledger/templates/statefulset.yaml")).toBe(true);
  });

  it("a failed render is a CFG-001 on the Chart.yaml, never a silently skipped chart", async () => {
    const dir = project(CHART);
    const helm = fakeHelm("", 1);
    const result = await scan({ paths: [dir], cwd: dir, env: { PATH: helm.bin }, helmRender: true });
    const cfg = result.findings.filter((f) => f.ruleId === "CFG-001");
    // One CFG-001 per file: both variants (values.yaml, values-prod.yaml) failed on the same Chart.yaml.
    expect(cfg.map((f) => f.location.file)).toEqual(["charts/ledger/Chart.yaml"]);
    expect(cfg[0]!.message).toMatch(/helm template failed: Error: chart requires kubeVersion/);
  });

  it("no helm on PATH is a CFG-001 too", async () => {
    const dir = project(CHART);
    const empty = mkdtempSync(path.join(tmpdir(), "restorable-no-helm-"));
    const result = await scan({ paths: [dir], cwd: dir, env: { PATH: empty }, helmRender: true });
    expect(result.findings.find((f) => f.ruleId === "CFG-001")?.message).toMatch(/no helm binary on PATH/);
  });

  it("off by default: nothing is run", async () => {
    const dir = project(CHART);
    const helm = fakeHelm(RENDERED);
    await scan({ paths: [dir], cwd: dir, env: { PATH: helm.bin } });
    expect(() => readFileSync(helm.args)).toThrow();
  });
});
