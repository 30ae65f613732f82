/** The Helm stage through scan() and the CLI: standard input, --values, notes in the summary. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliScanOptions } from "../../src/cli/main.js";
import { scan } from "../../src/index.js";
import { formatJson } from "../../src/report/json.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatText } from "../../src/report/text.js";
import { scanResult } from "../report/fixtures.js";
import { ledgerStatefulSet, project } from "./helpers.js";

const STS = `# Source: ledger/templates/statefulset.yaml\n${ledgerStatefulSet("payments")}`;

describe("scan -", () => {
  it("reads manifests from standard input only: the scan root is the cwd, nothing else is discovered", async () => {
    const dir = project({ "main.tf": 'resource "aws_s3_bucket" "b" { bucket = "x" }\n' });
    const result = await scan({ paths: ["-"], cwd: dir, env: {}, stdin: STS });
    expect(result.stats.files).toBe(0);
    const k8s = result.components.filter((c) => c.component.provider === "kubernetes");
    expect(k8s.map((c) => c.component.location.file)).toEqual(["-"]);
    // "-" is a valid relative URI reference, as SARIF requires.
    const sarif = JSON.parse(formatSarif(result)) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.every((u) => u === "-")).toBe(true);
  });

  it("stdin is ignored when - is not among the paths", async () => {
    const dir = project({ "main.tf": "" });
    const result = await scan({ paths: ["."], cwd: dir, env: {}, stdin: STS });
    expect(result.components.filter((c) => c.component.provider === "kubernetes")).toEqual([]);
  });
});

describe("--values through scan()", () => {
  it("a values file outside the chart folder changes every chart folder release, and its keys are its own", async () => {
    const dir = project({
      "db/Chart.yaml": "apiVersion: v2\nname: postgresql\nversion: 16.7.4\n",
      "db/values.yaml": "primary:\n  persistence:\n    enabled: true\n",
      "ci/no-persistence.yaml": "primary:\n  persistence:\n    enabled: false\n",
    });
    const without = await scan({ paths: ["db"], cwd: dir, env: {} });
    const withValues = await scan({ paths: ["db"], cwd: dir, env: {}, valuesFiles: [path.join(dir, "ci/no-persistence.yaml")] });
    const persistent = (r: typeof without) => r.components.filter((c) => c.component.provider === "kubernetes" && c.component.ephemeralStorage === undefined);
    expect(persistent(without).map((c) => c.component.address)).toEqual(["StatefulSet/default/postgresql"]);
    // With persistence off the data lives in an emptyDir: no persistent component is left.
    expect(persistent(withValues)).toEqual([]);
  });
});

describe("notes in the summary", () => {
  it("text and JSON reports say what the Helm stage assumed", async () => {
    const dir = project({ "db/Chart.yaml": "apiVersion: v2\nname: postgresql\nversion: 16.7.4\n", "db/values.yaml": "{}\n" });
    const result = await scan({ paths: ["."], cwd: dir, env: {} });
    expect(result.stats.notes?.map((n) => n.what)).toContain("namespace defaulted");
    expect(formatText(result, {})).toMatch(/Helm: chart folder db is installed by no declaration of the scan: it is judged as release "postgresql" \(the chart's name\) in namespace "default" \(db\/Chart.yaml:2:1\)/);
    expect((JSON.parse(formatJson(result, {})) as { stats: { notes: unknown[] } }).stats.notes).toHaveLength(1);
  });
});

describe("CLI", () => {
  async function run(argv: string[]): Promise<CliScanOptions[]> {
    const scanned: CliScanOptions[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: "/tmp", env: {}, isTTY: false, readStdin: async () => STS };
    await main(argv, io, {
      scan: async (o) => {
        scanned.push(o);
        return scanResult();
      },
    });
    return scanned;
  }

  it("- reads standard input; --values (repeatable, in order) and --helm-render reach scan()", async () => {
    const [o] = await run(["scan", "-", "--values", "/etc/hostname", "--values", "/etc/hosts", "--helm-render"]);
    expect(o).toMatchObject({ paths: ["-"], stdin: STS, valuesFiles: ["/etc/hostname", "/etc/hosts"], helmRender: true });
  });

  it("without - nothing reads standard input; --helm-render is off by default", async () => {
    const [o] = await run(["scan", "/tmp"]);
    expect(o!.stdin).toBeUndefined();
    expect(o!.helmRender).toBeUndefined();
  });
});
