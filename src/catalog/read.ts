/**
 * Reading evaluated resource bodies as three-valued facts. Provider-neutral:
 * catalog entries describe attributes by key path (`point_in_time_recovery.enabled`)
 * and these helpers walk nested blocks, object-valued attributes and unknowns.
 */
import type { Fact, Location, UnknownFact } from "../graph/types.js";
import { unknownFact } from "../graph/types.js";
import type { EvaluatedBlock, EvaluatedBody, FileRange, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isObject, isRef, isUnknown, type Value } from "../terraform/value.js";

export function toLocation(at: FileRange): Location {
  const { start, end } = at.range;
  return { file: at.file, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** What was found at a key path: a value (or `undefined` = absent), where it was written, or why it cannot be known. */
export type Lookup = { kind: "absent" } | { kind: "value"; value: Value; at: FileRange } | { kind: "unknown"; fact: UnknownFact; at?: FileRange };

const ABSENT: Lookup = { kind: "absent" };

/** Key paths split once: catalog entries ask for the same few hundred paths on every resource. */
const SPLIT_PATHS = new Map<string, readonly string[]>();

function keysOf(path: string): readonly string[] {
  let keys = SPLIT_PATHS.get(path);
  if (!keys) SPLIT_PATHS.set(path, (keys = path.split(".")));
  return keys;
}

/** Walk `a.b.c` through nested blocks (first block of each type) or object/list values of attributes. */
export function lookup(body: EvaluatedBody, path: string): Lookup {
  return lookupFrom(body, keysOf(path), 0);
}

function lookupFrom(body: EvaluatedBody, keys: readonly string[], i: number): Lookup {
  const head = keys[i];
  if (head === undefined) return ABSENT;
  const last = i === keys.length - 1;
  const attr = body.attributes.get(head);
  if (attr) return last ? { kind: "value", value: attr.value, at: attr.at } : digValue(attr.value, keys, i + 1, attr.at);
  const block = body.blocks.find((b) => b.type === head);
  if (block) return last ? { kind: "value", value: true, at: block.at } : lookupFrom(block, keys, i + 1);
  const dyn = body.unknownBlocks.get(head);
  if (dyn) return { kind: "unknown", fact: unknownFact(`dynamic "${head}" blocks: ${dyn.reason}`, dyn.hint) };
  return ABSENT;
}

function digValue(v: Value, keys: readonly string[], from: number, at: FileRange): Lookup {
  let cur: Value = v;
  for (let i = from; i < keys.length; i++) {
    const key = keys[i]!;
    if (isList(cur)) cur = cur[0] ?? null;
    if (cur === null) return ABSENT;
    if (isUnknown(cur) || isRef(cur)) return { kind: "unknown", fact: factOfOpaque(cur), at };
    if (!isObject(cur)) return ABSENT;
    if (!(key in cur)) return ABSENT;
    cur = cur[key]!;
  }
  return { kind: "value", value: cur, at };
}

export function factOfOpaque(v: Value): UnknownFact {
  if (isUnknown(v)) return unknownFact(v.reason, v.hint);
  if (isRef(v)) return unknownFact(`${v.address}.${v.attribute} is known only after apply`);
  return unknownFact("value is not known statically");
}

/** The blocks of a type in a body (nested `a.b` paths allowed), or an unknown when a dynamic expansion is unknown. */
export function blocksAt(body: EvaluatedBody, path: string): { blocks: EvaluatedBlock[]; unknown?: UnknownFact } {
  const parts = path.split(".");
  let bodies: EvaluatedBlock[] = [];
  let from: EvaluatedBody[] = [body];
  for (const part of parts) {
    const next: EvaluatedBlock[] = [];
    for (const b of from) {
      const dyn = b.unknownBlocks.get(part);
      if (dyn) return { blocks: [], unknown: unknownFact(`dynamic "${part}" blocks: ${dyn.reason}`, dyn.hint) };
      next.push(...b.blocks.filter((x) => x.type === part));
    }
    bodies = next;
    from = next;
  }
  return { blocks: bodies };
}
export function atOf(l: Lookup): FileRange | undefined {
  return l.kind === "value" || l.kind === "unknown" ? l.at : undefined;
}

/** A bool fact with a documented default when absent/null. */
export function boolFact(body: EvaluatedBody, path: string, dflt: Fact<boolean>): Fact<boolean> {
  const l = lookup(body, path);
  if (l.kind === "absent") return dflt;
  if (l.kind === "unknown") return l.fact;
  const v = l.value;
  if (v === null) return dflt;
  if (typeof v === "boolean") return v;
  if (v === "true") return true;
  if (v === "false") return false;
  if (isUnknown(v) || isRef(v)) return factOfOpaque(v);
  return unknownFact(`${path} is not a bool`);
}

export function numFact(body: EvaluatedBody, path: string, dflt: Fact<number | null>): Fact<number | null> {
  const l = lookup(body, path);
  if (l.kind === "absent") return dflt;
  if (l.kind === "unknown") return l.fact;
  const v = l.value;
  if (v === null) return dflt;
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  if (isUnknown(v) || isRef(v)) return factOfOpaque(v);
  return unknownFact(`${path} is not a number`);
}

export function strFact(body: EvaluatedBody, path: string, dflt: Fact<string | null>): Fact<string | null> {
  const l = lookup(body, path);
  if (l.kind === "absent") return dflt;
  if (l.kind === "unknown") return l.fact;
  const v = l.value;
  if (v === null) return dflt;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isUnknown(v) || isRef(v)) return factOfOpaque(v);
  return unknownFact(`${path} is not a string`);
}

/** Raw value at a path (`undefined` when absent or null). */
export function rawValue(body: EvaluatedBody, path: string): Value | undefined {
  const l = lookup(body, path);
  if (l.kind === "value") return l.value === null ? undefined : l.value;
  if (l.kind === "unknown") return undefined;
  return undefined;
}

export function isSet(body: EvaluatedBody, path: string): boolean | "unknown" {
  const l = lookup(body, path);
  if (l.kind === "absent") return false;
  if (l.kind === "unknown") return "unknown";
  return l.value !== null;
}

/** A map(string) value (tags) as facts. */
export function stringMapFact(v: Value | undefined): Fact<Record<string, Fact<string>>> {
  if (v === undefined || v === null) return {};
  if (isUnknown(v) || isRef(v)) return factOfOpaque(v);
  if (!isObject(v)) return unknownFact("tags is not a map");
  const out: Record<string, Fact<string>> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null) continue;
    if (typeof x === "string") out[k] = x;
    else if (typeof x === "number" || typeof x === "boolean") out[k] = String(x);
    else out[k] = factOfOpaque(x);
  }
  return out;
}

export function mapFact<T, U>(f: Fact<T>, fn: (v: T) => Fact<U>): Fact<U> {
  return isUnknownFactLike(f) ? f : fn(f as T);
}

function isUnknownFactLike(v: unknown): v is UnknownFact {
  return typeof v === "object" && v !== null && (v as UnknownFact).unknown === true;
}

/** Key paths that exist in the body, with their locations (for `anchors`). */
export function anchorsOf(r: ResourceInstance, paths: readonly string[]): Record<string, Location> {
  const out: Record<string, Location> = {};
  for (const p of paths) {
    const l = lookup(r.body, p);
    const at = atOf(l);
    if (at) out[p] = toLocation(at);
    else {
      // A block path (`point_in_time_recovery`) anchors on the block header.
      const parts = p.split(".");
      let body: EvaluatedBody = r.body;
      let found: FileRange | undefined;
      for (const part of parts) {
        const b = body.blocks.find((x) => x.type === part);
        if (!b) {
          found = undefined;
          break;
        }
        body = b;
        found = b.at;
      }
      if (found) out[p] = toLocation(found);
    }
  }
  return out;
}
