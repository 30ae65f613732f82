// Writes docs/rules.md from the built rule metadata. Run through `npm run docs` (builds first).
import { writeFileSync } from "node:fs";
import { renderRuleDocs } from "../lib/report/rule-docs.js";
import { ruleMetadata } from "../lib/rules/index.js";

writeFileSync(new URL("../docs/rules.md", import.meta.url), renderRuleDocs(ruleMetadata()));
console.log("docs/rules.md written");
