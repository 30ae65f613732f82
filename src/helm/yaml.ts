/**
 * YAML documents with the source range of every key and value (the `yaml` package's CST),
 * for values files, Chart.yaml, helmfile.yaml and Kubernetes manifests. Columns are UTF-16
 * code units (JavaScript string indices), as SARIF expects.
 *
 * Safety (issue 6): alias expansion is bounded (an alias bomb is a parse problem, not an
 * out-of-memory), documents above MAX_DOCUMENTS or nested deeper than MAX_DEPTH are cut off
 * with a problem; nothing here throws on bad input.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import type { Location } from "../graph/types.js";

/** A plain value as YAML gives it (maps are plain objects). */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** A key path into a document: map keys and list indices. */
export type YamlPath = readonly (string | number)[];

/** One parsed document: its value and the location of each path's key-and-value. */
export interface PositionedDocument {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: Plain;
  /** Location of each path (pathKey), from its key to the end of its value; the root is "". */
  positions: Map<string, Location>;
}

export interface YamlProblem {
  file: string;
  message: string;
  location: Location;
}

/** Alias references a document may expand (the `yaml` package's bound; beyond it, toJS throws). */
export const MAX_ALIAS_COUNT = 100;
export const MAX_DOCUMENTS = 10_000;
export const MAX_DEPTH = 64;

/** The key of a path in position maps: segments joined by NUL (keys may contain dots and slashes). */
export function pathKey(path: YamlPath): string {
  return path.map(String).join("\u0000");
}

/** A path as users write it: `primary.persistence.enabled`, `items[0].name`, quoting keys with dots. */
export function pathText(path: YamlPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function location(file: string, lines: LineCounter, start: number, end: number): Location {
  const a = lines.linePos(start);
  const b = lines.linePos(end);
  return { file, startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
}

/** Parses every document of a YAML file; problems (syntax, alias bombs, depth) are returned, never thrown. */
export function parseYamlDocuments(text: string, file: string): { documents: PositionedDocument[]; problems: YamlProblem[] } {
  const lines = new LineCounter();
  const problems: YamlProblem[] = [];
  let docs: Document[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: false });
    docs = Array.isArray(parsed) ? parsed : [parsed as unknown as Document];
  } catch (e) {
    return { documents: [], problems: [{ file, message: `the YAML could not be parsed: ${(e as Error).message}`, location: location(file, lines, 0, 0) }] };
  }
  const documents: PositionedDocument[] = [];
  docs.forEach((doc, index) => {
    if (index >= MAX_DOCUMENTS) {
      if (index === MAX_DOCUMENTS) problems.push({ file, message: `the file has more than ${MAX_DOCUMENTS} YAML documents; the rest were skipped`, location: location(file, lines, docStart(doc), docStart(doc)) });
      return;
    }
    const err = doc.errors[0];
    if (err) {
      const [s, e] = err.pos;
      // The yaml package turns a stack overflow on deep nesting into a document error.
      const message = /Maximum call stack size exceeded/.test(err.message) ? "the YAML nests too deeply to be read" : `invalid YAML: ${err.message.split("\n")[0]}`;
      problems.push({ file, message, location: location(file, lines, s, e) });
      return;
    }
    if (doc.contents === null) return;
    let value: Plain;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Plain;
    } catch (e) {
      problems.push({ file, message: `the YAML document could not be expanded (${(e as Error).message}); it was skipped`, location: location(file, lines, docStart(doc), docEnd(doc)) });
      return;
    }
    const positions = new Map<string, Location>();
    const deep = collectPositions(doc.contents as Node, [], positions, file, lines, 0);
    if (deep) {
      problems.push({ file, message: `the YAML document nests deeper than ${MAX_DEPTH} levels; it was skipped`, location: location(file, lines, docStart(doc), docEnd(doc)) });
      return;
    }
    documents.push({ file, index, value, positions });
  });
  return { documents, problems };
}

function docStart(doc: Document): number {
  return doc.range?.[0] ?? 0;
}

function docEnd(doc: Document): number {
  return doc.range?.[1] ?? docStart(doc);
}

/** Records the location of every path; true when the document nests deeper than MAX_DEPTH. */
function collectPositions(node: Node | null | undefined, path: (string | number)[], out: Map<string, Location>, file: string, lines: LineCounter, depth: number, keyStart?: number): boolean {
  if (!node) return false;
  if (depth > MAX_DEPTH) return true;
  const range = node.range;
  if (range) out.set(pathKey(path), location(file, lines, keyStart ?? range[0], range[1]));
  if (isAlias(node)) return false;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const keyNode = pair.key as Node;
      const value = pair.value as Node | null;
      const child = [...path, key];
      if (value) {
        // The location spans from the key to the end of its value.
        if (collectPositions(value, child, out, file, lines, depth + 1, keyNode.range?.[0])) return true;
      } else if (keyNode.range) out.set(pathKey(child), location(file, lines, keyNode.range[0], keyNode.range[1]));
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) if (collectPositions(node.items[i] as Node, [...path, i], out, file, lines, depth + 1)) return true;
  }
  return false;
}

/** The location of a path, or of its deepest located ancestor. */
export function locateIn(doc: Pick<PositionedDocument, "positions">, path: YamlPath): { location: Location; exact: boolean } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const at = doc.positions.get(pathKey(path.slice(0, n)));
    if (at) return { location: n === path.length ? at : firstLine(at), exact: n === path.length };
  }
  return undefined;
}

/** Just the first line of a location (an ancestor map's key line, not its whole body). */
export function firstLine(l: Location): Location {
  return l.endLine === l.startLine ? l : { ...l, endLine: l.startLine, endColumn: l.startColumn + 1 };
}

/** A value at a path of a plain tree (undefined when absent). */
export function valueAt(v: Plain | undefined, path: YamlPath): Plain | undefined {
  let cur: Plain | undefined = v;
  for (const seg of path) {
    if (cur === null || cur === undefined) return undefined;
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (typeof cur !== "object" || Array.isArray(cur)) return undefined;
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    }
  }
  return cur;
}

export function isPlainObject(v: Plain | undefined): v is { [key: string]: Plain } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
