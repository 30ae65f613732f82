/**
 * The official SARIF 2.1.0 schema as a validator, for every test that checks a log against it. The
 * schema is draft-04 (ajv-draft-04); ajv ships no format validators, so the three formats the schema
 * uses are checked here, strictly enough to catch an absolute path or an unencoded space in a URI.
 */
import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";

const schema = JSON.parse(readFileSync(new URL("./sarif-schema-2.1.0.json", import.meta.url), "utf8")) as object;

export function sarifValidator() {
  // CommonJS package: under NodeNext the default import is module.exports, whose `default` is the class.
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("uri", (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s));
  ajv.addFormat("uri-reference", (s: string) => !/[\s\\]/.test(s) && !s.startsWith("/") && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
