/** Helpers comparing our model with HashiCorp's parser as exposed by @cdktf/hcl2json. */
import { parse as hcl2json } from "@cdktf/hcl2json";
import type { Body } from "../../src/hcl/index.js";
import { literalValue } from "../../src/hcl/index.js";

export type OracleResult = { ok: true; json: Record<string, unknown> } | { ok: false; error: string };

export async function oracle(name: string, text: string): Promise<OracleResult> {
  try {
    return { ok: true, json: (await hcl2json(name, text)) as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: String(err) };
  }
}

/** hcl2json re-escapes template sequences in literal strings and has no infinity. */
export function asHcl2json(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (Array.isArray(value)) return value.map(asHcl2json);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [asHcl2json(k) as string, asHcl2json(v)]));
  }
  return value;
}

export interface LiteralMismatch {
  path: string;
  ours: unknown;
  theirs: unknown;
}

/** Every attribute whose expression is literal must have the value hcl2json gives for it. */
export function compareLiterals(body: Body, json: Record<string, unknown>, path = ""): LiteralMismatch[] {
  const out: LiteralMismatch[] = [];
  const blockTypes = new Set(body.blocks.map((b) => b.type));
  for (const attr of body.attributes) {
    if (blockTypes.has(attr.name)) continue;
    const ours = literalValue(attr.expr);
    if (ours === undefined) continue;
    const theirs = json[attr.name];
    const expected = asHcl2json(ours);
    if (JSON.stringify(sortKeys(expected)) !== JSON.stringify(sortKeys(theirs))) {
      out.push({ path: `${path}${attr.name}`, ours: expected, theirs });
    }
  }
  const seen = new Map<string, number>();
  for (const block of body.blocks) {
    const key = [block.type, ...block.labels].join("\u0000");
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    let node: unknown = json[block.type];
    for (const label of block.labels) node = (node as Record<string, unknown> | undefined)?.[label];
    const entry = Array.isArray(node) ? node[index] : undefined;
    const where = `${path}${[block.type, ...block.labels].join(".")}[${index}].`;
    if (!entry || typeof entry !== "object") {
      out.push({ path: where, ours: "block", theirs: node });
      continue;
    }
    out.push(...compareLiterals(block.body, entry as Record<string, unknown>, where));
  }
  return out;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
