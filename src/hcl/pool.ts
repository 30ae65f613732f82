/**
 * Parsing across cores (issue 7): the files the fast parser (fast.ts) leaves to tree-sitter, when
 * they are many, are parsed by worker threads, each with its own grammar, in batches; results come
 * back keyed by path, so the scan is the same whatever the worker count. Clean files are not sent:
 * the fast parser reads one in less time than a worker's result takes to be received (structured
 * clone of the AST), and few inputs are not worth the workers' start-up (about 60 ms each).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedFile } from "./ast.js";
import { LineIndex, rehydrateRanges, stripBom } from "./positions.js";

/** Below these, one thread parses faster than workers start. */
export const PARALLEL_MIN_FILES = 300;
export const PARALLEL_MIN_BYTES = 512 * 1024;
const BATCH_FILES = 64;
/** The calling thread's share is taken in smaller steps, so workers never wait long for their next batch. */
const HERE_BATCH_FILES = 16;

/** Workers for an input: `requested` when given (0 = none), else one per core beyond the caller's, for large inputs. */
export function workerCount(files: readonly { text: string }[], requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  if (files.length < PARALLEL_MIN_FILES && bytes < PARALLEL_MIN_BYTES) return 0;
  return Math.min(availableParallelism() - 1, 8);
}

/** The worker script next to this module (lib/hcl/ after the build, dist/ in the Action's bundle); absent when running from sources. */
function workerScript(): string | undefined {
  const js = fileURLToPath(new URL("./parse-worker.js", import.meta.url));
  return existsSync(js) ? js : undefined;
}

/**
 * Parses the files in `workers` threads, the calling thread taking batches too (receiving a
 * worker's result costs the caller about a third of parsing it, so an idle caller would waste a
 * core). Undefined when the worker script is not available (running from the TypeScript
 * sources): the caller then parses everything itself.
 */
export async function parseInWorkers(
  files: readonly { path: string; text: string }[],
  workers: number,
  parseHere?: (text: string, path: string) => ParsedFile,
): Promise<Map<string, ParsedFile> | undefined> {
  const script = workerScript();
  if (!script || workers <= 0 || files.length === 0) return undefined;
  const batches: { path: string; text: string }[][] = [];
  for (let i = 0; i < files.length; i += BATCH_FILES) batches.push(files.slice(i, i + BATCH_FILES));
  const results = new Map<string, ParsedFile>();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(script));
  let next = 0;
  try {
    const inWorkers = pool.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= batches.length) return resolve();
            worker.postMessage(batches[next++]);
          };
          worker.on("message", (msg: "ready" | ParsedFile[]) => {
            if (msg !== "ready") for (const p of msg) results.set(p.path, withRanges(p, texts.get(p.path) ?? ""));
            send();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`a parse worker exited with code ${code}`))));
        }),
    );
    if (parseHere) {
      // Small batches here, yielding between them so workers' results are received and they get their next batch.
      while (next < batches.length) {
        const batch = batches[next++]!;
        for (const f of batch.slice(0, HERE_BATCH_FILES)) results.set(f.path, parseHere(f.text, f.path));
        if (batch.length > HERE_BATCH_FILES) batches.push(batch.slice(HERE_BATCH_FILES));
        await new Promise((r) => setImmediate(r));
      }
    }
    await Promise.all(inWorkers);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** A worker's ParsedFile came through structured clone, which keeps a range's offsets only: its ranges are made again over the file's text. */
function withRanges(parsed: ParsedFile, text: string): ParsedFile {
  rehydrateRanges(parsed, new LineIndex(stripBom(text)));
  return parsed;
}
