/**
 * Validators for the CDS Hooks 2.0 JSON shapes (tests/cds/schema/cds-hooks-2.0.schema.json,
 * written from the published 2.0.1 tables) with Ajv (JSON Schema 2020-12).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";

const schema: unknown = JSON.parse(readFileSync(join(__dirname, "schema", "cds-hooks-2.0.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
ajv.addSchema(schema as object);

function validator(def: string) {
  const validate = ajv.getSchema(`urn:opioid-taper-planner:test:cds-hooks-2.0#/$defs/${def}`);
  if (!validate) throw new Error(`no schema for ${def}`);
  return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`));
}

/** Problems of a value against the named definition ([] when valid). */
export const cdsSchema = {
  response: validator("response"),
  discovery: validator("discovery"),
  feedback: validator("feedback"),
  card: validator("card"),
};
