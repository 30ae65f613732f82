// Bundles the GitHub Action (src/action/index.ts) into one ESM file (and the parse worker), plus the two .wasm
// files web-tree-sitter loads at run time (node_modules is not shipped with an action).
// Usage: node scripts/bundle.mjs [OUTDIR]   (default dist/). Output is deterministic.
import path from "node:path";
import { bundleInto, root } from "./esbuild-bundle.mjs";

// The parse worker is a file of its own: worker threads start from a script (src/hcl/pool.ts finds it next to the bundle).
await bundleInto(path.resolve(root, process.argv[2] ?? "dist"), { index: "src/action/index.ts", "parse-worker": "src/hcl/parse-worker.ts" });
