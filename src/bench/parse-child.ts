/**
 * The benchmark's yardstick in a fresh process (as cold as the scan it is compared with): parse every
 * HCL file the scan parses (.tf and .tfvars), read beforehand, once with the tree-sitter grammar alone
 * (the floor issue 7 measures against) and once through restorable's parser (fast path, tree-sitter
 * for the rest, the AST the scan evaluates). Prints one JSON line with both times.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fg from "fast-glob";
import { Language, Parser } from "web-tree-sitter";
import { createHclParser } from "../hcl/index.js";

const dir = process.argv[2]!;
const files = (await fg(["**/*.tf", "**/*.tfvars"], { cwd: dir, ignore: ["**/node_modules/**", "**/.git/**"] })).sort();
const texts = files.map((f) => readFileSync(path.join(dir, f), "utf8"));
await Parser.init();
const grammar = new Parser();
const require = createRequire(import.meta.url);
grammar.setLanguage(await Language.load(path.join(path.dirname(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/package.json")), "tree-sitter-terraform.wasm")));
let start = performance.now();
for (const t of texts) grammar.parse(t)?.delete();
const grammarMs = performance.now() - start;
const parser = await createHclParser();
start = performance.now();
for (let i = 0; i < texts.length; i++) parser.parse(texts[i]!, files[i]!);
process.stdout.write(JSON.stringify({ grammarMs, astMs: performance.now() - start, files: files.length }) + "\n");
