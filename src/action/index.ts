/** The GitHub Action's entry (action.yml → dist/index.js, bundled by scripts/bundle.mjs). */
import { run } from "./run.js";

await run();
