/**
 * `--helm-render` (off by default: the one documented exception to never running anything, SPEC
 * section 7): a chart folder's release is rendered by the local `helm` binary instead of chart
 * knowledge, with `helm template <release> <dir> --namespace <ns> --skip-tests -f <values>...`
 * (https://helm.sh/docs/helm/helm_template/). No `--dependency-update`, so no repository is
 * contacted; no shell; a timeout; an environment with PATH only and Helm's config, cache and data
 * folders pointed at an empty temporary folder (no repository credentials, no registry logins).
 * Objects are then the rendered documents, each placed at the template its `# Source:` comment names.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const HELM_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export interface RenderRequest {
  release: string;
  namespace: string;
  /** Absolute chart folder. */
  chartDir: string;
  /** Absolute values files, in order. */
  valuesFiles: string[];
}

export type RenderResult = { ok: true; stdout: string } | { ok: false; message: string };

export type HelmRenderer = (req: RenderRequest) => RenderResult;

/** Runs `helm template`, found on `PATH` of `env`. */
export function helmTemplate(env: Record<string, string | undefined>): HelmRenderer {
  return (req) => {
    const home = mkdtempSync(path.join(tmpdir(), "restorable-helm-"));
    try {
      const r = spawnSync("helm", ["template", req.release, req.chartDir, "--namespace", req.namespace, "--skip-tests", ...req.valuesFiles.flatMap((f) => ["-f", f])], {
        encoding: "utf8",
        timeout: HELM_TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT_BYTES,
        shell: false,
        env: {
          PATH: env["PATH"] ?? "",
          HOME: home,
          HELM_CONFIG_HOME: path.join(home, "config"),
          HELM_CACHE_HOME: path.join(home, "cache"),
          HELM_DATA_HOME: path.join(home, "data"),
        },
      });
      if (r.error) {
        const code = (r.error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return { ok: false, message: "--helm-render: no helm binary on PATH; install Helm 3 or drop --helm-render" };
        if (code === "ETIMEDOUT") return { ok: false, message: `--helm-render: helm template did not finish within ${HELM_TIMEOUT_MS / 1000} s` };
        return { ok: false, message: `--helm-render: helm template could not run (${code ?? r.error.message})` };
      }
      if (r.status !== 0) {
        const why = (r.stderr ?? "").trim().split("\n").filter((l) => l.trim() !== "").slice(-1)[0] ?? `exit code ${r.status ?? r.signal}`;
        return { ok: false, message: `--helm-render: helm template failed: ${why}` };
      }
      return { ok: true, stdout: r.stdout ?? "" };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  };
}

/** The `# Source: <chart>/templates/x.yaml` path of each rendered document, by the document's first line. */
export function sourceComments(text: string): { line: number; source: string }[] {
  const out: { line: number; source: string }[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const m = /^# Source: (.+?)\s*$/.exec(l);
    if (m) out.push({ line: i + 1, source: m[1]! });
  });
  return out;
}

/** The scan file of a rendered template: `<chart>/templates/x.yaml` → `<chartDir>/templates/x.yaml`, subcharts under `charts/`. */
export function templateFile(source: string, chartDir: string): string {
  const rest = source.split("/").slice(1).join("/");
  return chartDir === "." ? rest : `${chartDir}/${rest}`;
}
