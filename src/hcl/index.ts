export type * from "./ast.js";
export { createHclParser, type HclParser } from "./parser.js";
export { parseTfJson } from "./json.js";
export { literalValue } from "./literal.js";
