/** In-memory inputs for the Helm stage: files by path, packaged charts built with a tiny ustar writer. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadKubernetes, type KubernetesInput, type KubernetesResult } from "../../src/helm/index.js";
import type { HelmRelease } from "../../src/helm/types.js";

/** A gzip'd tar of `files` (as `helm package` writes: members under one folder). */
export function tgz(files: Record<string, string | Uint8Array>): Uint8Array {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const h = Buffer.alloc(512, 0);
    h.write(name, 0, 100, "utf8");
    h.write("0000644\0", 100, "latin1");
    h.write("0000000\0", 108, "latin1");
    h.write("0000000\0", 116, "latin1");
    h.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124, "latin1");
    h.write("00000000000\0", 136, "latin1");
    h.write("        ", 148, "latin1");
    h.write("0", 156, "latin1");
    h.write("ustar\0", 257, "latin1");
    h.write("00", 263, "latin1");
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512, 0));
  }
  blocks.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(blocks));
}

export function load(files: Record<string, string | Uint8Array>, extra: Partial<KubernetesInput> = {}): KubernetesResult {
  const yamlFiles = Object.entries(files).flatMap(([p, t]) => (typeof t === "string" && /\.ya?ml$/.test(p) ? [{ path: p, text: t }] : []));
  const archives = Object.entries(files).flatMap(([p, b]) => (typeof b !== "string" ? [{ path: p, bytes: b }] : []));
  return loadKubernetes({ yamlFiles, archives, valuesFiles: [], terraform: [], clusters: [], ...extra });
}

export function release(r: KubernetesResult, id: string): HelmRelease {
  const found = r.releases.find((x) => x.id === id);
  if (!found) throw new Error(`no release ${id} among ${r.releases.map((x) => x.id).join(", ")}`);
  return found;
}

/** A temporary project folder with these files. */
export function project(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "restorable-helm-"));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  }
  return dir;
}

/** A PostgreSQL StatefulSet with a 10Gi claim template, as a chart renders it (in `namespace`, when given). */
export function ledgerStatefulSet(namespace?: string): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
${namespace ? `  namespace: ${namespace}\n` : ""}spec:
  serviceName: ledger
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: postgres
          image: postgres:16
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`;
}
