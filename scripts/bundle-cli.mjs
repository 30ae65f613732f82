// Bundles the CLI (src/cli/main.ts) and the parse worker into lib/bundle/, so `npx restorable`
// loads one file instead of some 150 modules and their dependencies (issue 7: a scan of a small
// module in under 400 ms, Node start-up included), and compiles the shipped policies to
// lib/builtin-policies.json (validated once here, not on every run). Runs in `npm run build`, after tsc.
import path from "node:path";
import { bundleInto, root } from "./esbuild-bundle.mjs";

const { writeCompiledBuiltins } = await import("../lib/policy/load.js");
writeCompiledBuiltins();

await bundleInto(path.join(root, "lib", "bundle"), { cli: "src/cli/main.ts", "parse-worker": "src/hcl/parse-worker.ts" });
