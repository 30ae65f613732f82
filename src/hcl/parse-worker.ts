/**
 * A worker thread that parses HCL files for the main thread (src/hcl/pool.ts): it loads the
 * grammar once, then answers each batch of `{ path, text }` with the parsed files, in order.
 * Parsing is a pure function of one file's text, so where it runs changes nothing.
 */
import { parentPort } from "node:worker_threads";
import { createHclParser } from "./parser.js";

const parser = await createHclParser();
parentPort!.on("message", (batch: { path: string; text: string }[]) => {
  parentPort!.postMessage(batch.map((f) => parser.parse(f.text, f.path)));
});
parentPort!.postMessage("ready");
