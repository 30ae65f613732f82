/**
 * `--set`-style values (Helm's strvals, github.com/helm/helm pkg/strvals/parser.go), as Terraform
 * helm_release `set` blocks, Argo CD `helm.parameters`, helmfile `set:` and Flux `valuesFrom.targetPath`
 * pass them. The key is a dotted path (`\.` for a literal dot, `[n]` for a list index); the value is typed
 * as strvals' typedVal does — `true`/`false`/`null` in any case, `0`, and integers that do not start
 * with 0 — unless the string form is forced (`--set-string`, `type = "string"`, `forceString: true`);
 * `{a,b}` is a list.
 */
import type { Location } from "../graph/types.js";
import type { ValueLayer } from "./values.js";
import { parseSetPath, treeAt } from "./values.js";
import type { Plain } from "./yaml.js";

/** strvals typedVal. */
export function strvalsScalar(raw: string, forceString: boolean): Plain {
  if (forceString) return raw;
  const lower = raw.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (raw === "0") return 0;
  if (raw !== "" && raw[0] !== "0" && /^[+-]?\d+$/.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n)) return n;
  }
  return raw;
}

/** A `set` value as Helm reads it: `{a,b}` a list, `\,` a literal comma, else one typed scalar. */
export function strvalsValue(raw: string, forceString: boolean): Plain {
  if (raw.startsWith("{") && raw.endsWith("}")) {
    return splitUnescaped(raw.slice(1, -1)).map((item) => strvalsScalar(item, forceString));
  }
  return strvalsScalar(raw.replace(/\\,/g, ","), forceString);
}

function splitUnescaped(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\" && i + 1 < s.length) cur += s[++i];
    else if (s[i] === ",") out.push(cur), (cur = "");
    else cur += s[i];
  }
  out.push(cur);
  return out;
}

export interface SetEntry {
  name: string;
  value: Plain;
  location: Location;
  /** How the entry is shown in messages (`set "primary.persistence.enabled"` of helm_release.db). */
  label: string;
}

/** One layer per entry (each is written at its own place), in order; entries whose key cannot be read are returned apart. */
export function setLayers(entries: readonly SetEntry[]): { layers: ValueLayer[]; unreadable: SetEntry[] } {
  const layers: ValueLayer[] = [];
  const unreadable: SetEntry[] = [];
  for (const e of entries) {
    const path = parseSetPath(e.name);
    if (!path) {
      unreadable.push(e);
      continue;
    }
    layers.push({ origin: "set", name: e.label, value: treeAt(path, e.value), location: e.location });
  }
  return { layers, unreadable };
}
