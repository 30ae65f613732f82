/**
 * The damage the fuzz tests (fuzz.ts) do to a fixture file, deterministic from a seed: byte
 * flips, truncation, deleted lines, duplicated lines, random bytes. Kept apart so a failing case can
 * be replayed alone (damage(original, kind, rng(caseSeed(seed, name)))).
 */
/** mulberry32, shared with the benchmark's generator. */
export { rng } from "../../src/bench/generate.js";

/** FNV-1a of the case's name: each (file, index) has a generator of its own. */
export function caseSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const KINDS = ["byte flips", "truncation", "deleted lines", "duplicated lines", "random bytes"] as const;
export type Kind = (typeof KINDS)[number];

export function damage(bytes: Buffer, kind: Kind, rand: () => number): Buffer {
  const int = (n: number) => Math.floor(rand() * n);
  if (bytes.length === 0) return Buffer.from([int(256)]);
  switch (kind) {
    case "byte flips": {
      const out = Buffer.from(bytes);
      for (let n = 1 + int(4); n > 0; n--) {
        const at = int(out.length);
        out[at] = out[at]! ^ (1 + int(255));
      }
      return out;
    }
    case "truncation":
      return bytes.subarray(0, int(bytes.length));
    case "deleted lines":
    case "duplicated lines": {
      const lines = splitLines(bytes);
      for (let n = 1 + int(3); n > 0 && lines.length > 0; n--) {
        const i = int(lines.length);
        if (kind === "deleted lines") lines.splice(i, 1);
        else lines.splice(i, 0, lines[i]!);
      }
      return Buffer.concat(lines);
    }
    case "random bytes": {
      const run = Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256)));
      const at = int(bytes.length + 1);
      // Inserted or written over what is there.
      const rest = rand() < 0.5 ? bytes.subarray(at) : bytes.subarray(Math.min(bytes.length, at + run.length));
      return Buffer.concat([bytes.subarray(0, at), run, rest]);
    }
  }
}

/** Lines with their line endings, as bytes (the damage works below the text: any encoding). */
function splitLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

